import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PaperLensDatabase } from '../../../src/db/database';
import { badgeInfo, lookupPapers } from '../../../src/db/papers';
import { readArxivAbsPage } from '../../../src/feed/arxiv-paper';
import { handleMessage, type HandlerDeps } from '../../../src/messaging/handler';
import { fillFromPage } from './fill-from-page';
import { seededStore } from './seeded-store';

// HallE-Switch: its abstract links no code; arXiv's comments say "Our code is publicly available at <link>".
const ID = '2310.01779';
const CODE = 'https://github.com/bronyayang/HallE_Control';
const arxivPage = readArxivAbsPage(await readFile(new URL('../../fixtures/arxiv-abs-2310.01779v3.html', import.meta.url), 'utf8'), ID)!;

let db: PaperLensDatabase;
let deps: HandlerDeps;
let run = 0;

beforeEach(async () => {
  ({ db, deps } = await seededStore(`arxiv-code-links-${run++}`));
});

afterEach(() => db.close());

/** What a Hugging Face card of the paper and a listing badge show for its code. */
async function shownElsewhere() {
  const [view] = await lookupPapers(db, [{ id: ID }]);
  const [badge] = await badgeInfo(db, [ID]);
  return { card: view?.codeLinks, badge: badge?.codeLink };
}

describe('a code link only arXiv\'s comments give', () => {
  test('the background reads it from the arXiv page, as the card does', () => {
    expect(arxivPage.codeLinks).toEqual([CODE]);
  });

  test('its arXiv page visited: the Hugging Face card and the listing badges show it too', async () => {
    expect(await shownElsewhere()).toEqual({ card: [], badge: null });
    const reply = await handleMessage({ type: 'lookup', queries: [{ id: ID, title: arxivPage.title, codeLinks: arxivPage.codeLinks }], seenOn: 'arxivAbs' }, { ...deps, senderUrl: `https://arxiv.org/abs/${ID}` });
    // The page's card is answered with them.
    expect(reply).toMatchObject({ ok: true, result: [{ id: ID, codeLinks: [CODE] }] });
    expect(await shownElsewhere()).toEqual({ card: [CODE], badge: CODE });
  });

  test('read by the background (a PDF tab, a paper saved without its details): the same', async () => {
    await handleMessage({ type: 'arxivPage', id: ID }, { ...deps, arxivPage: async () => arxivPage });
    expect(await shownElsewhere()).toEqual({ card: [CODE], badge: CODE });
  });

  test('completing a saved paper from its arXiv page: the same', async () => {
    await handleMessage({ type: 'save', paper: { id: ID, title: `arXiv:${ID}` } }, deps);
    await fillFromPage(db, ID, arxivPage, 6_000);
    expect(await shownElsewhere()).toEqual({ card: [CODE], badge: CODE });
  });

  test('only a code host\'s link, and only for the page\'s own paper', async () => {
    const abs = { ...deps, senderUrl: `https://arxiv.org/abs/${ID}` };
    await handleMessage({ type: 'lookup', queries: [{ id: ID, codeLinks: ['http://evil.example/download.exe'] }], seenOn: 'arxivAbs' }, abs);
    expect(await shownElsewhere()).toEqual({ card: [], badge: null });
    await handleMessage({ type: 'lookup', queries: [{ id: '2407.13623', codeLinks: [CODE] }], seenOn: 'arxivAbs' }, abs);
    const [other] = await lookupPapers(db, [{ id: '2407.13623' }]);
    expect(other?.codeLinks).not.toContain(CODE);
  });

  test('sent from another site\'s page, it is not taken', async () => {
    await handleMessage({ type: 'lookup', queries: [{ id: ID, codeLinks: [CODE] }], seenOn: 'hfPaper' }, { ...deps, senderUrl: `https://huggingface.co/papers/${ID}` });
    expect(await shownElsewhere()).toEqual({ card: [], badge: null });
  });
});
