import { RequestSchema, type RequestType, type ValidRequest, type FeedRefreshState, type LookupQuery, type PaperView, type Reply, type ResponseMap, type SiteKey, type PagePaper, type RemovedItem, type SaveInput } from '../schema';
import type { PaperLensDatabase } from '../db/database';
import { addArxivCodeLinks, badgeInfo, citablePaper, completeSaved, fromOtherSite, knownTitle, saveInputFromPage, listSaved, lookupPapers, markSeen, relatedLinks, retitleManyFromArxiv, savePaper, setStatus, takeArxivPage } from '../db/papers';
import { readableSaved } from '../db/saved-rows';
import { keptCopies } from '../db/removed';
import { readArxivFillQueue } from '../db/feed';
import type { StoreHealth } from '../db/open';
import type { RelatedForPage } from '../db/papers';
import { handleReadingListRequest, isReadingListRequest } from './reading-list-handler';
import { errorMessage, RetryLaterError } from './error-message';
import { isRecord } from '../schema/is-record';
import { latexToText } from '../papers/latex';
import { arxivIdFromUrl, normalizeArxivId } from '../papers/ids';
import { arxivPaperPage, latestArxivAbsPage } from '../sites/arxiv-abs';
import { arxivListingPage } from '../sites/arxiv-listing';
import { citationEntry, isCitationStub, type Citable } from '../export/bibtex';
import { CITATION_STUB_ERROR, citationUnreachableError } from './citation-refusal';

export interface HandlerDeps {
  /** Resolves to the ready (opened and seeded) database, or rejects with why it is not. */
  ready: () => Promise<PaperLensDatabase>;
  health: () => Promise<StoreHealth>;
  now: () => number;
  /** Related papers in the store for a page's paper it does not hold. */
  relatedForPage: RelatedForPage;
  /** Answers `lookup` (e.g. from a cache); by default straight from the store. */
  lookup?: (queries: LookupQuery[]) => Promise<(PaperView | null)[]>;
  /** Whether to remember pages opened on this site: the "seen marks" setting and the site's switch. */
  seenEnabled: (site: SiteKey) => Promise<boolean>;
  /** Fetches the daily-papers feed now and answers with the refresh state after it. */
  refreshFeed: () => Promise<FeedRefreshState>;
  /**
   * Called after a request changed what cards and badges show: which papers are saved or their status
   * (the requests of CHANGES_SAVED), or what a paper's page brought (completeSaved; an arXiv page read:
   * the store paper's title, abstract and code links, a saved paper's details). Not after tag or note
   * edits (setTags, setNotes, addTags, removeTags): no card or badge shows either.
   */
  storeChanged?: () => void;
  /** Called after a paper was seen for the first time (only listings show it). */
  seenChanged?: () => void;
  /**
   * The paper's arXiv page, fetched: null when the user said no requests or arXiv has no page to read
   * for it; rejects, with why, when arXiv did not answer (offline, 503, 429: asking later may help).
   */
  arxivPage?: (id: string) => Promise<PagePaper | null>;
  /** Called with papers just saved or imported: those saved without their page's details get them from arXiv. */
  savedPapers?: (ids: string[]) => void;
  /** The address of the page that sent the request (none from the extension's own pages). */
  senderUrl?: string;
  /** Sent by a script in a web page (a card, badges, a PDF tab's title), not by the extension's own pages: see PAGE_REQUESTS. */
  fromPage?: boolean;
  /** The request came from a private (incognito) window: what is read there is not remembered as seen. */
  senderIncognito?: boolean;
}

// Requests after which pages showing saved statuses must look again.
const CHANGES_SAVED: ReadonlySet<RequestType> = new Set<RequestType>(['save', 'setStatus', 'setStatusMany', 'removeSaved', 'restoreSaved', 'undoRemoval', 'restoreRemoved', 'importApply', 'clearReadingData']);

/**
 * What a script in arXiv's or Hugging Face's pages asks for: a page's paper and its neighbours, its
 * Save, status and Undo. Not the reading list itself, its notes, an import or clearing it: a page the
 * extension does not control (a compromised renderer) gets no more than its own scripts use.
 */
const PAGE_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>(['lookup', 'badges', 'related', 'save', 'completeSaved', 'setStatus', 'removeSaved', 'undoRemoval', 'keptRemoved', 'citation', 'arxivPage', 'paperTitle']);

/** Whether a raw message asks for a change the open pages are told of (storeChanged), before it is validated. */
export function changesSaved(raw: unknown): boolean {
  return isRecord(raw) && (CHANGES_SAVED as ReadonlySet<unknown>).has(raw.type);
}

/** Whether a change's answer says it changed nothing (a bulk edit, an Undo or a removal with nothing to do): open pages need not look again. */
function changedNothing(result: unknown): boolean {
  return Array.isArray(result) ? result.length === 0 : isRecord(result) && result.changed === 0;
}

/** Validates a raw message and answers it. Never throws: a bad message gets an error reply. */
export async function handleMessage(raw: unknown, deps: HandlerDeps): Promise<Reply<ResponseMap[keyof ResponseMap]>> {
  // Asked before it is read: an import sent by a page is refused without reading it.
  if (deps.fromPage && isRecord(raw) && !(PAGE_REQUESTS as ReadonlySet<unknown>).has(raw.type)) {
    return { ok: false, error: `a page's script may not ask for ${JSON.stringify(String(raw.type).slice(0, 40))}` };
  }
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `malformed request: ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
  }
  const request = parsed.data;
  if (deps.fromPage && pageAsksForMany(request)) return { ok: false, error: "a page's script removes or puts back one paper at a time" };
  const reply = await answer(request, deps);
  if (reply.ok && CHANGES_SAVED.has(request.type) && !changedNothing(reply.result)) deps.storeChanged?.();
  if (reply.ok && request.type === 'save') deps.savedPapers?.([request.paper.id]);
  // The import queued (in its own write) those of its papers that want their page: ids and bare
  // entries, papers without a TL;DR, one titled otherwise than the store's paper. Handed on, they
  // are asked for now, not at the worker's next start.
  if (reply.ok && request.type === 'importApply') deps.savedPapers?.(await queuedAmong(deps, request.items.map((item) => item.id)));
  if (deps.fromPage && reply.ok && (request.type === 'removeSaved' || request.type === 'keptRemoved')) return { ok: true, result: withoutReadersWords(reply.result as RemovedItem[]) };
  return reply;
}

/** A card's or badge's removal, Undo and lost answer name one paper: more is not a page's to ask. */
function pageAsksForMany(request: ValidRequest): boolean {
  if (request.type === 'removeSaved' || request.type === 'keptRemoved') return request.ids.length > 1;
  return request.type === 'undoRemoval' && request.removals.length > 1;
}

/**
 * A removal told to a page: its Undo needs the paper's id, status and removal time, not the
 * reader's notes and tags, which the page's scripts (and a compromised page) would then hold.
 */
function withoutReadersWords(items: readonly RemovedItem[]): RemovedItem[] {
  return items.map((item) => ({ ...item, notes: '', tags: [] }));
}

/**
 * Those of `ids` in the stored queue of papers to complete from arXiv, in its order (none when it
 * cannot be read: the import is done, and the next worker start goes on with the queue).
 */
async function queuedAmong(deps: HandlerDeps, ids: readonly string[]): Promise<string[]> {
  const wanted = new Set(ids);
  const queue = await readArxivFillQueue(await deps.ready()).catch(() => null);
  return queue?.ids.filter((id) => wanted.has(id)) ?? [];
}

/**
 * The paper's arXiv page (null when it cannot be had or requests are off; rejects when arXiv did
 * not answer, see HandlerDeps.arxivPage). Its title is arXiv's current one: a paper of the store
 * takes it, and a saved one lacking the page's details gets them (a broken store does not stop the answer).
 */
async function fromArxiv(id: string, deps: HandlerDeps): Promise<PagePaper | null> {
  const page = deps.arxivPage ? await deps.arxivPage(id) : null;
  if (page) {
    await deps
      .ready()
      .then(async (db) => {
        const taken = await takeArxivPage(db, id, page, deps.now());
        // A paper saved bare (arXiv out of reach then) is completed now, not at the queue's next try (QA).
        const completed = (await db.saved.get(id)) !== undefined && (await completeSaved(db, saveInputFromPage(id, page))).changed > 0;
        if (taken || completed) deps.storeChanged?.();
      })
      .catch(() => undefined);
  }
  return page;
}

/**
 * A paper to cite from what the asking page and the store know, or, when neither names its authors
 * (a PDF tab, a paper of the bundled snapshot) or only another site's page does (Hugging Face may
 * name the first authors only), from its arXiv page.
 */
async function citableWithAuthors(db: PaperLensDatabase, paper: SaveInput, deps: HandlerDeps, arxivFailure: { reason: string | null }): Promise<Citable> {
  // Another site's authors are read last: the store's or the reading list's (which citablePaper would
  // give as they are), else arXiv's page's, else that site's.
  const otherSiteAuthors = fromOtherSite(paper.sourceUrl ?? null) && (paper.authors ?? []).length > 0;
  const citable = await citablePaper(db, otherSiteAuthors ? { ...paper, authors: [] } : paper);
  if (citable.authors.length > 0) return citable;
  const page = deps.arxivPage
    ? await fromArxiv(citable.id, deps).catch((failure: unknown) => {
        arxivFailure.reason = errorMessage(failure);
        return null;
      })
    : null;
  if (page) return citablePaper(db, saveInputFromPage(citable.id, page));
  return otherSiteAuthors ? citablePaper(db, paper) : citable;
}

/**
 * The title to name a PDF tab by: the store's or the reading list's, else its arXiv page's (when
 * such requests are allowed), else a reading list's title that is only a guess, else none.
 */
async function titleForTab(id: string, deps: HandlerDeps): Promise<string | null> {
  const titles = await deps
    .ready()
    .then((db) => knownTitle(db, id))
    .catch(() => ({ known: null, guess: null }));
  if (titles.known) return titles.known;
  const page = await fromArxiv(id, deps).catch(() => null);
  return page ? saveInputFromPage(id, page).title : titles.guess;
}

/**
 * The title a citation request only guessed (a PDF tab's own), or null. A tab's title is no guess
 * when the store or the reading list titles the paper so: PaperLens titled the PDF tab with it, and
 * the popup may ask before its own lookup has answered.
 */
async function guessedTitle(paper: { id: string; title: string; titleIsGuess?: boolean | undefined }, deps: HandlerDeps): Promise<string | null> {
  if (!paper.titleIsGuess) return null;
  const known = await deps
    .ready()
    .then((db) => knownTitle(db, paper.id))
    .then((titles) => titles.known, () => null);
  return known === paper.title ? null : paper.title;
}

async function answer(request: ValidRequest, deps: HandlerDeps): Promise<Reply<ResponseMap[keyof ResponseMap]>> {
  try {
    if (request.type === 'health') return { ok: true, result: await deps.health() };
    if (request.type === 'refreshFeed') return { ok: true, result: await deps.refreshFeed() };
    // arXiv not answering is an error reply, with why: a badge says so rather than "no abstract".
    if (request.type === 'arxivPage') return { ok: true, result: await fromArxiv(request.id, deps) };
    if (request.type === 'paperTitle') return { ok: true, result: await titleForTab(request.id, deps) };
    if (request.type === 'citation') {
      // The page's details, completed from the store; a broken store does not stop a citation.
      const arxivFailure: { reason: string | null } = { reason: null };
      const paper = await deps.ready().then((db) => citableWithAuthors(db, request.paper, deps, arxivFailure)).catch(() => request.paper);
      // Neither title nor authors known (arXiv unreachable, busy or not to be asked): refused rather
      // than a stub copied as if it were the entry; the clipboard keeps what it had, and pressing
      // again asks arXiv again (failures are not cached).
      if (isCitationStub(paper, await guessedTitle(request.paper, deps))) return { ok: false, error: arxivFailure.reason === null ? CITATION_STUB_ERROR : citationUnreachableError(arxivFailure.reason) };
      return { ok: true, result: citationEntry(paper) };
    }
    const db = await deps.ready();
    if (isReadingListRequest(request)) return { ok: true, result: await handleReadingListRequest(db, request, deps.now()) };
    switch (request.type) {
      case 'lookup': {
        const views = deps.lookup ? await deps.lookup(request.queries) : await lookupPapers(db, request.queries);
        if (request.seenOn && !deps.senderIncognito) {
          // Recorded after answering, and only where the user allows it.
          // With the title and authors the reader saw, for the popup's Recent list: a paper of the store too,
          // which its page may title otherwise (arXiv retitled it). A query by id alone names no title.
          const visits = views.flatMap((view, index) => {
            const query = request.queries[index];
            if (!view) {
              // A page showing no abstract, of a paper the store lacks: remembered by the title and authors it shows.
              const id = query?.id === undefined ? null : normalizeArxivId(query.id);
              return id !== null && query?.title ? [{ id, title: latexToText(query.title) || query.title, authors: query.authors }] : [];
            }
            const title = view.inStore ? query?.title && (latexToText(query.title) || query.title) : view.title;
            // The TL;DR its card gave a paper the store lacks, by which popup search finds it too.
            return [{ id: view.id, title, authors: query?.authors, ...(view.inStore ? {} : { tldr: view.tldr }) }];
          });
          void deps
            .seenEnabled(request.seenOn)
            .then((enabled) => (enabled && visits.length > 0 ? markSeen(db, visits, deps.now()) : 0))
            // A paper seen for the first time: open listings mark it without a reload.
            .then((newlySeen) => (newlySeen > 0 ? deps.seenChanged?.() : undefined))
            .catch(() => undefined);
        }
        // The latest version's arXiv page has arXiv's current title: a paper of the store it titles
        // otherwise was retitled, and its abstract often rewritten. (Not Hugging Face's, whose copy
        // of a title may be older than the store's; nor another version's page, as old as it.)
        // Asked from a tab out of sight too (no visit yet). The store takes them before the answer,
        // so the card shows the summary of the abstract on the page.
        // Another version's page (abs/IDv2, every HTML view) is arXiv's too: it retitles a paper only
        // Hugging Face titled (never retitled from arXiv), whose title is the one it was first listed by.
        // So does a listing's entry (its badge asks with the entries BadgeInfo.retitled marks), with the
        // abstract it shows only: its title alone would sit over the old version's TL;DR.
        // A paper page's code links beyond its abstract (arXiv's comments: "Code: https://github.com/…") too.
        const latest = latestArxivAbsPage(deps.senderUrl);
        const listing = arxivListingPage(deps.senderUrl);
        const paperPage = arxivPaperPage(deps.senderUrl);
        // Code links only for the page's own paper: not another one's the same lookup names.
        const pagePaperId = paperPage && deps.senderUrl !== undefined ? arxivIdFromUrl(deps.senderUrl) : null;
        if (latest || listing || paperPage) {
          // All of a listing's entries in one write (each on its own rewrote the search index).
          const pages = views.flatMap((view, index) => {
            const query = request.queries[index];
            return view?.inStore && query?.title && !(listing && !query.abstract) ? [{ id: view.id, title: query.title, abstract: query.abstract }] : [];
          });
          const retitled = pages.length === 0 ? [] : await retitleManyFromArxiv(db, pages, deps.now(), latest).catch(() => []);
          const pageQuery = pagePaperId === null ? undefined : request.queries[views.findIndex((view) => view?.inStore && view.id === pagePaperId)];
          const linked = pagePaperId !== null && pageQuery?.codeLinks ? await addArxivCodeLinks(db, pagePaperId, pageQuery.codeLinks).catch(() => false) : false;
          if (retitled.length > 0 || linked) return { ok: true, result: deps.lookup ? await deps.lookup(request.queries) : await lookupPapers(db, request.queries) };
        }
        return { ok: true, result: views };
      }
      case 'badges':
        return { ok: true, result: await badgeInfo(db, request.ids, request.titles) };
      case 'related':
        return { ok: true, result: await relatedLinks(db, deps.relatedForPage, request.paper) };
      case 'save':
        return { ok: true, result: await savePaper(db, request.paper, deps.now()) };
      case 'completeSaved': {
        const result = await completeSaved(db, request.paper);
        // Asked on every visit to a saved paper's page: other pages hear of it only when it changed something.
        if (result.changed > 0) deps.storeChanged?.();
        return { ok: true, result };
      }
      case 'setStatus':
        return { ok: true, result: await setStatus(db, request.id, request.status, deps.now()) };
      case 'listSaved':
        // The items the pages can read: a damaged row (which they leave out too) would make the whole answer unreadable.
        return { ok: true, result: readableSaved(await listSaved(db)).items };
      case 'keptRemoved':
        return { ok: true, result: await keptCopies(db, request.ids) };
      default:
        return request satisfies never;
    }
  } catch (error) {
    return error instanceof RetryLaterError ? { ok: false, error: error.message, retryAfterMs: error.retryAfterMs } : { ok: false, error: errorMessage(error) };
  }
}
