import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { PaperLensDatabase } from '../../db/database';
import { readableRows, readableSaved } from '../../db/saved-rows';
import { indexedTitle, loadSearchIndex, paperRow, rowContext, searchRows, snapshotOf, someWordsRows, type ResultRow, type RowContext, type SomeWordsRow } from '../../db/search';
import { idYearMonth, placeholderTitle } from '../../papers/ids';
import { SeenSchema, type SavedItem, type Seen } from '../../schema';
import { SearchIndex, unpackSnapshot } from '../../search/search-index';
import { byWordFit, filterItems, formsMatcher, prepareSearchWhenIdle, savedNames, savedTypoSearch, savedVocabularies, searchedArxivId, searchTerms, searchText, sortItems, wordFit } from '../reading-list/query';
import { hasTypo, typoSearch, type TypoSearch } from '../../search/typo-search';
import { errorMessage } from '../../messaging/error-message';
import { useLiveQuery } from '../live-query';
import { PaperRow } from './paper-row';

const RESULT_LIMIT = 20;
// A link, a host ("arxiv.org"), an e-mail or an arXiv id, whole or being typed ("2310.0").
const ADDRESS_LIKE = /[/@]|\d{4}\.\d|[a-z]\.[a-z]{2,}|^\s*(?:https?|www)\b/i;
// One word as typed, hyphenated or not ("HallE-Switch", "text-to-speech"): its parts are no words to list papers by some of.
const ONE_WORD = /^\s*\S+\s*$/;

const emptyIndex = (): SearchIndex => new SearchIndex(unpackSnapshot(snapshotOf([])));

interface Results {
  query: string;
  papers: ResultRow[];
  /**
   * No paper has every word of the query: the papers listed have some, and these are the words each
   * lacks (by paper id). Null when every paper listed has them all.
   */
  missing: Map<string, string[]> | null;
}

// Papers with some of the words are listed once typing has paused this long.
const SOME_WORDS_AFTER_MS = 250;

/**
 * Search over every paper in the store, as you type. The index is the persisted one the
 * background keeps up to date, with each paper's result row in it; it is loaded once `preload`
 * says so (the popup's first list has shown) or at the first keystroke, whichever comes first, and
 * reloaded when it changes, as are the reading statuses. A keystroke reads nothing from the store:
 * its results render in the same frame.
 */
export function useSearch(db: PaperLensDatabase, preload = false): { query: string; setQuery: (query: string) => void; results: Results | null; error: string | null } {
  const [query, setQuery] = useState('');
  const searching = query.trim() !== '';
  // On a year-old store the index is one row of millions of characters: read on open, it kept
  // Trending waiting. Once asked for, it stays loaded.
  const wanted = useRef(false);
  if (preload || searching) wanted.current = true;
  const load = wanted.current;
  const stored = useLiveQuery(() => (load ? loadSearchIndex(db) : Promise.resolve(undefined)), [load]);
  // No index yet (the store still being seeded, or seeding failed): saved and opened papers are still found.
  const index = useMemo(() => ({ value: stored.value === null ? emptyIndex() : stored.value, error: stored.error }), [stored.value, stored.error]);
  const context = useLiveQuery(() => (load ? rowContext(db) : Promise.resolve(undefined)), [load]);
  // The reading list (it can hold thousands of notes) is read with the index, and kept: read at the
  // first keystroke it took about a second with 5,000 saved papers, and again after each clearing,
  // which also rebuilt their typo index. Null until then.
  const saved = useLiveQuery(() => (load ? db.saved.toArray().then((rows) => readableSaved(rows).items) : Promise.resolve(null)), [load]);
  const savedNewestFirst = useMemo(() => (saved.value ? sortItems(saved.value, 'added') : null), [saved.value]);
  // So are the papers whose pages were opened (5,000 at most), newest first.
  const seen = useLiveQuery(() => (load ? db.seen.orderBy('at').reverse().toArray().then((rows) => readableRows(SeenSchema, rows)) : Promise.resolve(null)), [load]);
  const visited = useMemo(() => (seen.value && index.value ? visitedOutsideStore(seen.value, index.value) : null), [seen.value, index.value]);
  // The saved papers' search text is built while the popup is idle, as in the reading list (built at
  // once, 2,000 papers with long notes held the popup for seconds), then the typo indexes (about
  // 100 ms for 5,000 saved papers): not at the first keystroke. A keystroke before then builds what
  // it needs.
  useEffect(() => {
    if (!savedNewestFirst || !visited) return undefined;
    return prepareSearchWhenIdle(savedNewestFirst, () => {
      savedTypoSearch(savedNewestFirst);
      visitedTypoSearch(visited);
    });
  }, [savedNewestFirst, visited]);
  const answer = useMemo(() => {
    if (!searching || !index.value || !context.value || !savedNewestFirst || !visited) return { results: null, error: null };
    try {
      const rows = storeAndSavedRows(index.value, context.value, savedNewestFirst, query, RESULT_LIMIT, visited);
      return { results: { query, papers: rows.length > 0 ? rows : unknownPaper(query), missing: null }, error: null };
    } catch (failure) {
      return { results: null, error: errorMessage(failure) };
    }
  }, [query, index.value, context.value, savedNewestFirst, visited]);
  // "adam optimizer": an empty list tells the reader less than the papers with one of the words.
  // Not an address or an id being typed: papers whose abstracts say "arXiv" are not what it asks for.
  // Listed once typing pauses: as the words are typed, the keystroke shows that none has them all at
  // once (rendering 20 rows more at each one took the keystrokes' p95 over 16 ms at 100,000 papers).
  const [some, setSome] = useState<{ query: string; rows: SomeWordsRow[] } | null>(null);
  const wantsSome = answer.results?.papers.length === 0 && !ADDRESS_LIKE.test(query) && !ONE_WORD.test(query);
  useEffect(() => {
    if (!wantsSome || !index.value || !context.value || !savedNewestFirst || !visited) return undefined;
    const timer = setTimeout(() => {
      try {
        setSome({ query, rows: someWordsResults(index.value!, context.value!, savedNewestFirst, visited, query, RESULT_LIMIT) });
      } catch (failure) {
        // A suggestion beside an answer already shown: without it the reader sees that no paper matches.
        console.warn('PaperLens: papers with some of the words could not be listed', failure);
      }
    }, SOME_WORDS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [wantsSome, query, index.value, context.value, savedNewestFirst, visited]);
  const results = useMemo(
    () =>
      wantsSome && some?.query === query && some.rows.length > 0
        ? { query, papers: some.rows.map(({ row }) => row), missing: new Map(some.rows.map(({ row, missing }) => [row.id, missing])) }
        : answer.results,
    [wantsSome, some, query, answer.results],
  );
  return { query, setQuery, results, error: answer.error ?? index.error ?? context.error ?? saved.error ?? seen.error };
}

/** A paper whose page was opened, with the title and authors its page showed, and its searchable text. */
export interface VisitedPaper {
  id: string;
  title: string;
  authors: readonly string[];
  /** The TL;DR its card gave it, when the store does not hold it ('' else). */
  tldr: string;
  /** Title, authors, TL;DR and the year its id says it was submitted, folded for search. */
  text: string;
  /**
   * Its title folded for search when the index holds it under that title (null otherwise): the index
   * finds it by its title already, and by words of its title alone it is left there.
   */
  storeTitle: string | null;
}

/**
 * The seen marks (newest first) with the title their page showed: of papers the index does not hold
 * or lists under another title (arXiv retitled them), and of those it lists under that title with the
 * authors their page showed (the snapshot's papers have none in the store), found by those.
 */
export function visitedOutsideStore(seen: readonly Seen[], index: SearchIndex): VisitedPaper[] {
  return seen.flatMap(({ id, title, authors = [], tldr: cardTldr = '' }) => {
    if (!title) return [];
    const indexed = indexedTitle(index, id);
    const titled = indexed === title;
    // The card's TL;DR only of a paper the store does not hold (since): the store's is the one shown and searched.
    const tldr = indexed === null ? cardTldr : '';
    if (titled && authors.length === 0) return [];
    // Also found by the year its id says it was submitted, as saved papers are ("zhai 2023").
    const year = idYearMonth(id)?.year ?? '';
    return [{ id, title, authors, tldr, text: searchText(`${title}\n${authors.join('\n')}\n${tldr}\n${year}`), storeTitle: titled ? searchText(title) : null }];
  });
}

/**
 * Whether an opened paper holds every term (or another form of it, `forms`: formsMatcher of each, as
 * saved papers and the store's index find them: "large language models" finds "a large language
 * model"), in its title, authors or TL;DR, not all of them in the title the index finds it by. A
 * term is a word's start, as the index finds words: "gan" listed a paper that "organizes" first (QA).
 */
function visitedMatches(paper: VisitedPaper, terms: readonly string[], forms: readonly (((text: string) => boolean) | null)[]): boolean {
  const { storeTitle } = paper;
  const holds = (text: string, at: number) => wordFit(text, terms[at]!) > 0 || forms[at]?.(text) === true;
  return terms.every((_, at) => holds(paper.text, at)) && (storeTitle === null || !terms.every((_, at) => holds(storeTitle, at)));
}

/** Opened papers' title, authors and TL;DR, searched forgiving typos. */
function visitedTypoSearch(visited: readonly VisitedPaper[]): TypoSearch<VisitedPaper> {
  // One the index holds under its title is found with a typo in that title by the index.
  return typoSearch(visited, (paper) => ({ title: paper.storeTitle === null ? paper.title : '', authors: paper.authors, other: paper.tldr ? [paper.tldr] : [] }));
}

// Saved papers that match are listed first, this many at most, then as many papers opened (of the
// store's, those found by their page's authors): the store's ranking follows.
const SAVED_FIRST = 5;

function savedRow(item: SavedItem): ResultRow {
  return { id: item.id, title: item.title, tldr: item.tldr, topics: [], rank: null, snapshot: null, status: item.status };
}

// The reading list by id, built once per list (a new array when the list changes).
const savedByIds = new WeakMap<readonly SavedItem[], Map<string, SavedItem>>();

function savedById(savedNewestFirst: readonly SavedItem[]): Map<string, SavedItem> {
  let byId = savedByIds.get(savedNewestFirst);
  if (!byId) savedByIds.set(savedNewestFirst, (byId = new Map(savedNewestFirst.map((item) => [item.id, item]))));
  return byId;
}

function visitedRow(paper: VisitedPaper, index: SearchIndex, context: RowContext, savedNewestFirst: readonly SavedItem[]): ResultRow {
  // A paper of the store found by the title its page showed is listed under that title, as in Recent.
  const stored = paperRow(index, context, paper.id);
  if (stored) return { ...stored, title: paper.title };
  // Else with its reading-list item's TL;DR, else its card's, as Recent shows it.
  const tldr = savedById(savedNewestFirst).get(paper.id)?.tldr || paper.tldr;
  return { id: paper.id, title: paper.title, tldr, topics: [], rank: null, snapshot: null, status: context.statusOf.get(paper.id) ?? null };
}

/**
 * What popup search lists: for an arXiv id or URL (also in a copied reference: searchedArxivId), that
 * paper; else the reader's saved papers (`saved`, newest first) holding every word (in title, authors,
 * TL;DR, notes or tags; papers the store does not hold too), then papers whose pages were opened
 * (`visited`, newest first) holding every word in the title, authors or TL;DR their page showed (one the
 * store holds under that title, not in its title alone: the index ranks it there), each of the two
 * lists with those holding the words whole in title or authors first (byWordFit), then the store's
 * papers ranked by the index.
 */
export function storeAndSavedRows(index: SearchIndex, context: RowContext, savedNewestFirst: readonly SavedItem[], query: string, limit: number, visited: readonly VisitedPaper[] = []): ResultRow[] {
  const id = searchedArxivId(query);
  if (id) {
    const item = savedNewestFirst.find((candidate) => candidate.id === id);
    const opened = visited.find((candidate) => candidate.id === id);
    // A paper of the store its page titled otherwise is listed under that title, as when found by words.
    const stored = paperRow(index, context, id);
    const row = opened && (stored || !item) ? visitedRow(opened, index, context, savedNewestFirst) : (stored ?? (item ? savedRow(item) : null));
    return row ? [row] : [];
  }
  const terms = searchTerms(query);
  // Those holding the words as whole words in their title or authors first ("He" is an author, not "the").
  const exactSaved = byWordFit(filterItems(savedNewestFirst, { status: 'all', tag: null, text: query }), terms, savedNames);
  const forms = terms.map(formsMatcher);
  const exactOpened = terms.length === 0 ? [] : byWordFit(visited.filter((paper) => visitedMatches(paper, terms, forms)), terms, (paper) => paper.text);
  // A word no paper holds is forgiven a typo, as the store's index forgives it: the saved and opened
  // papers found so come after those found as typed.
  const typo = hasTypo(query, [() => index, ...savedVocabularies(savedNewestFirst), () => visitedTypoSearch(visited)]);
  // No more than a page of results is needed from either, whichever of them also match as typed.
  const savedMatches = typo ? [...new Set([...exactSaved, ...savedTypoSearch(savedNewestFirst).matches(query, limit + exactSaved.length)])] : exactSaved;
  const openedMatches = typo ? [...new Set([...exactOpened, ...visitedTypoSearch(visited).matches(query, limit + exactOpened.length)])] : exactOpened;
  const mine = savedMatches.slice(0, SAVED_FIRST).map((item) => paperRow(index, context, item.id) ?? savedRow(item));
  const listed = new Set(mine.map((row) => row.id));
  const opened = openedMatches.filter((paper) => !listed.has(paper.id));
  for (const paper of opened.slice(0, SAVED_FIRST)) {
    mine.push(visitedRow(paper, index, context, savedNewestFirst));
    listed.add(paper.id);
  }
  const rows = [...mine, ...searchRows(index, context, query, limit).filter((row) => !listed.has(row.id))];
  // The other saved and opened papers that match come where the store's ranking leaves room: one
  // the store does not hold is in no index, and would not be found at all.
  for (const id of rows.map((row) => row.id)) listed.add(id);
  const more = [
    ...savedMatches.slice(SAVED_FIRST).map((item) => ({ id: item.id, row: () => paperRow(index, context, item.id) ?? savedRow(item) })),
    ...opened.slice(SAVED_FIRST).map((paper) => ({ id: paper.id, row: () => visitedRow(paper, index, context, savedNewestFirst) })),
  ];
  for (const { id, row } of more) {
    if (rows.length >= limit) break;
    if (listed.has(id)) continue;
    rows.push(row());
    listed.add(id);
  }
  return rows.slice(0, limit);
}

/**
 * For words no paper has all of: the store's papers, and the saved and opened papers (those the store
 * does not hold too), with some of the words, those lacking fewer first, the reader's own first among
 * equals; each with the words it lacks.
 */
export function someWordsResults(index: SearchIndex, context: RowContext, savedNewestFirst: readonly SavedItem[], visited: readonly VisitedPaper[], query: string, limit: number): SomeWordsRow[] {
  const all = [
    ...savedTypoSearch(savedNewestFirst).withSomeWords(query, limit).map(({ entry, missing }) => ({ row: paperRow(index, context, entry.id) ?? savedRow(entry), missing })),
    ...visitedTypoSearch(visited).withSomeWords(query, limit).map(({ entry, missing }) => ({ row: visitedRow(entry, index, context, savedNewestFirst), missing })),
    ...someWordsRows(index, context, query, limit),
  ];
  const listed = new Set<string>();
  const once = all.filter(({ row }) => !listed.has(row.id) && Boolean(listed.add(row.id)));
  return once.sort((a, b) => a.missing.length - b.missing.length).slice(0, limit);
}

/**
 * An arXiv id or address of a paper PaperLens knows nothing of (pasted to save it): that paper, to
 * open or save by its id, which arXiv completes as any paper saved from a bare link. Else nothing.
 */
function unknownPaper(query: string): ResultRow[] {
  const id = searchedArxivId(query);
  return id ? [{ id, title: placeholderTitle(id), tldr: '', topics: [], rank: null, snapshot: null, status: null }] : [];
}

// How much of a query a "no match" line repeats.
const QUERY_ECHO = 80;

// A screen reader is told the count once typing pauses, not on every keystroke.
const ANNOUNCE_AFTER_MS = 400;

/**
 * What the search's live region says: "3 papers", "20 or more papers" (a full page of results),
 * "No papers match"; empty while not searching. Said again for a new query with the same count: the
 * region is emptied as the query changes, so the same words are news again.
 */
export function useResultsAnnouncement(results: Results | null, query: string): string {
  const count = query.trim() === '' || !results ? null : results.papers.length;
  const papers = count === null ? '' : count === 0 ? 'No papers match' : count === 1 ? '1 paper' : count >= RESULT_LIMIT ? `${count} or more papers` : `${count} papers`;
  const text = results?.missing && count ? `No paper has every word; ${papers} with some` : papers;
  const [said, setSaid] = useState('');
  useEffect(() => {
    setSaid('');
    if (text === '') return;
    const timer = setTimeout(() => setSaid(text), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text, results?.query]);
  return said;
}

const RESULTS_ID = 'search-results';

/** The results' title links, in order: where the arrow keys take the focus. */
function titleLinks(list: Element | null): HTMLElement[] {
  return list ? [...list.querySelectorAll<HTMLElement>(':scope > li a.title')] : [];
}

/**
 * The search box's keys: ArrowDown goes to the first result; Enter opens it, as a click on its title
 * does (not while an input method is composing: that Enter picks the CJK characters typed). An
 * Enter pressed before the first results are in (an address pasted and Enter at once: the reading
 * list is read at the first keystroke) opens the first of them once they are, unless the query
 * changed meanwhile.
 */
export function useSearchBoxKeys(results: Results | null, query: string): (event: KeyboardEvent) => void {
  const pendingEnter = useRef<string | null>(null);
  useEffect(() => {
    const wanted = pendingEnter.current;
    if (wanted === null || !results) return;
    pendingEnter.current = null;
    if (results.query === wanted) titleLinks(document.getElementById(RESULTS_ID))[0]?.click();
  }, [results]);
  return (event) => {
    if (event.isComposing) return;
    if (event.key === 'Enter' && !results && query.trim() !== '') {
      pendingEnter.current = query;
      event.preventDefault();
      return;
    }
    const first = titleLinks(document.getElementById(RESULTS_ID))[0];
    if (!first) return;
    if (event.key === 'ArrowDown') first.focus();
    else if (event.key === 'Enter') first.click();
    else return;
    event.preventDefault();
  };
}

/** ArrowDown / ArrowUp in a result: to the next / previous one's title; up from the first, back to the box. */
function moveAmongResults(event: KeyboardEvent & { currentTarget: Element }, searchBox: HTMLInputElement | null): void {
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  const from = event.target;
  // A status select's own arrow keys pick a status.
  if (step === 0 || !(from instanceof Element) || from.closest('select')) return;
  const links = titleLinks(event.currentTarget);
  const at = links.findIndex((link) => link.closest('li')!.contains(from));
  if (at < 0) return;
  event.preventDefault();
  const to = at + step;
  (to < 0 ? searchBox : links[Math.min(to, links.length - 1)])?.focus();
}

// The start of an arXiv id being typed ("2106.0968"), once its dot says it is no year: no paper's
// words match it, but the whole id will.
const ARXIV_ID_START = /^(?:(?:https?:\/\/)?(?:www\.)?arxiv\.org\/(?:abs|pdf)\/|arxiv:?\s*)?\d{4}\.\d{0,5}$/i;

export function SearchResults({ results, searchBox }: { results: Results; searchBox: RefObject<HTMLInputElement | null> }) {
  const echo = results.query.length > QUERY_ECHO ? `${results.query.slice(0, QUERY_ECHO)}…` : results.query;
  if (results.papers.length === 0) {
    return (
      <p class="empty" data-testid="search-results" data-query={results.query}>
        No paper in your store matches “{echo}”.
        {/* QA: an id typed key by key said so at every key. */}
        {ARXIV_ID_START.test(results.query.trim()) && ' An arXiv id finds its paper once it is whole (as 2106.09685).'}
      </p>
    );
  }
  const { missing } = results;
  const metaOf = (paper: ResultRow): string | undefined => {
    const lacks = missing?.get(paper.id);
    if (lacks && lacks.length > 0) return `Missing: ${lacks.join(', ')}`;
    return paper.title === placeholderTitle(paper.id) && paper.status === null ? 'Not in PaperLens yet: open it on arXiv, or save it by its id' : undefined;
  };
  return (
    <>
      {missing && (
        <p class="empty" data-testid="search-some-words">
          No paper has every word of “{echo}”. Papers with some of them:
        </p>
      )}
      <ol
        class="papers"
        id={RESULTS_ID}
        data-testid="search-results"
        data-query={results.query}
        aria-label={missing ? `Papers with some words of ${results.query}` : `Search results for ${results.query}`}
        onKeyDown={(event) => moveAmongResults(event, searchBox.current)}
      >
        {results.papers.map((paper) => (
          <PaperRow key={paper.id} paper={paper} testId="search-item" rankSource meta={metaOf(paper)} />
        ))}
      </ol>
    </>
  );
}
