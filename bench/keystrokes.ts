import type { Page } from 'playwright-core';

/** One input event in a search box: when it happened, and when results for its value showed. */
export interface KeystrokeRecord {
  value: string;
  start: number;
  end: number | null;
}

/**
 * An init script that times every input event in the `search` box until the element matching
 * `shownSelector` says (its `data-query`) that it shows results for exactly that value.
 */
export function keystrokeTimer(shownSelector: string): string {
  return `(() => {
  const records = (window.__keystrokes = []);
  document.addEventListener('input', (event) => {
    if (event.target.matches('[data-testid="search"]')) records.push({ value: event.target.value, start: performance.now(), end: null });
  }, true);
  new MutationObserver(() => {
    const shown = document.querySelector(${JSON.stringify(shownSelector)})?.getAttribute('data-query');
    for (const record of records) if (record.end === null && record.value === shown) record.end = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-query'] });
})();`;
}

/** Types each query into the `search` box, waits for its results, and returns the timed keystrokes (clearing the box is not one). */
export async function typeQueries(page: Page, queries: string[], shownSelector: string): Promise<KeystrokeRecord[]> {
  const box = page.getByTestId('search');
  await page.evaluate(() => ((window as unknown as { __keystrokes: KeystrokeRecord[] }).__keystrokes.length = 0));
  for (const query of queries) {
    await box.fill('');
    await box.pressSequentially(query, { delay: 30 });
    await page.waitForFunction(
      ([selector, value]) => document.querySelector(selector!)?.getAttribute('data-query') === value,
      [shownSelector, query] as const,
      { timeout: 30_000 },
    );
  }
  await box.fill('');
  return page.evaluate(() => (window as unknown as { __keystrokes: KeystrokeRecord[] }).__keystrokes.filter((record) => record.value !== ''));
}
