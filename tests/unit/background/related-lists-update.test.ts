import { afterEach, expect, test, vi } from 'vitest';
import { lookupPapers, savePaper, setStatus } from '../../../src/db/papers';
import { setNotes } from '../../../src/db/reading-list';
import type { Paper } from '../../../src/schema';
import { buildRelatedCorpus, relatedTo } from '../../../src/search/related';
import { profile } from './worker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

// A worker start waits 2 s before background work.
test("an update whose related rule differs gives a feed paper's card the new rule's related papers; the reading list is untouched", { timeout: 20_000 }, async () => {
  const browser = await profile();
  browser.start();
  await browser.installed('install');
  await browser.seeded();
  // A paper the feed brought under an older build, linked by its rule to two papers of other subjects, and saved with a note.
  const bundled = (await browser.seed()).papers.find((paper) => paper.title.startsWith('Scaling Laws with Vocabulary'))!;
  const arrived: Paper = { ...bundled, id: '2501.00001', source: 'feed', rank: null, snapshot: null, title: `${bundled.title}: revisited`, related: ['2310.01779', '2401.14556'] };
  await browser.db.papers.bulkPut([arrived]);
  await browser.db.meta.put({ key: 'relatedLists', value: JSON.stringify({ rule: 'a rule of an older build', nextBlock: null }) });
  await savePaper(browser.db, { id: arrived.id, title: arrived.title }, 1000);
  await setStatus(browser.db, arrived.id, 'read', 2000);
  await setNotes(browser.db, arrived.id, 'Vocabulary grows with compute.', 3000);
  const saved = await browser.db.saved.toArray();

  browser.version = '1.1.0';
  browser.start();
  await browser.installed('update');

  const expected = relatedTo(buildRelatedCorpus(await browser.db.papers.toArray()), arrived);
  expect(expected).toHaveLength(3);
  expect(expected).not.toEqual(arrived.related);
  await vi.waitFor(async () => expect((await lookupPapers(browser.db, [{ id: arrived.id }]))[0]!.related.map((link) => link.id)).toEqual(expected), { timeout: 10_000 });
  expect(await browser.db.saved.toArray()).toEqual(saved);
});
