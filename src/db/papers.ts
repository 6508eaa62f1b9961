import { normalizeArxivId, normalizeTitle, placeholderTitle } from '../papers/ids';
import { latexToText } from '../papers/latex';
import { titlesSpelledAlike } from '../papers/title-versions';
import { summarize } from '../summarize';
import type { BadgeInfo, ChangeCount, LookupQuery, PagePaper, Paper, PaperView, ReadingStatus, RelatedLink, SaveInput, SavedItem, Seen, ValidSaveInput } from '../schema';
import { SaveInputSchema, SeenSchema, SummarySchema, Title, TrendingDayRowSchema } from '../schema';
import { readableRows } from './saved-rows';
import { feedSummary } from '../feed/merge';
import { findProjectPage, pageCodeLink, uniqueCodeLinks } from '../summarize/links';
import type { PaperLensDatabase } from './database';
import { storedSnapshotLabels } from './seed';
import { withoutTakenKeys, withStatus } from './reading-list';
import { takeRemoved } from './removed';
import { sameItem } from '../export/merge';
import { wantsCiteKey, type Citable } from '../export/bibtex';
import { titleKeyOf } from './title-key';
import { pageText } from '../sites/page-text';
import { pageDetails } from '../papers/page-details';
import { arxivListingPage } from '../sites/arxiv-listing';
import { MAX_AUTHOR_NAME, MAX_CODE_LINKS, MAX_TITLE, MAX_TLDR, SEEN_AUTHORS } from '../papers/bounds';
import type { ResultRow } from './search';
import { putPapers } from './bulk';
import { heldKeys, idSpans, rowsInSpans } from './id-spans';
import { lacksPageDetails, queueArxivFill } from './feed';
import { withCiteKeys, withGivenCiteKey } from './cite-keys';
import { keptLiveRanking, liveRanking, shownRank, type LiveRanking } from './ranking';

/** A view of a paper the store does not hold, summarized from the text its page shows. */
function pageView(id: string, title: string, abstract: string, saved: SavedItem | undefined): PaperView {
  const readableTitle = latexToText(title);
  return {
    id,
    title: readableTitle || saved?.title || id,
    ...summarize(readableTitle, latexToText(abstract)),
    related: [],
    rank: null,
    snapshot: null,
    upvotes: null,
    projectPage: findProjectPage(abstract),
    status: saved?.status ?? null,
    inStore: false,
  };
}

/**
 * A stored paper's view as a page that titles it otherwise shows it: another version of the paper
 * (an arXiv page of an older or newer version, Hugging Face's copy), whose abstract may say other
 * things. The view summarizes that abstract, so the title and TL;DR a card shows agree; the store
 * keeps its own (only the latest version's page changes it: retitleFromArxiv). A page titling it as
 * the store does, or spelled otherwise, shows the store's view, whatever abstract it shows (the
 * title tells versions apart: a version's abstract edited under one title is not).
 */
function asOnPage(view: PaperView, paper: Paper, pageTitle: string, pageAbstract: string): PaperView {
  const title = latexToText(pageTitle) || pageTitle;
  // A title spelled otherwise ("…Candidate Length" for "…Lengths", as Hugging Face's weekly list
  // writes SpecDec++) is this version's, and its page's abstract often a shortened copy (QA: the
  // badge showed another TL;DR than every other page, and a save kept the store's).
  if (normalizeTitle(title) === paper.normTitle || titlesSpelledAlike(title, paper.title)) return view;
  const shown = summarize(title, latexToText(pageAbstract));
  return { ...view, tldr: shown.tldr, keyResults: shown.keyResults, topics: shown.topics, codeLinks: uniqueCodeLinks([...view.codeLinks, ...shown.codeLinks]).slice(0, MAX_CODE_LINKS) };
}

type TitleOf = (id: string) => string | undefined;

/** A paper's view without its related papers. */
export type ListedPaper = Omit<PaperView, 'related'>;

/** What a view needs beyond the paper: its related papers' titles and today's live ranking. */
interface ViewContext {
  titleOf: TitleOf;
  live: LiveRanking | null;
}

/** The paper's project page: the feed's, else one its abstract links to. */
function projectPageOf(paper: Paper): string | null {
  return paper.feed?.projectPage ?? findProjectPage(paper.abstract);
}

/** A stored paper as a list shows it: everything of its view but its related papers. */
function listedPaper(paper: Paper, saved: SavedItem | undefined, live: LiveRanking | null): ListedPaper {
  return {
    id: paper.id,
    title: paper.title,
    tldr: paper.summary.tldr,
    keyResults: paper.summary.keyResults,
    codeLinks: paper.summary.codeLinks,
    topics: paper.summary.topics,
    ...shownRank(paper.id, paper, live),
    upvotes: paper.feed?.upvotes ?? null,
    projectPage: projectPageOf(paper),
    status: saved?.status ?? null,
    inStore: true,
  };
}

function toView(paper: Paper | undefined, saved: SavedItem | undefined, { titleOf, live }: ViewContext): PaperView | null {
  if (paper) {
    return {
      ...listedPaper(paper, saved, live),
      related: paper.related.flatMap((id) => {
        const title = titleOf(id);
        return title ? [{ id, title }] : [];
      }),
    };
  }
  if (saved) {
    return {
      id: saved.id,
      title: saved.title,
      tldr: saved.tldr,
      keyResults: [],
      codeLinks: [],
      topics: [],
      related: [],
      rank: null,
      snapshot: null,
      upvotes: null,
      projectPage: null,
      status: saved.status,
      inStore: false,
    };
  }
  return null;
}

async function viewContext(db: PaperLensDatabase, papers: (Paper | undefined)[]): Promise<ViewContext> {
  const [titleOf, live] = await Promise.all([relatedTitles(db, papers), keptLiveRanking(db)]);
  return { titleOf, live };
}

/** Titles of the related papers of `papers`, read in one go. */
async function relatedTitles(db: PaperLensDatabase, papers: (Paper | undefined)[], extra: string[] = []): Promise<TitleOf> {
  const ids = [...new Set([...papers.flatMap((paper) => paper?.related ?? []), ...extra])];
  const titles = new Map<string, string>();
  for (const paper of await db.papers.bulkGet(ids)) if (paper) titles.set(paper.id, paper.title);
  return (id) => titles.get(id);
}

/** Related papers in the store for a paper it does not hold (from the text of its page). */
export type RelatedForPage = (page: { id: string; title: string; abstract: string }) => Promise<string[]>;

/**
 * Answers a batch of queries in one read transaction: each by id, or by normalized title when it
 * has no id. A query the store
 * cannot answer but that carries its page's abstract gets a summary computed from it (its related
 * papers are a separate question, `relatedLinks`: they can take a while). One answer per query.
 */
export async function lookupPapers(db: PaperLensDatabase, queries: LookupQuery[]): Promise<(PaperView | null)[]> {
  return db.transaction('r', db.paperBlocks, db.saved, db.trendingDays, async () => {
    const ids = queries.map((query) => (query.id === undefined ? null : normalizeArxivId(query.id)));
    const wantedIds = [...new Set(ids.filter((id): id is string => id !== null))];
    const byId = new Map<string, Paper>();
    for (const paper of await db.papers.bulkGet(wantedIds)) if (paper) byId.set(paper.id, paper);

    // By title only when the query names no paper by id: a page's own id that the store lacks is
    // another paper, even one with the same title (arXiv holds many; a journal version resubmitted).
    const titles = queries.map((query, index) => (ids[index] === null && query.title ? normalizeTitle(query.title) : null));
    const wantedTitles = [...new Set(titles.filter((title): title is string => !!title))];
    const byTitle = new Map<string, Paper>();
    if (wantedTitles.length > 0) {
      const wanted = new Set(wantedTitles);
      // Keys are hashes: keep the candidates whose title is the one asked for.
      for (const paper of await db.papers.withTitleKeys(wantedTitles.map(titleKeyOf))) {
        if (wanted.has(paper.normTitle)) byTitle.set(paper.normTitle, paper);
      }
    }

    const papers = queries.map((_, index) => {
      const id = ids[index];
      const title = titles[index];
      return (id ? byId.get(id) : undefined) ?? (title ? byTitle.get(title) : undefined);
    });
    const savedIds = [...new Set([...wantedIds, ...papers.flatMap((paper) => (paper ? [paper.id] : []))])];
    // Independent reads, issued together: a card's lookup is on the page's critical path.
    const [savedItems, context] = await Promise.all([db.saved.bulkGet(savedIds), viewContext(db, papers)]);
    const saved = new Map<string, SavedItem>();
    for (const item of savedItems) if (item) saved.set(item.id, item);

    return papers.map((paper, index) => {
      const id = paper?.id ?? ids[index];
      const savedItem = id ? saved.get(id) : undefined;
      const query = queries[index]!;
      if (!paper && id && query.abstract) return pageView(id, query.title ?? '', query.abstract, savedItem);
      const view = toView(paper, savedItem, context);
      return view && paper && query.title && query.abstract ? asOnPage(view, paper, query.title, query.abstract) : view;
    });
  });
}

/** Links to the papers of the store most like a page's paper (one the store holds: over the store as it is now, not as it was when the paper came). */
export async function relatedLinks(db: PaperLensDatabase, relatedForPage: RelatedForPage, page: { id: string; title: string; abstract: string }): Promise<RelatedLink[]> {
  const ids = await relatedForPage({ ...page, abstract: latexToText(page.abstract) });
  const titleOf = await relatedTitles(db, [], ids);
  return ids.flatMap((id) => {
    const title = titleOf(id);
    return title ? [{ id, title }] : [];
  });
}

/** A trending list as the popup shows it: a live day from the feed, or the bundled snapshot. */
export interface TrendingList {
  source: 'live' | 'bundled';
  /** The live list's day (YYYY-MM-DD), or null for the snapshot. */
  day: string | null;
  /** The snapshot's label ("2025-07-30") or the live day. */
  label: string;
  /** When the live day's list was fetched (ms); null for the snapshot. */
  fetchedAt: number | null;
  /** Every day with a live list, newest first (for the day picker). */
  days: string[];
  /** Without their related papers: a row does not show them, and their titles are spread over the whole store. */
  papers: ListedPaper[];
}

/**
 * The trending list for `day` (a day fetched from the feed); by default the latest live day; the
 * bundled snapshot's papers in rank order (newest snapshot first) for `null` or when there is no
 * live day.
 */
export async function trendingList(db: PaperLensDatabase, day?: string | null): Promise<TrendingList> {
  return db.transaction('r', db.paperBlocks, db.saved, db.meta, db.trendingDays, async () => {
    const days = (await db.trendingDays.orderBy('day').reverse().primaryKeys()) as string[];
    const chosen = day === null ? undefined : day !== undefined && days.includes(day) ? day : days[0];
    // A day's row the schema refuses (damaged) is shown as no live day: the snapshot's list.
    const read = chosen === undefined ? null : TrendingDayRowSchema.safeParse(await db.trendingDays.get(chosen));
    if (chosen !== undefined && read?.success) {
      const list = read.data;
      const papers = (await db.papers.bulkGet(list.ids)).filter((paper) => paper !== undefined);
      const saved = await db.saved.bulkGet(papers.map((paper) => paper.id));
      const live = liveRanking([list]);
      return { source: 'live', day: chosen, label: chosen, fetchedAt: list.fetchedAt, days, papers: papers.map((paper, index) => listedPaper(paper, saved[index], live)) };
    }
    const order = await storedSnapshotLabels(db);
    const ranked = await db.papers.ranked();
    const snapshotIndex = (paper: Paper) => {
      const index = paper.snapshot === null ? -1 : order.indexOf(paper.snapshot);
      return index < 0 ? order.length : index;
    };
    ranked.sort((a, b) => snapshotIndex(a) - snapshotIndex(b) || (a.rank ?? 0) - (b.rank ?? 0));
    const saved = await db.saved.bulkGet(ranked.map((paper) => paper.id));
    return { source: 'bundled', day: null, label: order[0] ?? '', fetchedAt: null, days, papers: ranked.map((paper, index) => listedPaper(paper, saved[index], null)) };
  });
}

const PAGE_METADATA = ['published', 'primaryCategory', 'doi', 'journalRef', 'pdfUrl'] as const;

/** The title the saving page shows (its current one, TeX made text); null when the save only guessed one (a placeholder, a tab's title). */
function pageTitle(paper: ValidSaveInput): string | null {
  return paper.titleIsGuess || paper.title === placeholderTitle(paper.id) ? null : latexToText(paper.title) || paper.title;
}

// arXiv's pages of a paper show its current version: its title and whole author list.
const ARXIV_PAGE = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|html)\//;
const ARXIV_PDF = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/pdf\//;

/** Whether a page other than arXiv's gave it (a Hugging Face page keeps the title a paper had when it was listed there). */
export function fromOtherSite(sourceUrl: string | null): boolean {
  return sourceUrl !== null && !ARXIV_PAGE.test(sourceUrl) && !ARXIV_PDF.test(sourceUrl);
}

/**
 * The title a save gives its paper: the page's, else the store's, else the guess. The store's wins
 * over another site's page once arXiv's page gave it (arXiv retitled the paper since).
 */
function savedTitle(paper: ValidSaveInput, known: Paper | undefined): string {
  if (known?.retitledAt !== undefined && fromOtherSite(paper.sourceUrl)) return known.title;
  return pageTitle(paper) ?? known?.title ?? paper.title;
}

/**
 * The TL;DR a save gives an item titled `title`: the store's, else the page's. Saved from an arXiv
 * listing under a title the store would take (arXiv retitled the paper), the store's is the older
 * version's: the page's rather than that one, else none; the item then wants its arXiv page
 * (wantsArxivPage), which gives the store and the item the current title and abstract together.
 * A title spelled as the store's is ("Length" for "Lengths") keeps the store's TL;DR.
 */
function savedTldr(paper: ValidSaveInput, title: string, known: Paper | undefined): string {
  const older = known !== undefined && arxivListingPage(paper.sourceUrl ?? undefined) && retitles(known, normalizeTitle(title), '', false) && !titlesSpelledAlike(title, known.title);
  if (!older) return known?.summary.tldr || paper.tldr;
  return paper.tldr === known.summary.tldr ? '' : paper.tldr;
}

/** Whether the item was saved from a tab showing the paper's PDF (its title then came from the PDF). */
function savedFromPdf(item: SavedItem): boolean {
  return item.sourceUrl !== null && ARXIV_PDF.test(item.sourceUrl);
}

/** Whether `more` names every author of `fewer` and others too (arXiv's whole list, where another site showed its first ones). */
function namesMoreAuthors(more: readonly string[], fewer: readonly string[]): boolean {
  const names = new Set(more.map((name) => normalizeTitle(name)));
  return more.length > fewer.length && fewer.every((name) => names.has(normalizeTitle(name)));
}

/**
 * A saved item with what it lacks filled in from another save of its paper; nothing it has is
 * replaced, but a title a PDF tab, a list of links or another site gave it (by its arXiv page's),
 * and another site's first authors (by arXiv's whole list).
 */
function filledIn(existing: SavedItem, paper: ValidSaveInput, known: Paper | undefined): SavedItem {
  // No authors, date or page saved from: a list of links named it ("[ResNet](…)"), not a page.
  const titleFromNoPage = existing.authors.length === 0 && existing.published === null && existing.sourceUrl === null;
  const item = { ...existing };
  for (const key of PAGE_METADATA) item[key] ??= paper[key];
  const arxivPage = paper.sourceUrl !== null && ARXIV_PAGE.test(paper.sourceUrl);
  if (item.authors.length === 0 && paper.authors.length > 0) item.authors = paper.authors;
  else if (arxivPage && namesMoreAuthors(paper.authors, item.authors)) item.authors = paper.authors;
  // Saved where no page said its title (a link, a PDF tab): its page names it. A PDF tab's title
  // is the PDF's own at best, often a file name or "Microsoft Word - paper.docx": a page's replaces it.
  // Another site's title may be one arXiv replaced since: arXiv's page says the current one.
  if (item.title === placeholderTitle(item.id)) item.title = savedTitle(paper, known);
  else if (savedFromPdf(item) || titleFromNoPage || (arxivPage && fromOtherSite(item.sourceUrl))) item.title = pageTitle(paper) ?? item.title;
  if (item.tldr === '') item.tldr = savedTldr(paper, item.title, known);
  return item;
}

/**
 * Completes a saved item from its paper's page (sent by the card of a saved paper): a paper saved
 * from a link or a PDF tab, without its title, authors or dates, gets them when its page is opened.
 * Nothing the item has is replaced, and its last-updated time stays.
 */
export async function completeSaved(db: PaperLensDatabase, input: SaveInput): Promise<ChangeCount> {
  const paper = SaveInputSchema.parse(input);
  return db.transaction('rw', db.paperBlocks, db.saved, db.meta, async () => {
    const existing = await db.saved.get(paper.id);
    if (!existing) return { changed: 0 };
    const filled = filledIn(existing, paper, await db.papers.get(paper.id));
    if (sameItem(filled, existing)) return { changed: 0 };
    // Its details came: the paper gets the citation key it keeps from now on.
    const [item] = await withCiteKeys(db, [filled]);
    await db.saved.put(item!);
    return { changed: 1 };
  });
}


/**
 * The paper's title as the store or the reading list has it (`known`), else the reading list's
 * title when it is only a PDF's own (`guess`: a save that lacks the page's details). A
 * placeholder is neither: only the paper's page can say.
 */
export async function knownTitle(db: PaperLensDatabase, id: string): Promise<{ known: string | null; guess: string | null }> {
  return db.transaction('r', db.paperBlocks, db.saved, async () => {
    const [paper, item] = await Promise.all([db.papers.get(id), db.saved.get(id)]);
    const listed = item && item.title !== placeholderTitle(id) ? item : undefined;
    if (paper) return { known: paper.title, guess: null };
    if (!listed) return { known: null, guess: null };
    return lacksPageDetails(listed) ? { known: null, guess: listed.title } : { known: listed.title, guess: null };
  });
}

/**
 * Whether an arXiv page titling a paper `normTitle` (normalized) over `pageAbstract` changes the
 * store's paper. A page of a given version or a listing (`latest` false) changes only a paper arXiv
 * never retitled: once one did, an older page would take it back.
 */
function retitles(paper: Paper | undefined, normTitle: string, pageAbstract: string, latest: boolean): paper is Paper {
  return (
    paper !== undefined &&
    normTitle !== '' &&
    (latest || paper.retitledAt === undefined) &&
    (normTitle !== paper.normTitle ||
      (paper.retitledAt !== undefined && pageAbstract !== '' && pageAbstract !== paper.abstract) ||
      // A paper the feed listed without its abstract gets the page's, and a TL;DR from it (QA: saved
      // from Trending, it had one in the reading list and none in the popup's rows).
      (paper.abstract === '' && pageAbstract !== ''))
  );
}

/**
 * Gives a paper of the store the title and abstract its arXiv page shows (`page`, as the page has
 * them): arXiv retitled it since the snapshot or the feed took its title, and a new version's
 * abstract often says otherwise too, so its summary is made again from the page's; or the feed
 * gave it no abstract. The popup, its PDF tab's name, search, the card and a save then say what the
 * reading list says once the page was read. A paper retitled before whose abstract the page words
 * otherwise takes the page's too (an earlier build took only the title). A saved item under the
 * store's old title or TL;DR gets the new ones, its last-updated time kept (as completeSaved keeps
 * it). A title that only differs in case, spacing or punctuation is left. Answers whether it changed.
 */
export async function retitleFromArxiv(db: PaperLensDatabase, id: string, page: { title: string; abstract?: string }, now: number, latest = true): Promise<boolean> {
  return (await retitleManyFromArxiv(db, [{ id, ...page }], now, latest)).length > 0;
}

/**
 * retitleFromArxiv of many papers (a listing's entries), in one transaction and one write of the
 * search index: each paper on its own rewrote the whole index, so a listing naming a thousand
 * retitled papers kept the worker from answering anything for minutes (bench:year). Answers the ids
 * that changed.
 */
export async function retitleManyFromArxiv(db: PaperLensDatabase, pages: readonly { id: string; title: string; abstract?: string }[], now: number, latest = true): Promise<string[]> {
  // The last page of each paper, read as a stored title must be (no bidi controls, some visible character): a page's otherwise changes nothing.
  const byId = new Map<string, { title: string; normTitle: string; pageAbstract: string }>();
  for (const page of pages) {
    const readable = Title.safeParse(latexToText(page.title) || page.title);
    if (readable.success) byId.set(page.id, { title: readable.data, normTitle: normalizeTitle(readable.data), pageAbstract: latexToText(page.abstract ?? '') });
  }
  const changes = (paper: Paper | undefined): paper is Paper => {
    const page = paper && byId.get(paper.id);
    return page !== undefined && retitles(paper, page.normTitle, page.pageAbstract, latest);
  };
  // Most visits change nothing: asked before a read-write transaction is opened.
  const ids = (await db.papers.bulkGet([...byId.keys()])).filter(changes).map((paper) => paper.id);
  if (ids.length === 0) return [];
  return db.transaction('rw', db.paperBlocks, db.searchIndex, db.saved, async () => {
    const before = (await db.papers.bulkGet(ids)).filter(changes);
    const after = before.map((paper) => {
      const { title, normTitle, pageAbstract } = byId.get(paper.id)!;
      // A page without an abstract (none sent) keeps the store's.
      const abstract = pageAbstract || paper.abstract;
      // The picker weighs sentences by the title too: made again even for the same abstract. The
      // links read before stay: arXiv's page shows an abstract's URLs as "this https URL".
      const summary = SummarySchema.parse(feedSummary(title, abstract, paper.feed?.githubRepo ?? null, paper));
      const retitledAt = normTitle === paper.normTitle && paper.retitledAt !== undefined ? paper.retitledAt : now;
      return { ...paper, title, normTitle, abstract, summary, retitledAt };
    });
    if (after.length === 0) return [];
    await putPapers(db, after, now);
    // A saved item under the store's old title or TL;DR gets the new ones.
    const items = await db.saved.bulkGet(after.map((paper) => paper.id));
    const renamed = items.flatMap((item, index) => {
      const [old, paper] = [before[index]!, after[index]!];
      if (!item || (item.title !== old.title && item.tldr !== old.summary.tldr)) return [];
      return [{ ...item, title: item.title === old.title ? paper.title : item.title, tldr: item.tldr === old.summary.tldr ? paper.summary.tldr : item.tldr }];
    });
    await db.saved.bulkPut(renamed);
    return after.map((paper) => paper.id);
  });
}

/**
 * Gives a paper of the store the code links its arXiv page shows beyond its abstract (its comments:
 * "Code: https://github.com/…"), so that its card on Hugging Face and its badges show them too, not
 * only the card on that page. Answers whether it changed.
 */
export async function addArxivCodeLinks(db: PaperLensDatabase, id: string, pageLinks: readonly string[]): Promise<boolean> {
  // Code hosts' links only, as a page's card shows them (a message could carry any http(s) link).
  const links = pageLinks.map(pageCodeLink).filter((link): link is string => link !== null);
  const withLinks = (paper: Paper | undefined): string[] | null => {
    if (!paper || links.length === 0) return null;
    const codeLinks = uniqueCodeLinks([...paper.summary.codeLinks, ...links]).slice(0, MAX_CODE_LINKS);
    return codeLinks.length > paper.summary.codeLinks.length ? codeLinks : null;
  };
  // Most visits add nothing: asked before a read-write transaction is opened.
  if (!withLinks(await db.papers.get(id))) return false;
  // Code links are not searched: the paper is written in place, its search index left as it is.
  return db.transaction('rw', db.paperBlocks, async () => {
    const paper = await db.papers.get(id);
    const codeLinks = withLinks(paper);
    if (!paper || !codeLinks) return false;
    await db.papers.bulkPut([{ ...paper, summary: { ...paper.summary, codeLinks } }]);
    return true;
  });
}

/**
 * What a paper of the store takes from its arXiv page read whole (for a PDF tab, or completing a
 * saved paper): arXiv's title and abstract (retitleFromArxiv) and its code links (addArxivCodeLinks).
 * Answers whether it changed.
 */
export async function takeArxivPage(db: PaperLensDatabase, id: string, page: PagePaper, now: number): Promise<boolean> {
  const retitled = await retitleFromArxiv(db, id, page, now);
  const linked = await addArxivCodeLinks(db, id, page.codeLinks);
  return retitled || linked;
}

/** The saved papers that lack what only their page says, in the order they were saved. */
export async function savedLackingDetails(db: PaperLensDatabase): Promise<string[]> {
  const items = await db.saved.filter(lacksPageDetails).toArray();
  return items.sort((a, b) => a.addedAt - b.addedAt).map((item) => item.id);
}

/** What a paper's own page says, as a save of it (the TL;DR its abstract gives). */
export function saveInputFromPage(id: string, page: PagePaper): SaveInput {
  const title = latexToText(page.title) || page.title;
  return { id, title, tldr: summarize(title, latexToText(page.abstract)).tldr, ...pageDetails(page) };
}

/** What a save of `paper` keeps: the saved item filled in from it, or a new item from it and the store's paper. */
function itemForSave(paper: ValidSaveInput, existing: SavedItem | undefined, known: Paper | undefined, now: number): SavedItem {
  if (existing) return filledIn(existing, paper, known);
  const title = savedTitle(paper, known);
  return {
    id: paper.id,
    title,
    authors: paper.authors.length > 0 ? paper.authors : (known?.authors ?? []),
    tldr: savedTldr(paper, title, known),
    status: 'to-read',
    tags: [],
    notes: '',
    addedAt: now,
    updatedAt: now,
    readAt: null,
    sourceUrl: paper.sourceUrl,
    published: paper.published,
    primaryCategory: paper.primaryCategory,
    doi: paper.doi,
    journalRef: paper.journalRef,
    pdfUrl: paper.pdfUrl,
  };
}

/**
 * The paper as a citation of it should read: what its arXiv page says (it shows the current
 * version), completed with what a save would keep (the reading list's item, the store's paper).
 * Another site's page (Hugging Face keeps the title a paper had when listed there, and may name
 * its first authors only) gives only what those lack: one cite key, one entry, from any tab.
 * A paper without a kept key is given one (withGivenCiteKey): the only write.
 */
export async function citablePaper(db: PaperLensDatabase, input: SaveInput): Promise<Citable> {
  const paper = SaveInputSchema.parse(input);
  const citable = await db.transaction('r', db.paperBlocks, db.saved, async () => {
    const kept = itemForSave(paper, await db.saved.get(paper.id), await db.papers.get(paper.id), 0);
    const otherSite = fromOtherSite(paper.sourceUrl);
    const citable: SavedItem = { ...kept, title: otherSite ? kept.title : (pageTitle(paper) ?? kept.title) };
    if (paper.authors.length > 0 && !(otherSite && kept.authors.length > 0)) citable.authors = paper.authors;
    for (const key of ['published', 'primaryCategory', 'doi', 'journalRef'] as const) if (paper[key] !== null && !(otherSite && citable[key] !== null)) citable[key] = paper[key];
    return citable;
  });
  if (!wantsCiteKey(citable)) return citable;
  // A store that cannot write (its disk full) still cites what it knows, by the key a save would give.
  return withGivenCiteKey(db, citable).catch(async () => (await db.transaction('r', db.saved, db.meta, () => withCiteKeys(db, [citable])))[0]!);
}

/**
 * Adds a paper to the reading list. Saving twice never duplicates: the first save's status, tags
 * and notes stay; metadata the item lacks is filled in from the new save. An item that wants its
 * arXiv page (wantsArxivPage) joins the stored queue that completes it in the same step.
 */
export async function savePaper(db: PaperLensDatabase, input: SaveInput, now: number): Promise<PaperView> {
  const paper = SaveInputSchema.parse(input);
  return db.transaction('rw', [db.paperBlocks, db.saved, db.removed, db.trendingDays, db.meta], async () => {
    const known = await db.papers.get(paper.id);
    const context = await viewContext(db, [known]);
    const listed = await db.saved.get(paper.id);
    // Saved again after its removal: back as if it had stayed (notes, tags, status, its key unless taken since).
    const removed = listed ? undefined : await takeRemoved(db, paper.id, now);
    const saving = removed ? await withoutTakenKeys(db, [{ ...filledIn(removed, paper, known), updatedAt: now }]) : [itemForSave(paper, listed, known, now)];
    const [item] = await withCiteKeys(db, saving);
    await db.saved.put(item!);
    await queueArxivFill(db, [item!]);
    return toView(known, item, context)!;
  });
}

/**
 * Compact answers for listing badges, from what each table holds in the listing's key ranges
 * (idSpans: at most a few keys a listed id, however many the store holds between its first and
 * last id; heldKeys and PaperStore.bulkGet read a store that holds few keys there in one go): the
 * seen marks' keys, the saved items of the listed ones, the blocks holding listed papers.
 * 3 × 2,000 point reads took ~250 ms; walking every stored id between the listing's first and
 * last took 225 ms in a store of 19,566 papers; stepping a few keys a listed id from the first,
 * then reading the rest one by one, 150 ms.
 */
export async function badgeInfo(db: PaperLensDatabase, rawIds: string[], titles?: readonly string[]): Promise<(BadgeInfo | null)[]> {
  const ids = rawIds.map(normalizeArxivId);
  // IndexedDB orders string keys by UTF-16 code units, as Array.prototype.sort does.
  const unique = [...new Set(ids.filter((id): id is string => id !== null))].sort();
  if (unique.length === 0) return ids.map(() => null);
  const spans = idSpans(unique);
  const wanted = new Set(unique);
  const listed = (keys: string[]) => [...new Set(keys.filter((key) => wanted.has(key)))].sort();
  return db.transaction('r', db.paperBlocks, db.saved, db.seen, db.trendingDays, async () => {
    // Seen keys not listed come along: answers are looked up by listed id.
    const [live, papers, saved, seenIds] = await Promise.all([
      keptLiveRanking(db),
      db.papers.bulkGet(unique),
      heldKeys(db.saved, spans).then((keys) => rowsInSpans(db.saved, idSpans(listed(keys)))),
      heldKeys(db.seen, spans),
    ]);
    const paperById = new Map(papers.flatMap((paper) => (paper ? [[paper.id, paper] as const] : [])));
    const statusById = new Map(saved.map((item) => [item.id, item.status] as const));
    const seen = new Set(seenIds);
    return ids.map((id, index) => {
      if (id === null) return null;
      const paper = paperById.get(id);
      const title = titles?.[index];
      return {
        id,
        ...shownRank(id, { rank: paper?.rank ?? null, snapshot: paper?.snapshot ?? null }, live),
        status: statusById.get(id) ?? null,
        seen: seen.has(id),
        codeLink: paper?.summary.codeLinks[0] ?? null,
        upvotes: paper?.feed?.upvotes ?? null,
        projectPage: paper ? projectPageOf(paper) : null,
        inStore: paper !== undefined,
        // An arXiv listing shows the current title, but not always the abstract: its page asks with it (lookup).
        ...(title !== undefined && retitles(paper, normalizeTitle(latexToText(title) || title), '', false) ? { retitled: true as const } : {}),
      };
    });
  });
}

/**
 * A page the user opened (an abstract page, an arXiv PDF): its paper, the title and authors it
 * showed (when known), and the TL;DR its card gave a paper the store does not hold.
 */
export type Visit = Omit<Seen, 'at'>;

/**
 * How many seen marks the store keeps: beyond it the oldest visits go (their listing mark and
 * Recent entry), so the table cannot grow without end. 5,000 is years of reading at a few papers a
 * day: a megabyte or two as papers are titled and summarised (a TL;DR is kept only of papers the
 * store did not hold when they were opened), 20 MB at the very most.
 */
export const MAX_SEEN = 5_000;

/** A visit's seen mark: its time now, its page's title, authors and TL;DR, or those it kept from before. */
function seenMark(visit: Visit, before: Seen | undefined, now: number): Seen {
  // A view names a paper it knows no title of by its id: that is no title to keep.
  const title = [visit.id, placeholderTitle(visit.id)].includes(visit.title ?? '') ? '' : pageText(visit.title, MAX_TITLE);
  const authors = (visit.authors ?? []).map((author) => pageText(author, MAX_AUTHOR_NAME)).filter(Boolean).slice(0, SEEN_AUTHORS);
  const tldr = pageText(visit.tldr, MAX_TLDR);
  const kept = { title: title || before?.title, authors: authors.length > 0 ? authors : before?.authors, tldr: tldr || before?.tldr };
  return { id: visit.id, at: now, ...(kept.title ? { title: kept.title } : {}), ...(kept.authors ? { authors: kept.authors } : {}), ...(kept.tldr ? { tldr: kept.tldr } : {}) };
}

/** Gives a seen mark the title its page was given later (a PDF tab PaperLens named), keeping its time; no mark, nothing. */
export async function nameSeen(db: PaperLensDatabase, visit: Visit): Promise<void> {
  await db.transaction('rw', db.seen, async () => {
    const before = await db.seen.get(visit.id);
    if (before) await db.seen.put(seenMark(visit, before, before.at));
  });
}

/** Remembers that the user opened these papers' pages (abstract pages, arXiv PDFs); answers how many had not been seen before. */
export async function markSeen(db: PaperLensDatabase, visits: Visit[], now: number): Promise<number> {
  return db.transaction('rw', db.seen, async () => {
    const before = await db.seen.bulkGet(visits.map((visit) => visit.id));
    await db.seen.bulkPut(visits.map((visit, index) => seenMark(visit, before[index], now)));
    const excess = (await db.seen.count()) - MAX_SEEN;
    if (excess > 0) await db.seen.bulkDelete(await db.seen.orderBy('at').limit(excess).primaryKeys());
    return before.filter((seen) => seen === undefined).length;
  });
}

/** A paper of the Recent list: as a popup row shows it, with when its page was last opened and its authors. */
export interface RecentPaper extends ResultRow {
  at: number;
  authors: string[];
}

/**
 * The `limit` papers whose pages were opened last, newest first (read through the `at` index).
 * Each under the title its page showed; a mark without one (from before version 8, or of a store
 * paper its page titled as the store does): the store's, else the reading list's, else the id.
 */
export async function recentlySeen(db: PaperLensDatabase, limit: number): Promise<RecentPaper[]> {
  return db.transaction('r', db.seen, db.paperBlocks, db.saved, async () => {
    const marks = readableRows(SeenSchema, await db.seen.orderBy('at').reverse().limit(limit).toArray());
    const ids = marks.map((mark) => mark.id);
    const [papers, saved] = await Promise.all([db.papers.bulkGet(ids), db.saved.bulkGet(ids)]);
    return marks.map((mark, index) => {
      const paper = papers[index];
      const item = saved[index];
      return {
        id: mark.id,
        at: mark.at,
        title: mark.title ?? paper?.title ?? item?.title ?? placeholderTitle(mark.id),
        // The snapshot names no authors: a saved paper's come from its reading-list item then.
        authors: (mark.authors ?? (paper?.authors.length ? paper.authors : item?.authors) ?? []).slice(0, SEEN_AUTHORS),
        tldr: paper?.summary.tldr ?? (item?.tldr || mark.tldr) ?? '',
        topics: paper?.summary.topics ?? [],
        // Where it ranks is Trending's business: here it is when the paper was read.
        rank: null,
        snapshot: null,
        status: item?.status ?? null,
      };
    });
  });
}

export async function setStatus(db: PaperLensDatabase, id: string, status: ReadingStatus, now: number): Promise<PaperView> {
  return db.transaction('rw', db.paperBlocks, db.saved, db.trendingDays, async () => {
    const item = await db.saved.get(id);
    if (!item) throw new Error(`${id} is not in the reading list`);
    const updated = withStatus(item, status, now);
    await db.saved.put(updated);
    const known = await db.papers.get(id);
    return toView(known, updated, await viewContext(db, [known]))!;
  });
}

/** The `limit` papers saved last, newest first, and how many the reading list holds. */
export async function recentlySaved(db: PaperLensDatabase, limit: number): Promise<{ items: SavedItem[]; total: number }> {
  return db.transaction('r', db.saved, async () => {
    const [items, total] = await Promise.all([db.saved.orderBy('addedAt').reverse().limit(limit).toArray(), db.saved.count()]);
    return { items, total };
  });
}

/** The reading list, newest first. */
export async function listSaved(db: PaperLensDatabase): Promise<SavedItem[]> {
  return db.saved.orderBy('addedAt').reverse().toArray();
}
