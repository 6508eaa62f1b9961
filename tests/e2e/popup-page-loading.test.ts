import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let releaseScript = () => undefined as void;
const scriptHeld = new Promise<void>((resolve) => (releaseScript = resolve));

beforeAll(async () => {
  browser = await launchExtension();
  // arXiv's HTML view of a paper it retitled, its parsing held at a script in its head.
  const held = (await fixture('arxiv-html-2310.01779v3.html')).replace('<head>', '<head><script src="https://arxiv.org/static/held.js"></script>');
  browser.serve('https://arxiv.org/html/2310.01779v3', held);
  browser.serve('https://arxiv.org/static/held.js', async (route) => {
    await scriptHeld;
    await route.fulfill({ body: '/* loaded */', contentType: 'text/javascript' });
  });
});

afterAll(async () => {
  releaseScript();
  await browser?.close();
});

test("a popup opened while the tab's page still loads shows what the page says once it has loaded (the title arXiv gives now, its TL;DR), without reopening", async () => {
  const page = await browser.context.newPage();
  const loaded = page.goto('https://arxiv.org/html/2310.01779v3');
  const popup = await browser.popup();
  const thisTab = popup.getByTestId('this-tab');
  await expect.poll(() => thisTab.getAttribute('data-arxiv-id')).toBe('2310.01779');
  // The page not read yet: the store's title, from the snapshot.
  await expect.poll(() => thisTab.locator('.title').textContent()).toMatch(/^HallE-Switch/);
  releaseScript();
  await loaded;
  await expect.poll(() => thisTab.locator('.title').textContent(), { timeout: 5000 }).toBe('HallE-Control: Controlling Object Hallucination in Large Multimodal Models');
  await expect.poll(() => thisTab.locator('.tldr').textContent()).toMatch(/^We introduce HallE-Control/);
  await Promise.all([popup.close(), page.close()]);
});
