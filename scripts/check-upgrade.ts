import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchExtension } from '../tests/e2e/harness';

const FIXTURES = join(import.meta.dirname, '../tests/fixtures');

/**
 * `npx tsx scripts/check-upgrade.ts <older build dir>`: an update in real Chromium. Installs the
 * older build (e.g. `.output/chrome-mv3` of an earlier commit), saves a paper with notes through
 * it, replaces it on disk with this checkout's build (`npm run build` first) and starts the
 * browser again on the same profile, so the new code opens the old store; then checks the store upgraded without losing the saved
 * paper, that the card's lookup and popup search work, that a paper saved bare (id only) before
 * is completed from its arXiv page after the update, that the store reports no error once the
 * new build's seed is loaded, that the reading list lists every saved paper (one whose citation
 * key an older build made too long to read back too), and prints how long the upgrade took. The older store also holds
 * papers the feed brought (the fixture's daily papers, fetched through the popup's Refresh): an
 * update must carry rows an older build wrote, not only the bundled ones it replaces.
 */

const older = process.argv[2];
if (!older) {
  console.error('usage: npx tsx scripts/check-upgrade.ts <older build dir>');
  process.exit(2);
}
const send = (message: unknown) => `(globalThis.chrome).runtime.sendMessage(${JSON.stringify(message)})`;
type HealthReply = { ok: boolean; result?: { error: string | null; seedVersion: string | null } };
type LookupReply = { ok: boolean; result: ({ title: string; status: string | null; inStore: boolean } | null)[]; error?: string };
const HEALTH_WAIT_MS = 20_000;
const FEED_URL = 'https://huggingface.co/api/daily_papers';
// A paper of the feed fixture that the bundled snapshot lacks.
const FEED_PAPER = { id: '2407.08608', title: 'FlashAttention-3', query: 'flashattention' };
// Saved with its details and TL;DR (not queued for its arXiv page, which this check does not serve).
const LONG_NAMED = {
  id: '2401.00002',
  title: 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaftsmodellierung mit Transformern',
  authors: ['Hubert Blaine Wolfeschlegelsteinhausenbergerdorff'],
  tldr: 'A compound word modelled.',
  published: '2024-01-02',
};

const dir = await mkdtemp(join(tmpdir(), 'paperlens-upgrade-'));
const profileDir = await mkdtemp(join(tmpdir(), 'paperlens-upgrade-profile-'));
await cp(older, dir, { recursive: true });
// Chromium keeps running the worker it has for an extension whose version did not change, as
// a browser would: the older build gets a lower version, so the new one is an update.
const manifestPath = join(dir, 'manifest.json');
const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string };
await writeFile(manifestPath, JSON.stringify({ ...manifest, version: '0.0.1' }));
const failures: string[] = [];
try {
  const before = await launchExtension({ extensionDir: dir, profileDir });
  const page = await before.context.newPage();
  await page.goto(`chrome-extension://${before.extensionId}/popup.html`);
  await page.getByTestId('trending-item').first().waitFor();
  const saved = (await page.evaluate(send({ type: 'save', paper: { id: '2310.01779', title: 'HallE-Switch' } }))) as { ok: boolean };
  if (!saved.ok) failures.push('the older build did not save');
  // Saved as a bare link is, with its id only (an older build could not complete it).
  const bare = (await page.evaluate(send({ type: 'save', paper: { id: '1706.03762', title: 'arXiv:1706.03762' } }))) as { ok: boolean };
  if (!bare.ok) failures.push('the older build did not save the bare paper');
  // A paper whose citation key an older build made too long to read back (its first author's
  // surname and its title's first word whole): store version 20 gives it one that reads.
  const longNamed = (await page.evaluate(send({ type: 'save', paper: LONG_NAMED }))) as { ok: boolean };
  if (!longNamed.ok) failures.push('the older build did not save the long-named paper');
  const olderSeed = ((await page.evaluate(send({ type: 'health' }))) as HealthReply).result?.seedVersion ?? null;
  // Looked up before the feed is served: a paper the older seed holds would make the feed check moot.
  const olderSeedHolds = ((await page.evaluate(send({ type: 'lookup', queries: [{ id: FEED_PAPER.id }] }))) as LookupReply).result?.[0]?.inStore === true;
  before.serve(FEED_URL, { body: await readFile(join(FIXTURES, 'feed/daily_papers.json'), 'utf8'), contentType: 'application/json' });
  const feedPaper = async () => ((await page.evaluate(send({ type: 'lookup', queries: [{ id: FEED_PAPER.id }] }))) as LookupReply).result?.[0] ?? null;
  await page.getByTestId('refresh-feed').click();
  let fromFeed = await feedPaper();
  for (let waited = 0; waited < HEALTH_WAIT_MS && !fromFeed?.inStore; waited += 500) {
    await page.waitForTimeout(500);
    fromFeed = await feedPaper();
  }
  if (!fromFeed?.inStore) failures.push('the older build did not store the feed papers');
  if (olderSeedHolds) failures.push(`${FEED_PAPER.id} is in the older build's seed: pick a feed paper it lacks, or this check tests nothing`);
  await before.close();

  // The same profile and extension folder, now holding this checkout's build.
  // What an update does to the worker: the browser registers the new build's script. Started on a
  // profile that still holds the old worker, Chromium would run the old script again (unpacked
  // extensions are not watched for changes), and this check would test the older build.
  await rm(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const started = Date.now();
  const after = await launchExtension({ extensionDir: dir, profileDir });
  try {
    if (after.extensionId !== before.extensionId) failures.push('the extension id changed');
    const popup = await after.context.newPage();
    await popup.goto(`chrome-extension://${after.extensionId}/popup.html`);
    const lookup = (await popup.evaluate(send({ type: 'lookup', queries: [{ id: '2310.01779' }] }))) as LookupReply;
    const upgradedToFirstAnswerMs = Date.now() - started;
    if (!lookup.ok) failures.push(`lookup failed: ${lookup.error}`);
    else if (lookup.result[0]?.status !== 'to-read') failures.push(`the saved paper lost its status: ${JSON.stringify(lookup.result[0])}`);
    const feedLookup = (await popup.evaluate(send({ type: 'lookup', queries: [{ id: FEED_PAPER.id }] }))) as LookupReply;
    const feedKept = feedLookup.result?.[0];
    if (!feedKept?.inStore || !feedKept.title.startsWith(FEED_PAPER.title)) failures.push(`the paper the feed brought is not kept: ${JSON.stringify(feedKept)}`);
    // The worker's start loads the new build's seed (when it changed) and recomputes older summaries: it must not fail.
    const healthOf = async () => ((await popup.evaluate(send({ type: 'health' }))) as HealthReply).result;
    // The store must hold this build's seed once the update is done (a failed reseed is retried at each start, never reported as done).
    const bundledSeed = (JSON.parse(await readFile(join(EXTENSION_DIR, 'seed.json'), 'utf8')) as { version: string }).version;
    let health = await healthOf();
    for (let waited = 0; waited < HEALTH_WAIT_MS && !health?.error && health?.seedVersion !== bundledSeed; waited += 500) {
      await popup.waitForTimeout(500);
      health = await healthOf();
    }
    if (health?.error) failures.push(`the store reports after the update: ${health.error}`);
    const seedReplaced = health?.seedVersion !== olderSeed;
    if (health?.seedVersion !== bundledSeed) failures.push(`the store holds seed ${health?.seedVersion ?? 'none'}, not this build's ${bundledSeed}, ${HEALTH_WAIT_MS / 1000} s after the update`);
    await popup.getByTestId('search').fill('hallucination');
    await popup.waitForFunction(() => document.querySelector('[data-testid="search-results"]')?.getAttribute('data-query') === 'hallucination', null, { timeout: 15_000 });
    const searchResults = await popup.getByTestId('search-item').count();
    if (searchResults === 0) failures.push('search found nothing after the upgrade');
    await popup.getByTestId('search').fill(FEED_PAPER.query);
    await popup.waitForFunction((query) => document.querySelector('[data-testid="search-results"]')?.getAttribute('data-query') === query, FEED_PAPER.query, { timeout: 15_000 });
    const feedPaperFound = (await popup.getByTestId('search-item').allTextContents()).some((text) => text.includes(FEED_PAPER.title));
    if (!feedPaperFound) failures.push(`search for "${FEED_PAPER.query}" does not find the paper the feed brought`);
    await popup.getByTestId('search').fill('');
    await popup.getByTestId('tab-saved').click();
    await popup.getByTestId('saved-item').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
    const savedItems = await popup.getByTestId('saved-item').count();
    if (savedItems !== 3) failures.push(`the Saved tab lists ${savedItems} papers, not 3`);
    // The reading list reads each item whole (its citation key too), as its exports do.
    const list = await after.context.newPage();
    await list.goto(`chrome-extension://${after.extensionId}/reading-list.html`);
    await list.waitForFunction(() => document.querySelector('[data-testid="reading-list"]')?.getAttribute('aria-busy') === 'false', null, { timeout: 15_000 });
    const listedItems = Number(await list.getByTestId('reading-list').getAttribute('data-count'));
    if (listedItems !== 3) failures.push(`the reading list lists ${listedItems} papers, not 3: ${(await list.getByTestId('unreadable-saved').textContent().catch(() => null)) ?? ''}`);
    await list.close();

    // The update queued the papers saved without their details (both) for their arXiv pages. The worker may have asked before this
    // script could serve the page (it then keeps the queue for later): another bare save, made
    // every few seconds here, runs the queue again.
    after.serve('https://arxiv.org/abs/2310.01779', await readFile(join(FIXTURES, 'arxiv-abs-2310.01779v3.html'), 'utf8'));
    after.serve('https://arxiv.org/abs/1706.03762', await readFile(join(FIXTURES, 'arxiv-abs-1706.03762.html'), 'utf8'));
    after.serve('https://arxiv.org/abs/2402.18041', await readFile(join(FIXTURES, 'arxiv-abs-2402.18041.html'), 'utf8'));
    let completedBare: unknown = null;
    for (let waited = 0; waited < 40_000 && completedBare === null; waited += 500) {
      if (waited % 5_000 === 0) await popup.evaluate(send({ type: 'save', paper: { id: '2402.18041', title: 'arXiv:2402.18041' } }));
      const list = (await popup.evaluate(send({ type: 'listSaved' }))) as { result: { id: string; title: string; authors: string[] }[] };
      const item = list.result.find((entry) => entry.id === '1706.03762');
      if (item && item.authors.length > 0) completedBare = { title: item.title, authors: item.authors.length };
      else await popup.waitForTimeout(500);
    }
    if (completedBare === null) failures.push('the paper saved bare before the update was not completed from its arXiv page');
    console.log(JSON.stringify({ upgradedToFirstAnswerMs, seedReplaced, searchResults, feedPaperFound, savedItems, listedItems, completedBare, failures }, null, 2));
  } finally {
    await after.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  await rm(profileDir, { recursive: true, force: true });
}
process.exit(failures.length > 0 ? 1 : 0);
