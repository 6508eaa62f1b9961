import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request, type Route, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import type { Reply, Request as PaperLensRequest, ResponseMap, SavedItem } from '../../src/schema';

/** The extension API as seen inside the service worker (for `worker.evaluate`). */
type WorkerGlobal = { chrome: typeof Browser };

export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3/', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function fixture(name: string): Promise<string> {
  return readFile(join(FIXTURES_DIR, name), 'utf8');
}

export interface Served {
  body: string;
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
}

/** Answers a request itself (delays, errors, changing answers). */
export type Responder = (route: Route) => Promise<void>;

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Serves `body` at `url` (exact match, query included). Every other http(s) request is aborted. */
  serve: (url: string, served: Served | string | Responder) => void;
  /** http(s) requests the browser attempted, in order (served or aborted). */
  requests: Request[];
  popup: () => Promise<Page>;
  close: () => Promise<void>;
}

/** Chromium with the built extension loaded, a fresh profile, and no network but what a test serves. */
export async function launchExtension(
  options: {
    withExtension?: boolean;
    extensionDir?: string;
    /** Kept after close (e.g. to relaunch on it). */ profileDir?: string;
    /** Back and Forward restore pages from the back/forward cache, as in a user's Chrome (Playwright turns it off). */ backForwardCache?: boolean;
  } = {},
): Promise<ExtensionBrowser> {
  const withExtension = options.withExtension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'paperlens-e2e-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    args: [
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const routes = new Map<string, Served | Responder>();
  const requests: Request[] = [];
  context.on('request', (request) => {
    if (/^https?:/.test(request.url())) requests.push(request);
  });
  await context.route(/^https?:\/\//, async (route) => {
    const served = routes.get(route.request().url());
    if (!served) return route.abort('internetdisconnected');
    if (typeof served === 'function') return served(route);
    return route.fulfill({
      status: served.status ?? 200,
      body: served.body,
      contentType: served.contentType ?? 'text/html; charset=utf-8',
      ...(served.headers ? { headers: served.headers } : {}),
    });
  });

  let worker = context.serviceWorkers()[0];
  if (withExtension) worker ??= await context.waitForEvent('serviceworker');
  const extensionId = worker ? new URL(worker.url()).host : '';

  return {
    context,
    worker: worker!,
    extensionId,
    requests,
    serve: (url, served) => void routes.set(url, typeof served === 'string' ? { body: served } : served),
    popup: async () => {
      // A popup window of its own, so the browser window's active tab stays the paper's tab.
      const opened = context.waitForEvent('page', (page) => page.url().includes('/popup.html'));
      await worker!.evaluate(
        (url) => (globalThis as unknown as WorkerGlobal).chrome.windows.create({ url, type: 'popup', focused: false }),
        `chrome-extension://${extensionId}/popup.html`,
      );
      const page = await opened;
      await page.waitForLoadState('domcontentloaded');
      // Its first screen shown (until then out of reach, as for a reader: a control cannot take the focus).
      await page.locator('main:not([data-settling])').waitFor();
      return page;
    },
    close: async () => {
      await context.close();
      if (!options.profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A one-page PDF, served as an arXiv PDF (the browser's viewer shows it). */
export const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF';

// Headless Chromium has no keyboard accelerators or context menus to click: these fire the
// extension's real command and menu events with what Chromium would pass, in the worker.

/** Alt+Shift+S in the active tab. */
export async function pressSaveShortcut(browser: ExtensionBrowser): Promise<void> {
  await browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as WorkerGlobal;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    (chrome.commands.onCommand as unknown as { dispatch: (command: string, tab: unknown) => void }).dispatch('save-paper', tab);
  });
}

/** "Save paper" on a link to `linkUrl` in the active tab. */
export async function clickSaveLinkMenu(browser: ExtensionBrowser, linkUrl: string): Promise<void> {
  await browser.worker.evaluate(async (link) => {
    const { chrome } = globalThis as unknown as WorkerGlobal;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    (chrome.contextMenus.onClicked as unknown as { dispatch: (info: unknown, tab: unknown) => void }).dispatch({ menuItemId: 'save-paper-link', linkUrl: link, editable: false, pageUrl: tab?.url }, tab);
  }, linkUrl);
}

/** The toolbar icon's badge text and title for the active tab. */
export function toolbarLook(browser: ExtensionBrowser): Promise<{ badge: string; title: string }> {
  return browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as WorkerGlobal;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return { badge: await chrome.action.getBadgeText({ tabId: tab!.id! }), title: await chrome.action.getTitle({ tabId: tab!.id! }) };
  });
}

/** When the reading-list items of the e2e tests were added, unless a test says otherwise. */
export const LISTED_AT = Date.UTC(2025, 0, 1);

/** A reading-list item with nothing but its id and title (and `extra`), added at LISTED_AT. */
export function listedItem(id: string, title: string, extra: Partial<SavedItem> = {}): SavedItem {
  return {
    id, title, authors: [], tldr: '', status: 'to-read', tags: [], notes: '', addedAt: LISTED_AT, updatedAt: LISTED_AT, readAt: null,
    sourceUrl: null, published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null, ...extra,
  };
}

/** Sends a request from an extension page (popup, reading list), as the page itself would. */
export function sendFromPage<R extends PaperLensRequest>(from: Page, request: R): Promise<Reply<ResponseMap[R['type']]>> {
  return from.evaluate((message) => (globalThis as unknown as WorkerGlobal).chrome.runtime.sendMessage(message), request) as Promise<Reply<ResponseMap[R['type']]>>;
}

/** Clicks the reading list's export button of `format` and reads the file it downloads. */
export async function downloadExport(from: Page, format: string): Promise<{ name: string; text: string }> {
  const waiting = from.waitForEvent('download');
  await from.getByTestId(`export-${format}`).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/** The reading list as the background lists it, asked from an extension page. */
export async function listSavedFrom(from: Page): Promise<SavedItem[]> {
  const reply = await sendFromPage(from, { type: 'listSaved' });
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}

/**
 * Reads the store itself, in the worker (no request a test may be checking): the row of `table` at
 * `key`, or every row when no key is given.
 */
export function readStore<T>(browser: ExtensionBrowser, table: string, key?: string): Promise<T> {
  return browser.worker.evaluate(
    ([name, at]) =>
      new Promise<T>((resolve, reject) => {
        const request = indexedDB.open('paperlens');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const store = request.result.transaction(name).objectStore(name);
          const read = at === undefined ? store.getAll() : store.get(at);
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            request.result.close();
            resolve(read.result as T);
          };
        };
      }),
    [table, key] as const,
  );
}

export async function setSwitch(browser: ExtensionBrowser, name: string, on: boolean): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId(`setting-${name}`).setChecked(on);
  await options.getByText('Saved. Open pages follow at once.').waitFor();
  await options.close();
}

/** The abstract page of the old-style hep-th/9901001 (not in the store), made from the 1706.03762 fixture. */
export async function oldStyleAbsPage(abstract = 'We study conformal field theory on the plane with a boundary. We show that the partition function is fixed by three numbers.'): Promise<string> {
  return (await fixture('arxiv-abs-1706.03762.html'))
    .replaceAll('1706.03762', 'hep-th/9901001')
    .replaceAll('Attention Is All You Need', 'Conformal Field Theory on the Plane')
    .replace(/(<blockquote class="abstract mathjax"><span class="descriptor">Abstract:<\/span>)[^<]*/, `$1${abstract}`);
}

/** The reading-list page in a new tab of `width` × 900, once it shows the list empty. */
export async function openEmptyReadingList(browser: ExtensionBrowser, width: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  await page.getByTestId('empty').waitFor();
  return page;
}

/** The card's text, read through its open shadow root. */
export function card(page: Page) {
  return page.locator('[data-paperlens="card"]');
}

/** Everything the card says (its shadow root's text). */
export function cardText(page: Page): Promise<string | null> {
  return card(page).locator('article').textContent();
}

// The README's pictures are rewritten only on request (`npm run screenshots`); otherwise the
// pictures are still taken (the card and popup must render) but land in a temporary folder.
export const SCREENSHOTS_DIR = process.env.PAPERLENS_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : join(tmpdir(), 'paperlens-screenshots');
