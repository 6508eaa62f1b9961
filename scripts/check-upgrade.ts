import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchExtension } from '../tests/e2e/harness';

/**
 * `npx tsx scripts/check-upgrade.ts <older build dir>`: an update in real Chromium. Installs the
 * older build (e.g. `.output/chrome-mv3` of an earlier commit), saves a paper with notes through
 * it, replaces it on disk with this checkout's build (`npm run build` first) and starts the
 * browser again on the same profile, so the new code opens the old store; then checks the store upgraded without losing the saved
 * paper, that the card's lookup and popup search work, and prints how long the upgrade took.
 */

const older = process.argv[2];
if (!older) {
  console.error('usage: npx tsx scripts/check-upgrade.ts <older build dir>');
  process.exit(2);
}
const send = (message: unknown) => `(globalThis.chrome).runtime.sendMessage(${JSON.stringify(message)})`;

const dir = await mkdtemp(join(tmpdir(), 'paperlens-upgrade-'));
const profileDir = await mkdtemp(join(tmpdir(), 'paperlens-upgrade-profile-'));
await cp(older, dir, { recursive: true });
const failures: string[] = [];
try {
  const before = await launchExtension({ extensionDir: dir, profileDir });
  const page = await before.context.newPage();
  await page.goto(`chrome-extension://${before.extensionId}/popup.html`);
  await page.getByTestId('trending-item').first().waitFor();
  const saved = (await page.evaluate(send({ type: 'save', paper: { id: '2310.01779', title: 'HallE-Switch' } }))) as { ok: boolean };
  if (!saved.ok) failures.push('the older build did not save');
  await before.close();

  // The same profile and extension folder, now holding this checkout's build.
  await rm(dir, { recursive: true, force: true });
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const started = Date.now();
  const after = await launchExtension({ extensionDir: dir, profileDir });
  try {
    if (after.extensionId !== before.extensionId) failures.push('the extension id changed');
    const popup = await after.context.newPage();
    await popup.goto(`chrome-extension://${after.extensionId}/popup.html`);
    const lookup = (await popup.evaluate(send({ type: 'lookup', queries: [{ id: '2310.01779' }] }))) as { ok: boolean; result: { status: string | null }[]; error?: string };
    const upgradedToFirstAnswerMs = Date.now() - started;
    if (!lookup.ok) failures.push(`lookup failed: ${lookup.error}`);
    else if (lookup.result[0]?.status !== 'to-read') failures.push(`the saved paper lost its status: ${JSON.stringify(lookup.result[0])}`);
    await popup.getByTestId('search').fill('hallucination');
    await popup.waitForFunction(() => document.querySelector('[data-testid="search-results"]')?.getAttribute('data-query') === 'hallucination', null, { timeout: 15_000 });
    const searchResults = await popup.getByTestId('search-item').count();
    if (searchResults === 0) failures.push('search found nothing after the upgrade');
    await popup.getByTestId('search').fill('');
    await popup.getByTestId('tab-saved').click();
    await popup.getByTestId('saved-item').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
    const savedItems = await popup.getByTestId('saved-item').count();
    if (savedItems !== 1) failures.push(`the Saved tab lists ${savedItems} papers, not 1`);
    console.log(JSON.stringify({ upgradedToFirstAnswerMs, searchResults, savedItems, failures }, null, 2));
  } finally {
    await after.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  await rm(profileDir, { recursive: true, force: true });
}
process.exit(failures.length > 0 ? 1 : 0);
