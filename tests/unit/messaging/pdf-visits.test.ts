import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PaperLensDatabase } from '../../../src/db/database';
import { recentlySeen } from '../../../src/db/papers';
import { watchPdfVisits } from '../../../src/messaging/pdf-visits';

/** The PDF visits the background records, through the browser's tab events. */
let db: PaperLensDatabase;
let clock = 1000;

beforeEach(() => {
  db = new PaperLensDatabase(`pdf-visits-${clock}`);
  watchPdfVisits({ ready: async () => db, now: () => clock++, seenEnabled: async () => true, seenChanged: () => undefined });
});

afterEach(async () => {
  fakeBrowser.reset();
  await db.delete();
});

/** Opens an arXiv PDF in a tab and lets it finish loading, in sight or in the background. */
async function openPdf(id: string, active: boolean): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: `https://arxiv.org/pdf/${id}`, active });
  await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, { ...tab, status: 'complete' });
  return tab.id!;
}

const recentIds = async () => (await recentlySeen(db, 50)).map((paper) => paper.id);

describe('PDF tabs in the popup’s Recent list', () => {
  test('a PDF opened in sight is recorded when it loads', async () => {
    await openPdf('2310.01779', true);
    await expect.poll(recentIds).toEqual(['2310.01779']);
  });

  test('PDFs loaded in the background (or restored with the session) wait until the reader chooses their tab, and go first then', async () => {
    await openPdf('2310.01779', true);
    const first = await openPdf('1706.03762', false);
    const second = await openPdf('2402.18041', false);
    await expect.poll(recentIds).toEqual(['2310.01779']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await recentIds()).toEqual(['2310.01779']);

    await fakeBrowser.tabs.update(second, { active: true });
    await expect.poll(recentIds).toEqual(['2402.18041', '2310.01779']);
    await fakeBrowser.tabs.update(first, { active: true });
    await expect.poll(recentIds).toEqual(['1706.03762', '2402.18041', '2310.01779']);
    // Coming back to a tab already looked at is no new visit.
    await fakeBrowser.tabs.update(second, { active: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await recentIds()).toEqual(['1706.03762', '2402.18041', '2310.01779']);
  });

});
