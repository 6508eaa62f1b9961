import { describe, expect, test } from 'vitest';
import { parseTagList, ReadingListRequestSchema, uniqueTags } from '../../../src/schema/reading-list';
import { EMPTY_QUERY, filterItems, tagCounts } from '../../../src/ui/reading-list/query';
import { parseImport } from '../../../src/export';
import { savedItem } from '../export/fixtures';
import { PaperLensDatabase } from '../../../src/db/database';
import { addTags, removeTags } from '../../../src/db/reading-list';

// "résumé" typed on a keyboard is composed (é is one character, NFC); text copied from a PDF or a
// file written on a Mac may hold it decomposed (e + a combining accent, NFD). The reader sees one
// tag either way, and the list must treat it as one.
const COMPOSED = 'résumé';
const DECOMPOSED = COMPOSED.normalize('NFD');

describe('a tag written composed and decomposed is one tag', () => {
  test('a paper keeps one of them, not both', () => {
    expect(uniqueTags([COMPOSED, DECOMPOSED])).toHaveLength(1);
  });

  test('the tag list shows it once, on both papers; picking it shows both', () => {
    const items = [savedItem({ id: '2401.00031', tags: [COMPOSED] }), savedItem({ id: '2401.00032', tags: [DECOMPOSED] })];
    expect(tagCounts(items)).toEqual([{ tag: COMPOSED, count: 2 }]);
    expect(filterItems(items, { ...EMPTY_QUERY, tag: COMPOSED }).map((item) => item.id)).toEqual(['2401.00031', '2401.00032']);
  });

  test('an imported keyword written decomposed joins the tag the list has', () => {
    const parse = parseImport(`TY  - UNPB\r\nTI  - A paper\r\nUR  - https://arxiv.org/abs/2401.00033\r\nKW  - ${DECOMPOSED}\r\nKW  - ${COMPOSED}\r\nER  - \r\n`, 'papers.ris');
    expect(parse.items[0]?.tags).toEqual([COMPOSED]);
  });

  test('a tag typed, or sent to the background to be stored, is stored composed', () => {
    expect(parseTagList(`${DECOMPOSED}, ml`)).toEqual([COMPOSED, 'ml']);
    const request = ReadingListRequestSchema.parse({ type: 'addTags', ids: ['2401.00034'], tags: [DECOMPOSED] });
    expect(request).toMatchObject({ tags: [COMPOSED] });
  });
});

describe('a tag a store holds decomposed (written before tags were composed on entry)', () => {
  test('is the tag the reader removes or adds: removed by its composed spelling, not added twice', async () => {
    const db = new PaperLensDatabase('tags-stored-decomposed');
    // Written as an earlier version stored it: straight into the table, no schema on the way.
    await db.saved.put({ ...savedItem({ id: '2401.00035' }), tags: [DECOMPOSED, 'ml'] });
    await addTags(db, ['2401.00035'], [COMPOSED], 10_000);
    expect((await db.saved.get('2401.00035'))?.tags).toEqual([DECOMPOSED, 'ml']);
    await removeTags(db, ['2401.00035'], [COMPOSED], 10_000);
    expect((await db.saved.get('2401.00035'))?.tags).toEqual(['ml']);
    db.close();
  });
});
