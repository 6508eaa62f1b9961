import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A smoke run of the Firefox build in a real Firefox, by hand (not part of the test suite: the
 * project's tests stay Chromium). Needs Debian's firefox-esr (`apt-get install -y firefox-esr`,
 * 140+) and the openssl CLI; nothing from npm beyond this checkout's tsx (no geckodriver, no
 * web-ext). Node 20 needs its WebSocket flag (Node 22+ has WebSocket without it):
 *
 *   npm run smoke:firefox [-- --shots DIR --keep]
 *
 * (which runs `npm run build:firefox`, then this script with NODE_OPTIONS=--experimental-websocket).
 *
 * Takes about a minute. Firefox runs headless on a fresh profile, driven over
 * WebDriver BiDi on its own --remote-debugging-port; --remote-allow-system-access lets the session
 * open moz-extension:// pages and reach the browser window (the toolbar popup, the context menu,
 * the shortcut's command). .output/firefox-mv3 is installed as a temporary add-on
 * (webExtension.install) under a fixed moz-extension:// UUID. There is no internet: a PAC file
 * sends arxiv.org and huggingface.co to a local proxy that ends in an HTTPS server with a
 * self-signed certificate (accepted by the session's acceptInsecureCerts), serving tests/fixtures/
 * at the URLs they stand for; everything else there is a 404. Clicks are real mouse input (the
 * clipboard and downloads want a user gesture). Checks the seeded store (popup), the arXiv card,
 * Save, Copy BibTeX and the toolbar icon, the real toolbar popup, arXiv and Hugging Face badges,
 * the context-menu item, the Hugging Face card and its client-side navigation (and what the page
 * then tells the background), the shortcut, a PDF tab (the popup's Copy BibTeX there with arXiv
 * answering after the click's 5 s), the reading list (import, BibTeX export), the options page,
 * and the open pages after the extension reloads (as an update does). Prints PASS / FAIL / NOTE
 * (a known Firefox difference: PDF tab titles; and where this Firefox's BiDi gives no chrome scope,
 * as 140 ESR's does not, the toolbar panel, the context menu and the shortcut) per check, the console errors and warnings of
 * pages, content scripts and the extension (Firefox's own noise left out), and every request;
 * exits 1 if a check failed. --shots DIR saves screenshots, --keep keeps the profile.
 */

const ROOT = join(import.meta.dirname, '..');
export const EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');
const FIXTURES = join(ROOT, 'tests/fixtures');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'paperlens@paperlens.dev';
const ADDON_UUID = '6c1f4f3e-7d1b-4b8e-9a51-5a3e1c0d2b7a';
export const EXT = `moz-extension://${ADDON_UUID}`;
const keep = process.argv.includes('--keep');
const shotsArg = process.argv.indexOf('--shots');
const SHOTS = shotsArg > 0 ? process.argv[shotsArg + 1] : undefined;

// A one-page PDF whose metadata names a title of its own, as many arXiv PDFs do (as in tests/e2e/pdf-tab.test.ts).
const PDF_FILE = 'PDF';
const PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj 4 0 obj<</Title(Microsoft Word - paper.docx)>>endobj\ntrailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF';

/** The URL each fixture stands for. */
export const PAGES: Record<string, string> = {
  'https://arxiv.org/abs/2310.01779v3': 'arxiv-abs-2310.01779v3.html',
  'https://arxiv.org/abs/2310.01779': 'arxiv-abs-2310.01779v3.html',
  'https://arxiv.org/abs/1706.03762': 'arxiv-abs-1706.03762.html',
  'https://arxiv.org/list/cs.CL/new': 'listings/arxiv-list-cs.CL-new.html',
  'https://arxiv.org/search/?query=hallucination&searchtype=all': 'listings/arxiv-search-hallucination.html',
  'https://huggingface.co/papers/2310.01779': 'hf-paper-2310.01779.html',
  'https://huggingface.co/papers/date/2024-07-31': 'listings/hf-papers-date-2024-07-31.html',
  'https://huggingface.co/papers/trending': 'listings/hf-papers-trending.html',
  'https://arxiv.org/pdf/2310.01779v3': PDF_FILE,
  'https://arxiv.org/pdf/2310.01779': PDF_FILE, // the card's Download PDF
  'https://arxiv.org/pdf/1706.03762v7.pdf': PDF_FILE,
  'https://arxiv.org/pdf/2407.06950': PDF_FILE,
};

// A snapshot paper (which names no authors) whose arXiv page, asked for them by the popup's Copy
// BibTeX on its PDF tab, comes after the 5 s Firefox lets a click write the clipboard.
const SLOW_PAPER = '2407.06950';
const SLOW_ARXIV_MS = 8_000;
const SLOW_TITLE = 'Spanish TrOCR: Leveraging Transfer Learning for Language Adaptation';
/** The abstract page of SLOW_PAPER (any version): another paper's fixture, renamed. */
async function slowArxivPage(url: string): Promise<string | null> {
  if (!url.startsWith(`https://arxiv.org/abs/${SLOW_PAPER}`)) return null;
  await sleep(SLOW_ARXIV_MS);
  return (await readFile(join(FIXTURES, 'arxiv-abs-1706.03762.html'), 'utf8')).replaceAll('1706.03762', SLOW_PAPER).replaceAll('Attention Is All You Need', SLOW_TITLE);
}

// ---------------------------------------------------------------------------------------------
// The network: a proxy for arxiv.org and huggingface.co, ending in a local HTTPS server.

/** A fixture that could not be read: the page shows why, and the run goes on to report it. */
function serverError(response: ServerResponse, error: unknown): void {
  response.writeHead(500, { 'content-type': 'text/plain' }).end(`fixture not read: ${String(error)}`);
}

interface Network {
  proxyPort: number;
  requests: string[];
  close: () => Promise<void>;
}

export async function startNetwork(work: string): Promise<Network> {
  const key = join(work, 'key.pem');
  const cert = join(work, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=arxiv.org', '-addext', 'subjectAltName=DNS:arxiv.org,DNS:huggingface.co'], { stdio: 'ignore' });
  const requests: string[] = [];
  const https = createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, (request, response) => {
    const url = `https://${request.headers.host}${request.url}`;
    requests.push(url);
    const name = PAGES[url];
    if (!name) {
      slowArxivPage(url).then(
        (body) => (body === null ? response.writeHead(404, { 'content-type': 'text/plain' }).end('not served') : response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body)),
        (error: unknown) => serverError(response, error),
      );
      return;
    }
    if (name === PDF_FILE) {
      // As arXiv names its PDFs: by id and version, which the card's Download PDF renames.
      const file = `${/[^/]+$/.exec(new URL(url).pathname)![0].replace(/\.pdf$/, '')}.pdf`;
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${file}"` }).end(PDF);
      return;
    }
    readFile(join(FIXTURES, name)).then(
      (body) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body),
      (error: unknown) => serverError(response, error),
    );
  });
  await new Promise<void>((done) => https.listen(0, '127.0.0.1', done));
  const httpsPort = (https.address() as AddressInfo).port;
  // Every CONNECT (whatever host) is tunnelled to the HTTPS server; plain http is refused.
  const proxy: Server = createHttpServer((_request, response) => response.writeHead(502).end());
  // The tunnels, ended at close: the servers' own closeAllConnections does not reach them.
  const tunnels = new Set<Socket>();
  proxy.on('connect', (_request, client: Socket, head) => {
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(client).add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const proxyPort = (proxy.address() as AddressInfo).port;
  return {
    proxyPort,
    requests,
    close: async () => {
      for (const socket of tunnels) socket.destroy();
      proxy.closeAllConnections();
      https.closeAllConnections();
      // Not for ever: a connection left open would keep the run from ending (Node then exits with 13).
      await Promise.race([Promise.all([new Promise((done) => proxy.close(done)), new Promise((done) => https.close(done))]), sleep(2_000)]);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Firefox and a minimal WebDriver BiDi client.

interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

class Bidi {
  private next = 1;
  private pending = new Map<number, { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void; method: string }>();
  readonly events: BidiEvent[] = [];
  private constructor(private socket: WebSocket) {
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(String(message.data)) as { id?: number; type: string; result?: Record<string, unknown>; error?: string; message?: string; method?: string; params?: Record<string, unknown> };
      if (data.type === 'event' && data.method) {
        this.events.push({ method: data.method, params: data.params ?? {} });
        return;
      }
      const waiting = data.id === undefined ? undefined : this.pending.get(data.id);
      if (!waiting || data.id === undefined) return;
      this.pending.delete(data.id);
      if (data.type === 'error') waiting.reject(new Error(`${waiting.method}: ${data.error}: ${data.message}`));
      else waiting.resolve(data.result ?? {});
    });
  }

  static async open(url: string): Promise<Bidi> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
    });
    return new Bidi(socket);
  }

  send(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
  }

  close(): void {
    this.socket.close();
  }
}

export async function launchFirefox(work: string, proxyPort: number, downloads = join(work, 'downloads')): Promise<{ firefox: ChildProcess; bidi: Bidi; output: () => string }> {
  const profile = join(work, 'profile');
  await mkdir(profile);
  const pac = `function FindProxyForURL(url, host) { return host === 'arxiv.org' || host === 'huggingface.co' ? 'PROXY 127.0.0.1:${proxyPort}' : 'DIRECT'; }`;
  const prefs: Record<string, string | number | boolean> = {
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(pac)}`,
    // A known moz-extension:// host for the extension's pages.
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'browser.aboutwelcome.enabled': false,
    // Console messages of pages, content scripts and the background, on Firefox's stdout.
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    // Exports land here, not in the user's Downloads.
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
  };
  await writeFile(join(profile, 'user.js'), Object.entries(prefs).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`).join(''));
  const firefox = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0',
    // Lets the session open moz-extension:// pages and reach the browser window (toolbar popup, menus, shortcuts).
    '--remote-allow-system-access'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  const record = (chunk: Buffer) => {
    seen += chunk.toString();
  };
  firefox.stderr?.on('data', record);
  firefox.stdout?.on('data', record);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote agent:\n${seen}`)), 60_000);
    const read = () => {
      const found = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(seen);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    firefox.stderr?.on('data', read);
    firefox.stdout?.on('data', read);
    firefox.on('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${seen}`)));
  });
  const bidi = await Bidi.open(`${url}/session`);
  await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  return { firefox, bidi, output: () => seen };
}

// ---------------------------------------------------------------------------------------------
// Page helpers.

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/** Plain JSON out of a BiDi remote value (objects come as [key, value] pairs). */
function plain(remote: RemoteValue): unknown {
  switch (remote.type) {
    case 'undefined':
    case 'null':
      return null;
    case 'array':
      return (remote.value as RemoteValue[]).map(plain);
    case 'object':
      return Object.fromEntries((remote.value as [string, RemoteValue][]).map(([key, value]) => [key, plain(value)]));
    default:
      return remote.value;
  }
}

async function evaluate(bidi: Bidi, context: string, expression: string, ownership: 'none' | 'root' = 'none'): Promise<RemoteValue> {
  const result = (await bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: ownership })) as {
    type: string;
    result?: RemoteValue;
    exceptionDetails?: { text: string };
  };
  if (result.type === 'exception') throw new Error(`page threw: ${result.exceptionDetails?.text}`);
  return result.result ?? { type: 'undefined' };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export class Tab {
  constructor(
    private bidi: Bidi,
    readonly context: string,
  ) {}

  async goto(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  /** Makes this the window's selected tab (what the popup and the shortcut act on; clicks land only there). */
  async front(): Promise<void> {
    await this.bidi.send('browsingContext.activate', { context: this.context });
  }

  /** Evaluates `expression` (awaited) in the page and returns its value as JSON. */
  async eval<T>(expression: string): Promise<T> {
    return plain(await evaluate(this.bidi, this.context, expression)) as T;
  }

  /** Polls `expression` until `accept` holds (10 s); returns the last value either way. */
  async poll<T>(expression: string, accept: (value: T) => boolean, timeout = 10_000): Promise<T> {
    const until = Date.now() + timeout;
    for (;;) {
      let value: T | undefined;
      try {
        value = await this.eval<T>(expression);
      } catch {
        value = undefined;
      }
      if (value !== undefined && accept(value)) return value;
      if (Date.now() > until) return value as T;
      await sleep(200);
    }
  }

  /** A real mouse click (a user gesture: the clipboard and downloads need one) on the element `expression` gives, or with `button` 2 its context menu. */
  async click(expression: string, button = 0): Promise<void> {
    // Where it rests: the card's Save moves down about 20 px while its related line fills in, and
    // a click sent to where it was lands on nothing.
    let at = '';
    await this.poll<string>(`JSON.stringify((${expression})?.getBoundingClientRect() ?? null)`, (rect) => {
      const resting = rect === at;
      at = rect;
      return resting;
    }, 5_000);
    const element = await evaluate(this.bidi, this.context, `(() => { const element = ${expression}; element.scrollIntoView({ block: 'center' }); return element; })()`, 'root');
    if (!element.sharedId) throw new Error(`no element: ${expression}`);
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'pointer', id: 'mouse', actions: [{ type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId: element.sharedId } } }, { type: 'pointerDown', button }, { type: 'pointerUp', button }] }],
    });
  }

  /** Pastes the clipboard (Ctrl+V, real key input) into the field `expression` gives, and returns the field's text. */
  async paste(expression: string): Promise<string> {
    await this.click(expression);
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: '\uE009' }, { type: 'keyDown', value: 'v' }, { type: 'keyUp', value: 'v' }, { type: 'keyUp', value: '\uE009' }] }],
    });
    await sleep(300);
    return this.eval<string>(`(${expression}).value`);
  }

  /** Hands `path` to the file input `expression` gives, as a user picking it would. */
  async setFile(expression: string, path: string): Promise<void> {
    const element = await evaluate(this.bidi, this.context, expression, 'root');
    await this.bidi.send('input.setFiles', { context: this.context, element: { sharedId: element.sharedId }, files: [path] });
  }

  async screenshot(name: string): Promise<void> {
    if (!SHOTS) return;
    const shot = (await this.bidi.send('browsingContext.captureScreenshot', { context: this.context })) as { data: string };
    await writeFile(join(SHOTS, `${name}.png`), Buffer.from(shot.data, 'base64'));
  }
}

export async function newTab(bidi: Bidi): Promise<Tab> {
  const created = (await bidi.send('browsingContext.create', { type: 'tab' })) as { context: string };
  return new Tab(bidi, created.context);
}

/**
 * The browser window itself (chrome scope: its toolbar, menus and keys; needs
 * --remote-allow-system-access), or null where this Firefox's BiDi gives no chrome contexts (140 ESR
 * answers with its tabs): the checks that need it are then reported as notes.
 */
async function browserWindow(bidi: Bidi): Promise<Tab | null> {
  const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })) as { contexts: { context: string; url: string }[] };
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) return null;
  return new Tab(bidi, window.context);
}

// In the browser window: the extension's toolbar popup, and its context-menu item and shortcut.
const EXTENSION_IN_WINDOW = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent`;
const OPEN_POPUP = `(async () => {
  const parent = ${EXTENSION_IN_WINDOW};
  await parent.apiManager.global.browserActionFor(parent.GlobalManager.getExtension(${JSON.stringify(ADDON_ID)})).openPopup(window, true);
  return true;
})()`;
const SNAPSHOT_POPUP = `(async () => {
  const popup = document.querySelector('.webextension-popup-browser');
  const picture = await popup.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
  const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
  canvas.width = picture.width;
  canvas.height = picture.height;
  canvas.getContext('2d').drawImage(picture, 0, 0);
  return canvas.toDataURL('image/png');
})()`;
const CLOSE_POPUP = `document.querySelector('.webextension-popup-browser')?.closest('panel')?.hidePopup() ?? null`;
const PICK_MENU_ITEM = `(() => {
  const menu = document.getElementById('contentAreaContextMenu');
  const item = [...menu.querySelectorAll('menuitem')].find((entry) => entry.id.startsWith('paperlens_paperlens_dev-menuitem-') && !entry.hidden);
  if (!item) { menu.hidePopup(); return null; }
  const label = item.label;
  menu.activateItem(item);
  return label;
})()`;
const PRESS_SHORTCUT = `(() => {
  const key = document.getElementById('ext-keyset-id-paperlens_paperlens_dev')?.querySelector('key');
  key?.doCommand();
  return key ? key.getAttribute('modifiers') + '+' + key.getAttribute('key') : null;
})()`;

// ---------------------------------------------------------------------------------------------
// The checks.

const results: { name: string; ok: boolean | null; detail: string }[] = [];
/** `ok` null: a known difference in Firefox, reported, not counted as a failure. */
function check(name: string, ok: boolean | null, detail: unknown): void {
  const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
  results.push({ name, ok, detail: text });
  console.log(`${ok === null ? 'NOTE' : ok ? 'PASS' : 'FAIL'}  ${name}  ${text}`);
}

/** In-page: the text of `[data-testid=id]` inside the shadow root of the first `host`. */
const shadowText = (host: string, testid: string) =>
  `document.querySelector(${JSON.stringify(host)})?.shadowRoot?.querySelector('[data-testid="${testid}"]')?.textContent ?? null`;
const inShadow = (host: string, testid: string) => `document.querySelector(${JSON.stringify(host)}).shadowRoot.querySelector('[data-testid="${testid}"]')`;
const CARD = '[data-paperlens="card"]';
const NO_WINDOW = 'this Firefox gives WebDriver BiDi no browser window (chrome scope): not checked';
const badge = (id: string) => `[data-paperlens="badge"][data-arxiv-id="${id}"]`;
/** The toolbar badge text and tooltip of the tab showing `url` (asked from an extension page). */
const toolbarOf = (url: string) =>
  `(async () => { const [tab] = await browser.tabs.query({ url: ${JSON.stringify(url)} }); return { text: await browser.action.getBadgeText({ tabId: tab.id }), title: await browser.action.getTitle({ tabId: tab.id }) }; })()`;

/** The question the background asks a tab about its paper (the popup, the shortcut, the link menu), asked from an extension page: the answer's id, title and authors. */
const askTab = (url: string, id: string) =>
  `browser.tabs.query({ url: ${JSON.stringify(url)} }).then(([tab]) => browser.tabs.sendMessage(tab.id, { type: 'paperlens:pagePaper', id: ${JSON.stringify(id)} })).then((answer) => answer === undefined ? 'undefined' : JSON.stringify(answer && { id: answer.id, title: answer.title, authors: answer.authors }), (error) => 'error: ' + error.message)`;

/** One badge per entry on each listing (url: its number of entries). */
async function checkBadges(tab: Tab, listings: Record<string, number>): Promise<void> {
  for (const [url, expected] of Object.entries(listings)) {
    await tab.goto(url);
    const badges = await tab.poll<number>(`document.querySelectorAll('[data-paperlens="badge"]').length`, (count) => count === expected);
    check(`badges on ${url}`, badges === expected, { badges, expected });
  }
}

async function run(bidi: Bidi, downloads: string): Promise<void> {
  await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
  const installed = (await bidi.send('webExtension.install', { extensionData: { type: 'path', path: EXTENSION_DIR } })) as { extension: string };
  check('the build installs as a temporary add-on', installed.extension === ADDON_ID, installed);
  const chrome = await browserWindow(bidi);

  // 1. The background seeded the store: the popup page (as a tab) lists the snapshot.
  const popup = await newTab(bidi);
  await popup.goto(`${EXT}/popup.html`);
  const trending = await popup.poll<number>(`document.querySelectorAll('[data-testid="trending-item"]').length`, (count) => count === 66, 20_000);
  check('popup lists the 66 seeded trending papers', trending === 66, { trending });
  await popup.screenshot('popup');

  // 2. The arXiv abstract page: one card with a TL;DR; Save, Copy BibTeX.
  const abs = await newTab(bidi);
  await abs.goto('https://arxiv.org/abs/2310.01779v3');
  const cards = await abs.poll<number>(`document.querySelectorAll('${CARD}').length`, (count) => count === 1);
  const tldr = await abs.poll<string | null>(shadowText(CARD, 'tldr'), (text) => !!text);
  const placement = await abs.eval<string | null>(`document.querySelector('blockquote.abstract')?.nextElementSibling?.getAttribute('data-paperlens') ?? null`);
  check('arXiv abstract page: one card right after the abstract, its shadow root holding the TL;DR', cards === 1 && !!tldr && placement === 'card', { cards, placement, tldr: tldr?.slice(0, 80) });
  await abs.front();
  await abs.click(inShadow(CARD, 'save'));
  const saved = await abs.poll<string | null>(shadowText(CARD, 'save'), (text) => text === 'Saved');
  check('arXiv card: Save turns into Saved', saved === 'Saved', { save: saved });
  await abs.click(inShadow(CARD, 'copy-bibtex'));
  const copied = await abs.poll<string | null>(shadowText(CARD, 'copied'), (text) => text === 'BibTeX copied', 3_000);
  check('arXiv card: Copy BibTeX (clipboard from a content script)', copied === 'BibTeX copied', { copied });
  await abs.screenshot('arxiv-abs');
  const toolbar = await popup.poll<{ text: string; title: string }>(toolbarOf('https://arxiv.org/abs/2310.01779v3'), (look) => look.text === '•');
  check('toolbar icon of the saved paper\'s tab shows its status', toolbar.text === '•', toolbar);
  await popup.goto(`${EXT}/popup.html`);
  await popup.eval(`document.querySelector('[data-testid="tab-saved"]').click()`);
  const savedIds = await popup.poll<string[]>(`[...document.querySelectorAll('[data-testid="saved-item"]')].map((item) => item.dataset.arxivId)`, (ids) => ids.includes('2310.01779'));
  check('popup Saved tab lists the saved paper', savedIds.includes('2310.01779'), { savedIds });
  // The popup (as a tab, not the selected one) reads the selected tab: the abstract page.
  const thisTab = await popup.poll<{ meta: string | null; save: string | null }>(
    `({ meta: document.querySelector('[data-testid="this-tab"] .meta')?.textContent ?? null, save: document.querySelector('[data-testid="this-tab"] [data-testid="save"]')?.textContent ?? null })`,
    (tab) => !!tab.meta?.includes('#1 trending') && tab.save === 'Saved',
  );
  check('popup This tab: the abstract page\'s paper, trending and Saved', !!thisTab.meta?.includes('#1 trending') && thisTab.save === 'Saved', thisTab);
  await popup.screenshot('popup-saved');

  // The real toolbar popup (a panel of the browser window), read through the extension's own views.
  if (chrome) {
    await chrome.eval(OPEN_POPUP);
    const panel = await popup.poll<{ width: number; scrollWidth: number; thisTab: string } | null>(
      `(() => { const [view] = browser.extension.getViews({ type: 'popup' }); const text = view?.document.querySelector('[data-testid="this-tab"] .meta')?.textContent; return text ? { width: view.innerWidth, scrollWidth: view.document.documentElement.scrollWidth, thisTab: text } : null; })()`,
      (view) => !!view?.thisTab.includes('#1 trending'),
    );
    check('the toolbar popup opens, shows this tab\'s paper, and nothing overflows sideways', !!panel?.thisTab.includes('#1 trending') && panel.scrollWidth <= panel.width, panel);
    if (SHOTS && panel) await writeFile(join(SHOTS, 'toolbar-popup.png'), Buffer.from((await chrome.eval<string>(SNAPSHOT_POPUP)).split(',')[1] ?? '', 'base64'));
    await chrome.eval(CLOSE_POPUP);
  } else {
    check('the toolbar popup opens, shows this tab\'s paper, and nothing overflows sideways', null, NO_WINDOW);
  }

  // 3. arXiv listings: one badge per entry; a badge's TL;DR and Save.
  const listing = await newTab(bidi);
  await checkBadges(listing, { 'https://arxiv.org/list/cs.CL/new': 10, 'https://arxiv.org/search/?query=hallucination&searchtype=all': 3 });
  await listing.goto('https://arxiv.org/list/cs.CL/new');
  await listing.front();
  const rank = await listing.poll<string | null>(shadowText(badge('2310.01779'), 'badge-rank'), (text) => text === '#1 · 2025-07-30');
  const badgeSave = await listing.eval<string | null>(shadowText(badge('2310.01779'), 'badge-save'));
  check('arXiv badge: rank of a seeded paper, and Saved for the saved one', rank === '#1 · 2025-07-30' && badgeSave === 'Saved', { rank, badgeSave });
  await listing.click(inShadow(badge('2407.21123'), 'badge-tldr-toggle'));
  const badgeTldr = await listing.poll<string | null>(shadowText(badge('2407.21123'), 'badge-tldr'), (text) => !!text && !text.startsWith('Summarizing'));
  await listing.click(inShadow(badge('2407.21123'), 'badge-save'));
  const badgeSaved = await listing.poll<string | null>(shadowText(badge('2407.21123'), 'badge-save'), (text) => text === 'Saved');
  check('arXiv badge: TL;DR opens, Save saves', !!badgeTldr?.includes('retrieval heads') && badgeSaved === 'Saved', { tldr: badgeTldr?.slice(0, 60), save: badgeSaved });
  await listing.screenshot('arxiv-listing');
  // The context-menu item on a paper link, then the "+" on the toolbar icon.
  if (chrome) {
    await listing.click(`document.querySelector('a[href*="/abs/2407.21200"]')`, 2);
    await sleep(500);
    const menuItem = await chrome.eval<string | null>(PICK_MENU_ITEM);
    const linkSaved = await listing.poll<string | null>(shadowText(badge('2407.21200'), 'badge-save'), (text) => text === 'Saved');
    const notice = await popup.eval<{ text: string; title: string }>(toolbarOf('https://arxiv.org/list/cs.CL/new'));
    check('context menu "Save paper to PaperLens" on a link saves it; the icon shows "+"', menuItem !== null && linkSaved === 'Saved' && notice.text === '+', { menuItem, linkSaved, notice });
  } else {
    check('context menu "Save paper to PaperLens" on a link saves it; the icon shows "+"', null, NO_WINDOW);
  }

  // 4. Hugging Face: the paper page's card and the lists' badges.
  const hf = await newTab(bidi);
  await hf.goto('https://huggingface.co/papers/2310.01779');
  const hfCards = await hf.poll<number>(`document.querySelectorAll('${CARD}').length`, (count) => count === 1);
  const hfTldr = await hf.poll<string | null>(shadowText(CARD, 'tldr'), (text) => !!text);
  const hfSave = await hf.poll<string | null>(shadowText(CARD, 'save'), (text) => text === 'Saved');
  check('Hugging Face paper page: one card with a TL;DR, Saved', hfCards === 1 && !!hfTldr && hfSave === 'Saved', { cards: hfCards, save: hfSave, tldr: hfTldr?.slice(0, 80) });
  await hf.front();
  await hf.click(`[...document.querySelectorAll('a')].find((link) => link.textContent.includes('Scaling Laws with Vocabulary'))`);
  const next = await hf.poll<string | null>(`location.pathname + ' ' + (${shadowText(CARD, 'rank')})`, (text) => !!text?.startsWith('/papers/2407.13623 #'));
  check('Hugging Face client-side navigation: the next paper\'s card', !!next?.startsWith('/papers/2407.13623 #'), { next });
  // What the popup, the shortcut and the link menu read, once Firefox's location watcher (a poll
  // each second) has heard of the navigation: the next paper, by its title (it was null).
  await sleep(2_500);
  const nextAnswer = await popup.eval<string>(askTab('https://huggingface.co/papers/2407.13623', '2407.13623'));
  check('Hugging Face client-side navigation: the page names the next paper to the background', nextAnswer.includes('"id":"2407.13623"') && nextAnswer.includes('Scaling Laws with Vocabulary'), { answer: nextAnswer.slice(0, 160) });
  // Back to the first paper (the router renders it again a moment later): its card, and the page names it.
  await hf.eval(`history.back()`);
  const first = await hf.poll<string | null>(`location.pathname + ' ' + (${shadowText(CARD, 'rank')}) + ' ' + document.querySelectorAll('${CARD}').length`, (text) => !!text?.startsWith('/papers/2310.01779 #1 '));
  await sleep(2_500);
  const firstAnswer = await popup.eval<string>(askTab('https://huggingface.co/papers/2310.01779', '2310.01779'));
  check('Hugging Face, back to the first paper: one card, and the page names it to the background', !!first?.endsWith(' 1') && firstAnswer.includes('HallE-Switch'), { first, answer: firstAnswer.slice(0, 120) });
  await hf.screenshot('hf-paper');
  await checkBadges(hf, { 'https://huggingface.co/papers/date/2024-07-31': 5, 'https://huggingface.co/papers/trending': 3 });
  await hf.screenshot('hf-list');

  // The keyboard shortcut (its command, as the key would run it) saves the selected tab's paper.
  await abs.goto('https://arxiv.org/abs/1706.03762');
  await abs.front();
  const before = await abs.poll<string | null>(shadowText(CARD, 'save'), (text) => text === 'Save');
  if (chrome) {
    const shortcut = await chrome.eval<string | null>(PRESS_SHORTCUT);
    const after = await abs.poll<string | null>(shadowText(CARD, 'save'), (text) => text === 'Saved');
    check('the Save shortcut saves the paper of the selected tab', before === 'Save' && after === 'Saved', { shortcut, before, after });
  } else {
    check('the Save shortcut saves the paper of the selected tab', null, NO_WINDOW);
    // Saved from its card instead, for the reading list's checks below.
    await abs.click(inShadow(CARD, 'save'));
    await abs.poll<string | null>(shadowText(CARD, 'save'), (text) => text === 'Saved');
  }

  // PDF tabs: Firefox's PDF viewer runs no content script, so the tab keeps the viewer's title.
  const pdf = await newTab(bidi);
  await pdf.goto('https://arxiv.org/pdf/2310.01779v3');
  const pdfTitle = await pdf.poll<string>('document.title', (title) => title.includes('| arXiv 2310.01779v3'), 5_000);
  check('PDF tab named after its paper', pdfTitle.includes('| arXiv 2310.01779v3') ? true : null, { title: pdfTitle, note: 'content scripts do not run in Firefox\'s PDF viewer' });
  await popup.goto(`${EXT}/popup.html`);
  const pdfThisTab = await popup.poll<string | null>(`document.querySelector('[data-testid="this-tab"] .meta')?.textContent ?? null`, (text) => !!text?.includes('#1 trending'));
  check('popup This tab on a PDF tab: its paper', !!pdfThisTab?.includes('#1 trending'), { meta: pdfThisTab });
  // Copy BibTeX there, the authors asked of arXiv's page, which answers after the click's 5 s.
  await pdf.goto(`https://arxiv.org/pdf/${SLOW_PAPER}`);
  await pdf.front();
  await popup.goto(`${EXT}/popup.html`);
  await popup.poll<string | null>(`document.querySelector('[data-testid="this-tab"]')?.dataset.arxivId ?? null`, (id) => id === SLOW_PAPER);
  const copyStarted = Date.now();
  await popup.click(`document.querySelector('[data-testid="this-tab"] [data-testid="copy-bibtex"]')`);
  const copySaid = await popup.poll<string | null>(
    `(() => { const tab = document.querySelector('[data-testid="this-tab"]'); return tab.querySelector('[data-testid="copied"]')?.textContent || tab.querySelector('.error')?.textContent || null; })()`,
    (text) => !!text,
    SLOW_ARXIV_MS + 8_000,
  );
  const copyTook = Math.round((Date.now() - copyStarted) / 100) / 10;
  // What the clipboard holds, pasted into a field of the popup's page: the paper, with the authors arXiv's page gave.
  await popup.eval(`document.body.prepend(Object.assign(document.createElement('textarea'), { id: 'pasted' }))`);
  const pasted = await popup.paste(`document.getElementById('pasted')`);
  check(
    `popup Copy BibTeX on a PDF tab, arXiv answering in ${SLOW_ARXIV_MS / 1000} s: copied, with arXiv's authors`,
    copySaid === 'BibTeX copied' && pasted.includes(`eprint = {${SLOW_PAPER}}`) && pasted.includes('Vaswani'),
    { said: copySaid, afterSeconds: copyTook, pasted: pasted.slice(0, 160) },
  );

  // 5. The reading list: the saved papers, an import, and a BibTeX export.
  const reading = await newTab(bidi);
  await reading.goto(`${EXT}/reading-list.html`);
  const rows = await reading.poll<string[]>(`[...document.querySelectorAll('[data-arxiv-id]')].map((row) => row.dataset.arxivId)`, (ids) => ids.includes('2310.01779') && ids.includes('1706.03762'));
  check('reading list shows the saved papers', rows.includes('2310.01779') && rows.includes('1706.03762'), { rows });
  const ids = join(downloads, '..', 'ids.txt');
  await writeFile(ids, '2402.18041\n');
  await reading.setFile(`document.querySelector('[data-testid="import-file"]')`, ids);
  await reading.poll<string | null>(`document.querySelector('[data-testid="import-apply"]') ? 'ready' : null`, (ready) => ready === 'ready');
  await reading.front();
  await reading.click(`document.querySelector('[data-testid="import-apply"]')`);
  const imported = await reading.poll<string | null>(`document.querySelector('[data-testid="import-result"]')?.textContent ?? null`, (text) => !!text?.includes('1 new'));
  check('reading list: importing a list of ids', !!imported?.includes('1 new'), { imported });
  await reading.click(`document.querySelector('[data-testid="export-bibtex"]')`);
  // Read from the download folder: Firefox 140 ESR's BiDi has no download events, and a finished
  // download is renamed from its .part file.
  const until = Date.now() + 10_000;
  let bib = '';
  while (!bib && Date.now() < until) {
    const done = (await readdir(downloads)).find((name) => name.endsWith('.bib'));
    if (done) bib = await readFile(join(downloads, done), 'utf8');
    else await sleep(200);
  }
  check('reading list: BibTeX export downloads a file citing the saved papers', bib.includes('eprint = {2310.01779}') && bib.includes('eprint = {1706.03762}'), { entries: (bib.match(/^@/gm) ?? []).length, start: bib.slice(0, 60) });
  await reading.screenshot('reading-list');

  // 6. The options page; a switch reaches an open page at once.
  const options = await newTab(bidi);
  await options.goto(`${EXT}/options.html`);
  const optionsText = await options.poll<string>(`document.body.innerText`, (text) => text.includes('Where PaperLens works') || text.includes('WHERE PAPERLENS WORKS'));
  const pdfSwitch = await options.eval<{ disabled: boolean; checked: boolean }>(`(({ disabled, checked }) => ({ disabled, checked }))(document.querySelector('[data-testid="setting-pdfTabTitles"]'))`);
  check('options page renders; the PDF tab titles switch is off and disabled (no script runs in Firefox\'s PDF viewer)', optionsText.length > 20 && pdfSwitch.disabled && !pdfSwitch.checked, { pdfSwitch, text: optionsText.slice(0, 60) });
  await options.screenshot('options');
  await options.front();
  await options.click(`document.querySelector('[data-testid="setting-arxivAbs"]')`);
  const gone = await abs.poll<number>(`document.querySelectorAll('${CARD}').length`, (count) => count === 0);
  await options.click(`document.querySelector('[data-testid="setting-arxivAbs"]')`);
  const back = await abs.poll<number>(`document.querySelectorAll('${CARD}').length`, (count) => count === 1);
  check('options: switching arXiv abstract pages off and on removes and restores an open card', gone === 0 && back === 1, { off: gone, on: back });

  // 7. The extension reloads (as an update does) with paper pages open: Firefox stops their
  // scripts without cleanup and runs the new ones there. One card each, and its Save works.
  await hf.goto('https://huggingface.co/papers/2310.01779');
  await hf.poll<number>(`document.querySelectorAll('${CARD}').length`, (count) => count === 1);
  await popup.eval(`(setTimeout(() => browser.runtime.reload(), 100), true)`);
  await sleep(4_000);
  const cardsAfter = { abs: await abs.eval<number>(`document.querySelectorAll('${CARD}').length`), hf: await hf.eval<number>(`document.querySelectorAll('${CARD}').length`) };
  await abs.front();
  const saveBefore = await abs.poll<string | null>(shadowText(CARD, 'save'), (text) => text === 'Saved');
  await abs.click(inShadow(CARD, 'save'));
  const saveAfter = await abs.poll<string | null>(shadowText(CARD, 'save'), (text) => text === 'Save', 5_000);
  check('after the extension reloads, an open page shows one card, and its Save works', cardsAfter.abs === 1 && cardsAfter.hf === 1 && saveBefore === 'Saved' && saveAfter === 'Save', { cardsAfter, saveBefore, saveAfter });

  // 8. Download PDF: saved under the card's name for it, not arXiv's ("2310.01779.pdf"). Last: Firefox
  // opens a downloaded PDF in a new tab, which the checks above would take for the selected one.
  await abs.goto('https://arxiv.org/abs/2310.01779v3');
  await abs.poll<number>(`document.querySelectorAll('${CARD}').length`, (count) => count === 1);
  await abs.front();
  const pdfName = await abs.eval<string | null>(`${inShadow(CARD, 'pdf-download')}?.getAttribute('download') ?? null`);
  await abs.click(inShadow(CARD, 'pdf-download'));
  const pdfUntil = Date.now() + 10_000;
  let pdfFiles: string[] = [];
  while (pdfFiles.length === 0 && Date.now() < pdfUntil) {
    pdfFiles = (await readdir(downloads)).filter((name) => name.endsWith('.pdf'));
    if (pdfFiles.length === 0) await sleep(200);
  }
  check('arXiv card: Download PDF saves the PDF under the card\'s name for it', !!pdfName && pdfFiles.length === 1 && pdfFiles[0] === pdfName, { pdfName, downloaded: pdfFiles });
}

// Firefox's own noise in a headless run without internet, left out of the console report.
const FIREFOX_NOISE = /RSLoader|BackupService|remote-settings|LoginRecipes|Indexing all PDF objects|GLib|g_object|NavigationManager|unrecognized command line flag|TLS certificate errors|nimbus|services-settings|^\s*(Message|Stack|at |\w+@)/;

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'paperlens-firefox-'));
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
  const downloads = join(work, 'downloads');
  await mkdir(downloads);
  const network = await startNetwork(work);
  const { firefox, bidi, output } = await launchFirefox(work, network.proxyPort, downloads);
  try {
    await run(bidi, downloads);
  } catch (error) {
    check('the run finished', false, String(error));
  } finally {
    // Firefox's output: the console of pages, content scripts, extension pages and the background (stdout prefs).
    const lines = output()
      .split('\n')
      .filter((line) => /^(console\.(error|warn)|JavaScript (error|warning))/.test(line) || /moz-extension:|PaperLens/i.test(line))
      .filter((line) => !FIREFOX_NOISE.test(line));
    console.log(`\nconsole errors and warnings (${lines.length}, Firefox's own left out):`);
    for (const line of lines) console.log(`  ${line.slice(0, 400)}`);
    console.log(`\nrequests:`);
    for (const url of [...new Set(network.requests)]) console.log(`  ${url}${PAGES[url] ? '' : '  (404)'}`);
    try {
      // Firefox 140 ESR closes the socket without answering: do not wait on it for ever.
      await Promise.race([bidi.send('session.end', {}), sleep(2_000)]);
    } catch {
      // Firefox may already be gone.
    }
    bidi.close();
    firefox.kill();
    await network.close();
    if (!keep) await rm(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
  const failed = results.filter((result) => result.ok === false);
  const notes = results.filter((result) => result.ok === null);
  console.log(`\n${results.length - failed.length - notes.length} passed, ${failed.length} failed, ${notes.length} known difference(s)`);
  process.exitCode = failed.length ? 1 : 0;
}

// Its parts are exported to poke at Firefox by hand from another script.
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
