import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDF, fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

// arXiv's abstract page (asked for the authors the snapshot lacks) answers after the 5 s a click's
// permission to write the clipboard lasts in Firefox.
const ARXIV_DELAY_MS = 6_000;

/**
 * Firefox's rule for an extension page's clipboard, here in Chromium's popup (which lets a focused
 * page write at any time): a write is refused unless it starts within 5 s of a click. (Chromium's
 * own user activation cannot stand in: the test's every look at the page renews it.)
 */
const FIREFOX_CLIPBOARD = `(() => {
  if (!location.pathname.endsWith('/popup.html')) return;
  let clickedAt = -Infinity;
  addEventListener('click', (event) => { if (event.isTrusted) clickedAt = performance.now(); }, true);
  const clipboard = navigator.clipboard;
  for (const name of ['write', 'writeText']) {
    const write = clipboard[name].bind(clipboard);
    clipboard[name] = (...args) =>
      performance.now() - clickedAt < 5000 ? write(...args) : Promise.reject(new DOMException('Clipboard write was blocked due to lack of user activation.', 'NotAllowedError'));
  }
})()`;

beforeAll(async () => {
  browser = await launchExtension();
  for (const [id, shown] of [['2310.01779', '2310.01779v3'], ['2402.18041', '2402.18041']]) {
    const page = await fixture(`arxiv-abs-${shown}.html`);
    browser.serve(`https://arxiv.org/pdf/${shown}`, { body: PDF, contentType: 'application/pdf' });
    browser.serve(`https://arxiv.org/abs/${id}`, async (route) => {
      await new Promise((done) => setTimeout(done, ARXIV_DELAY_MS));
      await route.fulfill({ status: 200, contentType: 'text/html', body: page }).catch(() => undefined);
    });
  }
  await browser.context.addInitScript(FIREFOX_CLIPBOARD);
});

afterAll(async () => {
  await browser?.close();
});

describe('popup Copy BibTeX on a PDF tab, arXiv slow to answer', () => {
  test('the BibTeX is copied, with the authors from arXiv, though they come after the click’s permission ran out', async () => {
    const pdf = await browser.context.newPage();
    await pdf.goto('https://arxiv.org/pdf/2310.01779v3').catch(() => undefined); // the PDF viewer may not report a load
    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await thisTab.getByTestId('copy-bibtex').waitFor();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.bringToFront(); // the clipboard is written only from the focused page
    await thisTab.getByTestId('copy-bibtex').click();
    const said = () => thisTab.locator('[data-testid="copied"], .error').allTextContents();
    await expect.poll(async () => (await said()).join(''), { timeout: ARXIV_DELAY_MS + 8_000 }).not.toBe('');
    expect((await said()).join('')).toBe('BibTeX copied');
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@misc\{zhai2023halle,/);
    expect(copied).toContain('Bohan Zhai');
    await popup.close();
    await pdf.close();
  }, 30_000);

  test('Copy link pressed while the BibTeX waits for arXiv: the link is what stays on the clipboard, and what the popup says', async () => {
    const pdf = await browser.context.newPage();
    await pdf.goto('https://arxiv.org/pdf/2402.18041').catch(() => undefined);
    const popup = await browser.popup();
    const thisTab = popup.getByTestId('this-tab');
    await thisTab.getByTestId('copy-bibtex').waitFor();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.bringToFront();
    await thisTab.getByTestId('copy-bibtex').click();
    await thisTab.getByTestId('copy-link').click();
    await expect.poll(() => thisTab.getByTestId('copied').textContent()).toBe('Link copied');
    // Past arXiv's answer, and the BibTeX it completes: nothing more is said ("Link copied" is gone by then).
    await popup.waitForTimeout(ARXIV_DELAY_MS + 1_000);
    expect({
      said: await thisTab.locator('[data-testid="copied"], .error').allTextContents(),
      clipboard: await popup.evaluate(() => navigator.clipboard.readText()),
    }).toEqual({ said: [''], clipboard: '[Datasets for Large Language Models: A Comprehensive Survey](https://arxiv.org/abs/2402.18041)' });
    await popup.close();
    await pdf.close();
  }, 30_000);
});
