import { beforeEach, describe, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { savePaper } from '../../../src/db/papers';
import { setNotes, setTags } from '../../../src/db/reading-list';
import { handleReadingListRequest } from '../../../src/messaging/reading-list-handler';
import { EDITED_ELSEWHERE, ReadingListRequestSchema } from '../../../src/schema';

// Two reading-list tabs edit the same paper's note: each write says what the note was when its
// edit began (`since`), and one made over the other tab's change is refused, not written over it.

let db: PaperLensDatabase;
let counter = 0;
const ID = '2310.01779';

beforeEach(async () => {
  db = new PaperLensDatabase(`edits-two-tabs-${++counter}`);
  await savePaper(db, { id: ID, title: 'HallE-Control' }, 1_000);
  await setNotes(db, ID, 'Great paper.', 2_000);
  await setTags(db, ID, ['nlp'], 3_000);
});

const stored = async () => (await db.saved.get(ID))!;

describe('a note or tags written with what they were when the edit began', () => {
  test('a note: written while the store still holds what the edit began from (then each value it wrote); refused once another tab changed it', async () => {
    await setNotes(db, ID, 'Great paper. [B1]', 4_000, 'Great paper.');
    await setNotes(db, ID, 'Great paper. [B1] [B2]', 5_000, 'Great paper. [B1]');
    expect((await stored()).notes).toBe('Great paper. [B1] [B2]');
    // Tab A began from "Great paper." and never saw B's writes.
    await expect(setNotes(db, ID, 'Great paper. [A]', 6_000, 'Great paper.')).rejects.toThrow(EDITED_ELSEWHERE);
    expect(await stored()).toMatchObject({ notes: 'Great paper. [B1] [B2]', updatedAt: 5_000 });
    // What the other tab wrote already: nothing to refuse. Without `since` (the reader chose to write over it): written.
    expect((await setNotes(db, ID, 'Great paper. [B1] [B2]', 7_000, 'Great paper.')).notes).toBe('Great paper. [B1] [B2]');
    await setNotes(db, ID, 'Great paper. [A]', 8_000);
    expect((await stored()).notes).toBe('Great paper. [A]');
  });

  test('tags: the same, the tags compared as stored', async () => {
    await setTags(db, ID, ['nlp', 'fromB'], 4_000, ['nlp']);
    await expect(setTags(db, ID, ['nlp', 'fromA'], 5_000, ['nlp'])).rejects.toThrow(EDITED_ELSEWHERE);
    expect((await stored()).tags).toEqual(['nlp', 'fromB']);
    await setTags(db, ID, ['nlp', 'fromB', 'later'], 6_000, ['nlp', 'fromB']);
    expect((await stored()).tags).toEqual(['nlp', 'fromB', 'later']);
  });

  test('through the message the reading list sends: `since` is validated and passed on, and the refusal says why', async () => {
    const parse = (request: unknown) => ReadingListRequestSchema.parse(request);
    const request = parse({ type: 'setNotes', id: ID, notes: 'Mine.', since: 'An old note.' });
    await expect(handleReadingListRequest(db, request, 9_000)).rejects.toThrow(EDITED_ELSEWHERE);
    expect(() => parse({ type: 'setNotes', id: ID, notes: 'Mine.', since: 42 })).toThrow();
    expect((await stored()).notes).toBe('Great paper.');
  });
});
