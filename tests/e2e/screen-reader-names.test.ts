import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { card, fixture, launchExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
  browser.serve('https://arxiv.org/list/cs.CL/new', await fixture('listings/arxiv-list-cs.CL-new.html'));
});

afterAll(async () => {
  await browser?.close();
});

describe('the card as a screen reader and a keyboard meet it', () => {
  test('the Hide / Show toggle is named by its word alone (its arrow is drawn, not said) and says whether the card is open', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/abs/2310.01779');
    const toggle = card(page).getByTestId('card-toggle');
    await expect.poll(() => toggle.count()).toBe(1);
    expect(await card(page).getByRole('button', { name: 'Hide', exact: true, expanded: true }).count()).toBe(1);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await card(page).getByRole('button', { name: 'Show', exact: true, expanded: false }).count()).toBe(1);
    // The toggle keeps the focus, so Enter again opens the card.
    await page.keyboard.press('Enter');
    expect(await card(page).getByRole('button', { name: 'Hide', exact: true, expanded: true }).count()).toBe(1);
    await page.close();
  });
});

describe('badges as a screen reader meets them', () => {
  test('a trending rank is said as what it is, not as "#1 · 2025-07-30"', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/new');
    const badge = page.locator('[data-paperlens="badge"][data-arxiv-id="2310.01779"]');
    await expect.poll(() => badge.getByTestId('badge-rank').count()).toBe(1);
    expect(await badge.getByRole('img', { name: '#1 in the Hugging Face Daily Papers trending list of 2025-07-30', exact: true }).count()).toBe(1);
    // What the page shows stays as it was.
    expect(await badge.getByTestId('badge-rank').textContent()).toBe('#1 · 2025-07-30');
    await page.close();
  });
});
