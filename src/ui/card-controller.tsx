import { render } from 'preact';
import type { PaperView, ReadingStatus } from '../schema';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { noticeExtensionGone } from './extension-gone';
import { DEFAULT_SETTINGS, loadSettings, watchSettings } from '../settings/settings';
import { applyScheme, schemeFor, watchPageScheme } from './badges/page-theme';
import type { PagePaper, PaperPageSite } from '../sites/types';
import { pageDetails, plainPageTitle } from '../papers/page-details';
import { shownUpvotes } from './badges/listing-site';
import { pdfFileName } from '../papers/pdf-file-name';
import { sendRequest } from '../messaging/client';
import { keptIfRemoved } from '../messaging/lost-removal';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { PaperCard, type CardActions, type CardModel } from './paper-card';
import cardCss from './paper-card.css?inline';
import { lookupOne, takeCardPrefetch, type LookupResult } from './card-prefetch';
import { watchStoreChanges } from '../messaging/store-changes';
import { latestQuestion } from './latest-question';
import { uniqueCodeLinks } from '../summarize/links';
import { normalizeTitle, safeHref, savedFromUrl } from '../papers/ids';
import { arxivPaperPage, latestArxivAbsPage } from '../sites/arxiv-abs';
import { putBackAllowance } from './put-back';
import { equalLists } from '../equal-lists';

interface MountedCard extends ShadowHost {
  /** The page's address without its query or fragment (pageUrl). */
  url: string;
  page: PagePaper;
  /** What the card shows now. */
  model: CardModel;
  /** Whether the page that took this card out may have it put back (a new card, on the next paper, a new allowance). */
  mayPutBack: () => boolean;
}

/**
 * The tab's address without its query or fragment: following a link within the page (a comment,
 * #community) or a page option kept in the query (?sort=recent) shows the same paper, whose card
 * stays as the reader left it (collapsed, an Undo offered, the focus in it).
 */
function pageUrl(): string {
  return location.href.replace(/[?#].*$/, '');
}

// How long after a card shows the page's author list may still come (a site rendering in steps).
const AUTHORS_WAIT_MS = 5_000;

// How long a new title over the previous paper's abstract is taken for a page still rendering.
const ABSTRACT_WAIT_MS = 1_500;
// Put-backs of the card a second before it stays out (a page re-renders it away once or twice).
const CARD_PUT_BACKS = 10;

// The related line of a paper the store does not hold, until its related papers come.
const LOOKING_FOR_RELATED = 'looking for papers like this in your store…';
const NONE_RELATED = 'none like this in your store yet';

/** A paper the store does not hold gets its related papers after its card shows (showRelated), none before. */
function relatedComeLater(result: LookupResult, page: PagePaper): result is LookupResult & { view: PaperView } {
  return result.view !== null && !result.view.inStore && page.abstract !== '';
}

/**
 * The page's PDF with a file name that says which paper it is. Only a PDF of the page's own site
 * (arXiv's, on arXiv): a browser ignores the name it is given for another site's file.
 */
function pdfDownload(page: PagePaper, id: string | null, title: string): CardModel['pdfDownload'] {
  const href = safeHref(page.pdfUrl);
  if (!id || !href || new URL(href).origin !== location.origin) return null;
  return { href, fileName: pdfFileName({ id, title, authors: page.authors, published: page.published }) };
}

function cardModel(page: PagePaper, result: LookupResult, site: PaperPageSite): CardModel {
  const { view, problem } = result;
  // The store could not be asked: still show what the page says, and why there is no more.
  const shown = view ?? { id: page.id, title: page.title, tldr: '', keyResults: [], codeLinks: [], topics: [], related: [], rank: null, snapshot: null, upvotes: null, projectPage: null, status: null, inStore: false };
  const title = plainPageTitle(page) ?? shown.title;
  return {
    ...shown,
    title,
    upvotes: shownUpvotes(site, shown.upvotes),
    // The page's own code links come too: the store reads links from abstract text, and arXiv
    // shows a URL there as "this https URL" (or names the code in its comments).
    codeLinks: uniqueCodeLinks([...shown.codeLinks, ...page.codeLinks]),
    // The page's own "Project page:" first: the store's may be a guess from a link in its abstract.
    projectPage: page.projectPage ?? shown.projectPage,
    problem,
    // A paper of the store with none says so, as one the store does not hold does once they come.
    relatedNote: relatedComeLater(result, page) ? LOOKING_FOR_RELATED : view?.inStore && view.related.length === 0 ? NONE_RELATED : null,
    pdfDownload: pdfDownload(page, shown.id, title),
    withdrawal: page.withdrawal ?? null,
    // Not `site.key`: the HTML view shares the abstract pages' switch, and a version's page links the latest.
    onAbstractPage: latestArxivAbsPage(location.href),
  };
}

/** What a save (and a completion of a saved item) keeps of the paper the card shows. */
function savedPaper(page: PagePaper, model: CardModel, id: string) {
  return { id, title: model.title, tldr: model.tldr, sourceUrl: savedFromUrl(location.href), ...pageDetails(page) };
}

/** What the card's controls do; each status they set goes through `shows` (draw). */
function cardActions(page: PagePaper, model: CardModel, shows: (status: ReadingStatus | null) => ReadingStatus | null): CardActions {
  const id = model.id!;
  return {
    save: async () => shows((await sendRequest({ type: 'save', paper: savedPaper(page, model, id) }, true)).status),
    unsave: async () => {
      const item = (await sendRequest({ type: 'removeSaved', ids: [id] }).catch(keptIfRemoved([id])))[0] ?? null;
      shows(null);
      return item;
    },
    restore: async (item) => {
      if ((await sendRequest({ type: 'undoRemoval', removals: [{ id: item.id, removedAt: item.removedAt }] })).changed > 0) return shows(item.status);
      // Saved again meanwhile (elsewhere): that item stays, and the card shows its status.
      return shows((await sendRequest({ type: 'lookup', queries: [{ id }] }, true))[0]?.status ?? null);
    },
    setStatus: async (status) => shows((await sendRequest({ type: 'setStatus', id, status }, true)).status),
    citation: () => sendRequest({ type: 'citation', paper: { id, title: model.title, sourceUrl: savedFromUrl(location.href), ...pageDetails(page) } }, true),
  };
}

/**
 * Keeps exactly one summary card after the abstract of the paper the tab shows: takes the answer
 * the document-start script asked for (startCardPrefetch), mounts when the abstract exists, puts
 * the card back when the page re-renders it away, and swaps it on client-side navigation.
 * Follows the settings live: no card while the site's switch is off, collapsed by default when
 * set, the chosen theme, and no "seen" mark recorded when those are off.
 */
export function runCardController(ctx: ContentScriptContext, site: PaperPageSite): void {
  const siteKey = site.key;
  const early = takeCardPrefetch();
  let settings = DEFAULT_SETTINGS;
  const settingsRead = (early?.settings ?? loadSettings()).then(
    (loaded) => (settings = loaded),
    () => settings,
  );
  const enabled = () => settings.sites[siteKey];

  const startUrl = new URL(location.href);
  const prefetchId = site.isPage(startUrl) ? site.idFromUrl(startUrl) : null;
  // The store was asked at document start, alongside reading the settings (startCardPrefetch):
  // waiting for them first would add a storage round trip before every card. A switched-off site
  // just never shows the answer.
  const earlyResult = early?.result && early.id === prefetchId ? early.result : null;
  let prefetch = prefetchId ? { id: prefetchId, result: earlyResult ?? lookupOne(siteKey, prefetchId) } : null;

  let card: MountedCard | null = null;
  // The store changed while no card was shown (a save as the page loads, or during the card's own
  // question): the card asks again once it shows. Watched from here, before the DOM is parsed.
  let changedBeforeCard = early?.changed ?? false;
  watchStoreChanges(ctx, (restored) => {
    if (card) {
      void refreshStatus();
      // Back or Forward from the back/forward cache runs no script again, yet the reader is on this
      // paper again: it goes first in Recent, as the same page reloaded would (asked as the card
      // first asked, so a paper the store does not hold is recorded too).
      if (restored) void lookupOne(siteKey, card.page.id, card.page);
    } else changedBeforeCard = true;
  });
  // The page text last shown, to tell a new paper's DOM from the previous one's after navigation.
  let shown: Pick<PagePaper, 'id' | 'title' | 'abstract' | 'authors'> | null = null;
  // Since when the page has shown a new title over the previous paper's abstract.
  let abstractWaitSince: number | null = null;
  // The card shows with no authors (none on the page yet, or the previous paper's still there):
  // since when, and the previous paper's, which are not this one's.
  let authorsWait: { since: number; stale: readonly string[] } | null = null;
  let authorsCheck = false;
  let running = false;
  let rerun = false;

  const removeCard = () => {
    if (!card) return;
    render(null, card.container);
    card.host.remove();
    card = null;
    authorsWait = null;
  };

  // Our card being out, any host in the page is not ours: an empty copy the page kept when it
  // re-rendered from its markup (a shadow root is not markup), or the card of an earlier instance
  // of this script, which Firefox stops without cleanup when the extension reloads or updates.
  const place = (host: HTMLElement, anchor: Element) => {
    for (const copy of document.querySelectorAll('paperlens-card')) copy.remove();
    anchor.after(host);
  };

  const lookup = async (page: PagePaper): Promise<LookupResult> => {
    // The answer asked for at page load serves the first card only: coming back to this paper
    // later (client-side navigation), it may predate a save.
    const early = prefetch;
    prefetch = null;
    const prefetched = early && early.id === page.id ? await early.result : null;
    const byId = prefetched ?? (await lookupOne(siteKey, page.id));
    // arXiv retitled a paper of the store: asked with the page, the store takes its title and
    // abstract first, so the card shows that abstract's TL;DR from the start, not the old one first.
    if (byId.view?.inStore && retitledOnPage(byId.view, page)) {
      const byPage = await lookupOne(siteKey, page.id, page);
      if (byPage.view?.inStore) return byPage;
    }
    if (byId.view?.inStore || byId.problem) return byId;
    // Unknown by id: match the page's title, or have its abstract summarized.
    const byPage = await lookupOne(siteKey, page.id, page);
    return byPage.view ? byPage : byId;
  };

  const syncOnce = async () => {
    await settingsRead;
    const url = new URL(pageUrl());
    if (!site.isPage(url) || !enabled()) {
      removeCard();
      return;
    }
    if (card && card.url === url.href && card.host.isConnected) return;
    const read = site.extract(document, url);
    const anchor = site.cardAnchor(document);
    if (!read || !anchor) {
      // Not a page we recognise (yet): no card, no error. After client-side navigation that may be
      // the next paper's page still loading (no abstract yet): the previous paper's card goes now,
      // or its Save would save that paper under this one's title.
      if (card && card.url !== url.href) removeCard();
      return;
    }
    // After client-side navigation the DOM may still show (some of) the previous paper, updated in
    // place or in steps: its title (wait for the page's next change), or the new title with the old
    // abstract (wait a moment: two papers may also share an abstract). The stale card goes at once.
    const previous = shown?.id !== read.id ? shown : null;
    const sameTitle = previous?.title === read.title;
    const sameAbstract = read.abstract !== '' && previous?.abstract === read.abstract;
    if (!sameAbstract) {
      abstractWaitSince = null;
    } else if (abstractWaitSince === null) {
      abstractWaitSince = Date.now();
      ctx.setTimeout(() => void sync(), ABSTRACT_WAIT_MS); // look again when the wait is over
    }
    if (sameTitle || (abstractWaitSince !== null && Date.now() - abstractWaitSince < ABSTRACT_WAIT_MS)) {
      removeCard();
      return;
    }
    abstractWaitSince = null;
    // Shown from now, card or not: left before the store answers, the next page may still show it.
    shown = read;
    // The previous paper's author list, still on screen: not this paper's (they come later).
    const staleAuthors = previous !== null && read.authors.length > 0 && equalLists(read.authors, previous.authors);
    const page = staleAuthors ? { ...read, authors: [] } : read;
    if (card && card.url === url.href) {
      // The page re-rendered our card away: put the same one back, unless it keeps doing so.
      if (card.mayPutBack()) place(card.host, anchor);
      return;
    }
    // The page shows another paper (a site that renders the next paper in place, in one go):
    // the previous paper's card goes now, not once the store has answered about this one.
    if (card && card.page.id !== page.id) removeCard();
    const result = await lookup(page);
    if (pageUrl() !== url.href) {
      rerun = true;
      return;
    }
    removeCard();
    if (!enabled()) return; // switched off while the store answered
    const model = cardModel(page, result, site);
    const mounted: MountedCard = { ...createShadowHost('card', cardCss, 'PaperLens summary card'), url: url.href, page, model, mayPutBack: putBackAllowance(CARD_PUT_BACKS) };
    applyScheme(mounted.host, schemeFor(settings.theme, document));
    draw(mounted, model);
    place(mounted.host, site.cardAnchor(document) ?? anchor);
    card = mounted;
    authorsWait = page.authors.length === 0 ? { since: Date.now(), stale: previous?.authors ?? [] } : null;
    checkAuthorsSoon(); // they may have come while the store answered
    if (authorsWait) ctx.setTimeout(fillAuthors, AUTHORS_WAIT_MS); // and a last look once the wait is over
    if (changedBeforeCard) {
      changedBeforeCard = false;
      void refreshStatus();
    }
    if (result.view && page.abstract !== '') void showRelated(mounted, result.view.id, result.view.inStore);
    // A paper of the store whose page titles it otherwise (arXiv retitled it) or names its authors:
    // its visit, recorded when the store was asked by id alone, gets the title and authors the
    // reader saw, which the popup's Recent list shows. Sent once the card shows (a message of its
    // own, not to delay it). Also for a title the store shares: the snapshot names no authors.
    // A retitled paper's answer comes once the store took the page's abstract: the card then shows
    // what that abstract says.
    if (result.view?.inStore && (page.title !== result.view.title || page.authors.length > 0)) void lookupOne(siteKey, page.id, page).then((fresh) => showNewSummary(mounted, fresh));
    // Saved from a link or a PDF tab, the item may lack what this page says: fill it in.
    completeIfSaved(mounted);
  };

  /** Whether the page is arXiv's page of a paper the store titles otherwise (TeX aside): the store may take its title. */
  const retitledOnPage = (view: PaperView, page: PagePaper): boolean =>
    arxivPaperPage(pageUrl()) && normalizeTitle(page.title) !== normalizeTitle(view.title);

  /** The card's paper summarized anew (from the page's abstract, arXiv retitled it): the card says so, its status kept. */
  const showNewSummary = (mounted: MountedCard, fresh: LookupResult) => {
    const view = fresh.view;
    const summaryOf = ({ tldr, keyResults, topics }: Pick<PaperView, 'tldr' | 'keyResults' | 'topics'>) => JSON.stringify([tldr, keyResults, topics]);
    if (card !== mounted || !view?.inStore || summaryOf(view) === summaryOf(mounted.model)) return;
    // The related papers the card shows are the store's as it is now (showRelated), not the stored list again.
    const { status, related, relatedNote } = mounted.model;
    draw(mounted, { ...cardModel(mounted.page, fresh, site), status, related, relatedNote });
  };

  /** A saved paper's item gets what the card's page says of it (its item may lack it). */
  const completeIfSaved = ({ page, model }: MountedCard) => {
    if (model.status !== null && model.id) void sendRequest({ type: 'completeSaved', paper: savedPaper(page, model, model.id) }, true).catch(() => undefined);
  };

  const draw = (mounted: MountedCard, model: CardModel) => {
    mounted.model = model;
    // The status the card's own controls set becomes its model's, so that a change made elsewhere
    // is told from what the card shows (and the card draws it even when it is the first model's).
    const shows = (status: ReadingStatus | null) => {
      if (card === mounted && status !== mounted.model.status) draw(mounted, { ...mounted.model, status });
      return status;
    };
    render(<PaperCard model={model} actions={cardActions(mounted.page, model, shows)} collapsed={settings.cardCollapsed} />, mounted.container);
  };

  // The card showed before the page named its authors: once it does, Save and Copy BibTeX use
  // them, and the visit (Recent) and a saved item get them.
  const fillAuthors = () => {
    authorsCheck = false;
    const mounted = card;
    const wait = authorsWait;
    if (!mounted || !wait) return;
    // The wait over, a list still equal to the previous paper's is this one's too (two papers of
    // the same authors, one after the other).
    const waited = Date.now() - wait.since >= AUTHORS_WAIT_MS;
    const fresh = site.extract(document, new URL(pageUrl()));
    if (!fresh || fresh.id !== mounted.page.id || fresh.authors.length === 0 || (!waited && equalLists(fresh.authors, wait.stale))) {
      if (waited) authorsWait = null;
      return;
    }
    authorsWait = null;
    mounted.page = { ...mounted.page, authors: fresh.authors };
    draw(mounted, mounted.model);
    void lookupOne(siteKey, mounted.page.id, mounted.page);
    completeIfSaved(mounted);
  };

  const checkAuthorsSoon = () => {
    if (!authorsWait || authorsCheck) return;
    authorsCheck = true;
    ctx.setTimeout(fillAuthors, 100);
  };

  // A paper the store does not hold is compared with every paper it does, which can take a while
  // in a large store: the card shows at once, and its related papers join it when they come. A
  // paper of the store shows the list it was given when it came, over the store as it was then, and
  // then the store's as it is now (QA: a bundled paper said "none like this" beside the feed's
  // papers on its subject, which listed it as theirs).
  const showRelated = async (mounted: MountedCard, id: string, stored: boolean) => {
    const { page } = mounted;
    const related = await sendRequest({ type: 'related', paper: { id, title: page.title, abstract: page.abstract } }, true).catch(() => null);
    if (card !== mounted) return;
    // No answer: the line goes rather than promise what will not come. A stored list stays when no
    // answer comes, when it is the same, or when the answer is none (review: a similarity that fell
    // under the floor as the store grew is no reason to take back papers listed as related).
    if (stored && (related === null || related.length === 0 || equalLists(related.map((link) => link.id), mounted.model.related.map((link) => link.id)))) return;
    draw(mounted, { ...mounted.model, related: related ?? [], relatedNote: related !== null && related.length === 0 ? NONE_RELATED : null });
  };

  // The store changed (a save in the popup, reading list or another tab; a feed refresh): show this
  // paper's status and rank now. Only the answer to the latest question counts.
  const askStatus = latestQuestion();
  const refreshStatus = async () => {
    const mounted = card;
    const id = mounted?.model.id;
    if (!mounted || !id) return;
    // Drawn while the store could not be asked ("the store is being upgraded"): it answers again,
    // and the whole card replaces this one.
    if (mounted.model.problem) {
      removeCard();
      return void sync();
    }
    const stillLatest = askStatus();
    let views: (PaperView | null)[];
    try {
      views = await sendRequest({ type: 'lookup', queries: [{ id }] }, true);
    } catch {
      return; // unknown now: the card keeps what it shows
    }
    // No view: a paper the store does not hold that is no longer saved.
    const view = views[0];
    const now: Pick<CardModel, 'status' | 'rank' | 'snapshot' | 'upvotes'> = { status: view?.status ?? null, rank: view?.rank ?? null, snapshot: view?.snapshot ?? null, upvotes: shownUpvotes(site, view?.upvotes ?? null) };
    const shown = mounted.model;
    if (card !== mounted || !stillLatest()) return;
    if ((Object.keys(now) as (keyof typeof now)[]).every((key) => now[key] === shown[key])) return;
    draw(mounted, { ...shown, ...now });
  };

  const sync = async () => {
    if (running) {
      rerun = true;
      return;
    }
    running = true;
    try {
      do {
        rerun = false;
        await syncOnce();
      } while (rerun && !ctx.isInvalid);
    } finally {
      running = false;
    }
  };

  const start = () => {
    void sync();
    const observer = new MutationObserver(() => {
      if (!card || !card.host.isConnected || card.url !== pageUrl()) void sync();
      else checkAuthorsSoon();
    });
    // Text changes too: a site may render the next paper into the same elements.
    observer.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
    const restyle = () => {
      if (card) applyScheme(card.host, schemeFor(settings.theme, document));
    };
    const stopScheme = watchPageScheme(document, restyle);
    const stopSettings = watchSettings((next) => {
      const collapsedChanged = next.cardCollapsed !== settings.cardCollapsed;
      settings = next;
      prefetch = null;
      if (!enabled()) removeCard();
      else void sync();
      restyle();
      if (collapsedChanged && card) draw(card, card.model); // an open card follows the option at once
    });
    ctx.onInvalidated(() => {
      observer.disconnect();
      stopScheme();
      stopSettings();
      removeCard();
    });
    noticeExtensionGone(ctx);
    // WXT announces every navigation before it commits, also one that leaves the page (kept as it
    // is for Back, from the back/forward cache) or never commits (a download): look at the URL
    // once a client-side navigation has committed it, and at nothing else.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(() => void sync(), 0);
    });
  };

  if (document.readyState === 'loading') {
    ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}
