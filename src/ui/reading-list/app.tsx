import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { PaperLensDatabase } from '../../db/database';
import { readableSaved } from '../../db/saved-rows';
import { sendRequest } from '../../messaging/client';
import { arxivAbsUrl, placeholderTitle } from '../../papers/ids';
import { useOneAtATime } from '../one-at-a-time';
import { MAX_TAGS, parseTagList, tagKey, uniqueTags, type EditResult, type ReadingStatus, type SavedItem } from '../../schema';
import { useLiveQuery } from '../live-query';
import { ArxivFillStatus, waitingAtOpen } from './arxiv-fill-status';
import { STATUS_LABELS, STATUS_ORDER } from '../status';
import { EXPORT_FORMATS, EXPORT_ORDER, exportItems, exportNote } from './export-files';
import { ImportPanel } from './import-panel';
import { joinLostEdits, LostEdits, type LostEdit, type UnsavedEdit } from './lost-edits';
import { RecentlyRemoved } from './recently-removed';
import { EMPTY_QUERY, prepareSearchWhenIdle, savedTypoSearch, searchedArxivId, searchList, sortItems, statusCounts, tagCounts, type ListQuery, type SortKey, type StatusFilter } from './query';
import { designedRowHeight, Row, tagsProblem } from './row';
import { useHeldRow } from './held-row';
import { useSettings } from '../use-settings';
import { useActionSelect } from './action-select';
import { editTouches, UndoBar, useUndoableEdits, type FocusElsewhere, type Undo } from './undo';
import { focusMovedFrom, focusWhenShown } from '../focus';
import { typingIn } from '../typing-in';
import { useStoreTexts } from './store-texts';
import { renderedIndexes, useRowHeight, useRowsStayPut, useScrollAnchor, useWindowRange } from './window-range';
import { errorMessage } from '../../messaging/error-message';
import { countOf, grouped } from '../count';

/** Marked once the first rows are on screen (for the benchmark: navigation start → list shown). */
export const READY_MARK = 'paperlens:reading-list-ready';

const SORT_LABELS: Record<SortKey, string> = { added: 'Newest added', oldest: 'Oldest added', updated: 'Last updated', title: 'Title' };
const SORT_KEYS: readonly SortKey[] = ['added', 'oldest', 'updated', 'title'];
const STATUS_FILTERS: readonly StatusFilter[] = ['all', ...STATUS_ORDER];

// The order picked last is the reader's way of reading the list: kept for the next visit (the
// filters are not: a list opened filtered would look emptied).
const SORT_MEMORY = 'paperlens:reading-list-sort';

function rememberedSort(): SortKey {
  const saved = localStorage.getItem(SORT_MEMORY);
  return SORT_KEYS.find((key) => key === saved) ?? EMPTY_QUERY.sort;
}

/** Enter on a button or link presses it: the row's own Enter (open the paper) is for the row. */
function pressable(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a[href], summary, [role="button"]') !== null;
}

/**
 * The search, filters and order. While the whole list is being read (`loading`: only the first
 * screen is in) it is there already, so the rows do not move down when it comes, but its filters
 * wait for the whole list's counts and tags; the search takes what is typed meanwhile.
 */
function Toolbar({ items, loading, query, setQuery, searchBox, letterKeys }: { items: SavedItem[]; loading: boolean; query: ListQuery; setQuery: (next: ListQuery) => void; searchBox: { current: HTMLInputElement | null }; letterKeys: boolean }) {
  const statuses = useMemo(() => statusCounts(items), [items]);
  const tags = useMemo(() => tagCounts(items), [items]);
  const counted = (label: string, count: number) => (loading ? label : `${label} (${grouped(count)})`);
  // The picked tag as the list spells it now: the first spelling seen can change (that paper
  // removed or retagged), and a value no option has would show a blank select while it filters.
  const pickedTag = query.tag === null ? null : (tags.find((entry) => tagKey(entry.tag) === tagKey(query.tag!))?.tag ?? null);
  const tagMissing = query.tag !== null && pickedTag === null;
  return (
    <div class="toolbar" role="search">
      <input
        ref={searchBox}
        type="search"
        dir="auto"
        class="search"
        data-testid="search"
        // The key first: a narrow window cuts the end.
        placeholder={`Search${letterKeys ? ' ( / )' : ''}: title, TL;DR, notes, tags, authors, arXiv id`}
        aria-label="Search the reading list"
        value={query.text}
        onInput={(event) => setQuery({ ...query, text: event.currentTarget.value })}
        onKeyDown={(event) => {
          // An Escape during an input method's composition cancels the composition only.
          if (event.key !== 'Escape' || event.isComposing) return;
          // As in the popup, Escape clears a search (the whole list back); in an empty box it leaves the box for j and k.
          if (event.currentTarget.value === '') event.currentTarget.blur();
          else {
            event.preventDefault();
            setQuery({ ...query, text: '' });
          }
        }}
      />
      <label class="control">
        <span>Status</span>
        <select data-testid="filter-status" disabled={loading} value={query.status} onChange={(event) => setQuery({ ...query, status: STATUS_FILTERS.find((value) => value === event.currentTarget.value) ?? 'all' })}>
          <option value="all">{counted('All', statuses.all)}</option>
          {STATUS_ORDER.map((status) => (
            <option key={status} value={status}>
              {counted(STATUS_LABELS[status], statuses[status])}
            </option>
          ))}
        </select>
      </label>
      <label class="control">
        <span>Tag</span>
        <select data-testid="filter-tag" disabled={loading} value={pickedTag ?? query.tag ?? ''} onChange={(event) => setQuery({ ...query, tag: event.currentTarget.value || null })}>
          <option value="">All tags</option>
          {tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {counted(tag, count)}
            </option>
          ))}
          {tagMissing && <option value={query.tag!}>{query.tag} (0)</option>}
        </select>
      </label>
      <label class="control">
        <span>Sort</span>
        <select
          data-testid="sort"
          disabled={loading}
          value={query.sort}
          onChange={(event) => {
            const sort = SORT_KEYS.find((key) => key === event.currentTarget.value) ?? EMPTY_QUERY.sort;
            localStorage.setItem(SORT_MEMORY, sort);
            setQuery({ ...query, sort });
          }}
        >
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/**
 * A bulk edit of the selected papers shown (the store changes those it finds not so already: the
 * page's copies may lag it): why it cannot be made; what to say; the request that makes it.
 */
interface BulkEdit {
  refused?: string | null;
  message: (changed: number) => string;
  edit: (ids: string[]) => Promise<EditResult>;
}

const quoted = (tags: readonly string[]) => tags.map((name) => `“${name}”`).join(', ');

/**
 * Edits of the selected papers that are shown (a paper the filters hide is left alone), each
 * offered for undo: the undo puts back what the edit changed.
 */
function BulkBar({
  selected,
  hidden,
  items,
  clear,
  remove,
  offerRevert,
  statusRef,
}: {
  selected: string[];
  hidden: number;
  items: SavedItem[];
  clear: () => void;
  remove: (ids: string[]) => Promise<void>;
  offerRevert: Undo['offerRevert'];
  /** Its first control, which the b key goes to. */
  statusRef: RefObject<HTMLSelectElement | null>;
}) {
  const [tag, setTag] = useState('');
  // One change at a time: on thousands of papers one takes a second or two, and a second press
  // meanwhile would start a second change (and a second Undo) over the first.
  const working = useOneAtATime();
  const statusChoice = useActionSelect((value) => {
    const status = STATUS_ORDER.find((candidate) => candidate === value);
    if (status) void setStatus(status);
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const chosen = useMemo(() => {
    const wanted = new Set(selected);
    return items.filter((item) => wanted.has(item.id));
  }, [selected, items]);
  // An edit's Undo takes back what it changed, where that did not change again since; later changes stay.
  const run = ({ refused, message, edit }: BulkEdit) => {
    if (working.running()) return;
    setProblem(null);
    setDone(null);
    if (refused) {
      setProblem(`Nothing was changed: ${refused}`);
      return;
    }
    if (chosen.length === 0) {
      setDone('Nothing to change');
      return;
    }
    return working.run(async () => {
      try {
        const result = await edit(chosen.map((item) => item.id));
        if (result.changed > 0) offerRevert(message(result.changed), result.changed, () => sendRequest({ type: 'restoreSaved', items: result.before, expected: result.after }), editTouches(result.before, result.after));
        else setDone('Nothing to change');
      } catch (failure) {
        setProblem(errorMessage(failure));
      }
    });
  };
  const removeSelected = () => {
    if (working.running()) return;
    setProblem(null);
    setDone(null);
    return working.run(() => remove(selected));
  };
  const setStatus = (status: ReadingStatus) =>
    run({
      message: (changed) => `${changed} set to ${STATUS_LABELS[status]}`,
      edit: (ids) => sendRequest({ type: 'setStatusMany', ids, status }),
    });
  // Every tag is checked against every paper first, as the store would check it, so that a tag
  // refused is named with its paper (the store refuses all of them too).
  const tooLong = (tags: string[]) => tags.map((one) => tagsProblem([one])).find((found) => found !== null) ?? null;
  const addRefused = (tags: string[]) => {
    const tagProblem = tooLong(tags);
    if (tagProblem) return tagProblem;
    for (const item of chosen) {
      const itemProblem = tagsProblem(uniqueTags([...item.tags, ...tags]));
      if (itemProblem) return `“${item.title}”: ${itemProblem}`;
    }
    return null;
  };
  // Tags typed as the rows' tag fields read them: "rl, robotics" is two tags, not one holding a comma.
  // All go in one request, so that its Undo puts back one state of each paper: with a request per
  // tag, a note written between two of them went with the Undo.
  const editTags = (tags: string[], type: 'addTags' | 'removeTags') =>
    run({
      // No paper holds more than MAX_TAGS, so no more are removed at once (the store refuses a longer list).
      refused: type === 'addTags' ? addRefused(tags) : tags.length > MAX_TAGS ? `a paper has at most ${MAX_TAGS} tags: name at most ${MAX_TAGS} to remove (${tags.length} named)` : tooLong(tags),
      message: (changed) => `${quoted(tags)} ${type === 'addTags' ? 'added to' : 'removed from'} ${changed}`,
      edit: (ids) => sendRequest({ type, ids, tags }),
    });
  // The selected papers' tags first (to remove), then the list's others (to add as spelled there,
  // not as a near-twin: "transformer" beside "transformers").
  const tagChoices = useMemo(() => {
    const mine = tagCounts(chosen);
    const listed = new Set(mine.map((entry) => tagKey(entry.tag)));
    return [...mine, ...tagCounts(items).filter((entry) => !listed.has(tagKey(entry.tag)))];
  }, [chosen, items]);
  const typedTags = parseTagList(tag, tagChoices.map((entry) => entry.tag));
  const count = selected.length;
  // While a change is under way its controls say so with aria-disabled (not disabled, which would
  // drop the focus of a reader who pressed one from the keyboard) and presses are ignored.
  const busy = working.busy;
  return (
    <div class="bulk-bar" data-testid="bulk-bar" role="region" aria-label="Selected papers">
      <strong data-testid="bulk-count">{count} selected</strong>
      {hidden > 0 && <span class="muted">({hidden} more hidden by the filters, left alone)</span>}
      <select
        ref={statusRef}
        data-testid="bulk-status"
        aria-label="Set the status of the selected papers"
        aria-disabled={busy}
        {...statusChoice}
      >
        <option value="">Set status…</option>
        {STATUS_ORDER.map((status: ReadingStatus) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </select>
      <input
        type="text"
        class="bulk-tag"
        data-testid="bulk-tag"
        list="bulk-tag-choices"
        placeholder="Tags"
        aria-label="Tags to add or remove, comma-separated"
        value={tag}
        onInput={(event) => setTag(event.currentTarget.value)}
        // Enter adds the tags typed, as a form's first button would (not the Enter that ends an input method's composition).
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.isComposing || typedTags.length === 0) return;
          event.preventDefault();
          void editTags(typedTags, 'addTags');
        }}
      />
      <datalist id="bulk-tag-choices">
        {tagChoices.map(({ tag: choice }) => (
          <option key={choice} value={choice} />
        ))}
      </datalist>
      <button
        type="button"
        data-testid="bulk-add-tag"
        disabled={typedTags.length === 0}
        aria-disabled={busy}
        onClick={() => void editTags(typedTags, 'addTags')}
      >
        Add tag
      </button>
      <button
        type="button"
        data-testid="bulk-remove-tag"
        disabled={typedTags.length === 0}
        aria-disabled={busy}
        onClick={() => void editTags(typedTags, 'removeTags')}
      >
        Remove tag
      </button>
      <button type="button" class="danger" data-testid="bulk-delete" aria-disabled={busy} onClick={() => void removeSelected()}>
        Delete {count}
      </button>
      <button type="button" data-testid="bulk-clear" onClick={clear}>
        Clear selection
      </button>
      {/* There before its text, so a screen reader says the text when it comes. */}
      <span class="muted" role="status" data-testid="bulk-status-text">
        {busy ? 'Working…' : done}
      </span>
      {problem && (
        <span class="error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

/** The export controls; while the whole list is being read (`loading`) they are there, without counts, and export nothing yet. */
function ExportBar({ all, shown, loading }: { all: SavedItem[]; shown: SavedItem[]; loading: boolean }) {
  const [scope, setScope] = useState<'all' | 'shown'>('all');
  const [last, setLast] = useState<string | null>(null);
  const items = scope === 'all' ? all : shown;
  return (
    <div class="export" role="group" aria-label="Export">
      <span>Export</span>
      <select data-testid="export-scope" aria-label="What to export" value={scope} onChange={(event) => setScope(event.currentTarget.value === 'shown' ? 'shown' : 'all')}>
        <option value="all">{loading ? 'all papers' : all.length === 1 ? 'the 1 paper' : `all ${countOf(all.length, 'paper')}`}</option>
        <option value="shown">{loading ? 'those shown' : `the ${grouped(shown.length)} shown`}</option>
      </select>
      <span>as</span>
      {EXPORT_ORDER.map((format) => (
        <button
          key={format}
          type="button"
          data-testid={`export-${format}`}
          disabled={loading || items.length === 0}
          onClick={() => {
            const { name, reimportProblem } = exportItems(items, format);
            const parts = reimportProblem && 'export the list in parts (filter it, then export the papers shown) to import it again';
            setLast([`Downloaded ${name} (${countOf(items.length, 'paper')}).`, parts && `Note: ${reimportProblem}; ${parts}.`, exportNote(items, format)].filter(Boolean).join(' '));
          }}
        >
          {EXPORT_FORMATS[format].label}
        </button>
      ))}
      {/* There before its text, so a screen reader says the first download too. */}
      <span class="muted" role="status">
        {last}
      </span>
    </div>
  );
}

/**
 * A search for an arXiv id or address the list does not hold (pasted to add the paper): saves it
 * by its id, completed from arXiv as a paper saved from a bare link is.
 */
function SaveById({ id, saved }: { id: string; saved: () => void }) {
  const saving = useOneAtATime();
  const [problem, setProblem] = useState<string | null>(null);
  const save = () =>
    saving.run(async () => {
      setProblem(null);
      try {
        await sendRequest({ type: 'save', paper: { id, title: placeholderTitle(id), tldr: '', sourceUrl: null } }, true);
        saved();
      } catch (failure) {
        setProblem(`Not saved: ${errorMessage(failure)}`);
      }
    });
  return (
    <p>
      <button type="button" class="primary" data-testid="save-by-id" aria-disabled={saving.busy} onClick={() => void save()}>
        Save arXiv {id} to the list
      </button>
      {problem && (
        <span class="error" role="alert">
          {' '}
          {problem}
        </span>
      )}
    </p>
  );
}

function Empty({ children, testId }: { children: preact.ComponentChildren; testId: string }) {
  return (
    <div class="state" data-testid={testId}>
      {children}
    </div>
  );
}

// A screen reader is told the count once typing pauses, not on every keystroke (as the popup's search).
const ANNOUNCE_AFTER_MS = 400;
// How long typing pauses before the search looks in the saved papers' abstracts too.
const STORE_SEARCH_PAUSE_MS = 250;

/** `text` once it has stayed the same for `pauseMs`. */
function useSettledText(text: string, pauseMs = ANNOUNCE_AFTER_MS): string {
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), pauseMs);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

/** Rows read first, in the order the page opens in, so it shows papers before the whole list is read. */
const FIRST_SCREEN = 40;

/** The first screen of a list in `sort` order, read from the store's index; none for an order it has no index for. */
async function readFirstScreen(db: PaperLensDatabase, sort: SortKey): Promise<SavedItem[]> {
  if (sort === 'title') return [];
  const byTime = db.saved.orderBy(sort === 'updated' ? 'updatedAt' : 'addedAt');
  return readableSaved(await (sort === 'oldest' ? byTime : byTime.reverse()).limit(FIRST_SCREEN).toArray()).items;
}

export function ReadingListApp({ db }: { db: PaperLensDatabase }) {
  // Reading 5,000 items takes ~100 ms; the first few take ~1 ms and fill the first screen first.
  const [firstScreen, setFirstScreen] = useState<SavedItem[] | null>(null);
  // Whether papers waited for arXiv when the page opened: their line's place is kept from the first
  // screen on, so the line coming once the whole list is read does not push the rows down.
  const [waitedAtOpen, setWaitedAtOpen] = useState(false);
  useEffect(() => {
    const waited = waitingAtOpen(db).catch(() => false);
    Promise.all([readFirstScreen(db, rememberedSort()), waited]).then(
      ([screen, waiting]) => {
        setWaitedAtOpen(waiting);
        setFirstScreen(screen);
      },
      () => setFirstScreen([]),
    );
  }, []);
  // The whole list is read once the first screen is in (reading both at once delays the first).
  const live = useLiveQuery(() => (firstScreen === null ? Promise.resolve(undefined) : db.saved.toArray().then(readableSaved)), [firstScreen === null]);
  const complete = live.value !== undefined;
  const items = live.value?.items ?? (firstScreen?.length ? firstScreen : undefined);
  const unreadable = live.value?.unreadable ?? 0;
  const [query, setQuery] = useState<ListQuery>(() => ({ ...EMPTY_QUERY, sort: rememberedSort() }));
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [cursorId, setCursorId] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const bulkStatus = useRef<HTMLSelectElement>(null);
  const selectAllBox = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const undo = useUndoableEdits();
  const [lostEdits, setLostEdits] = useState<readonly UnsavedEdit[]>([]);
  // Read when a row's edit fails, from a row that may hold an older render's callback.
  const listedNow = useRef(items);
  listedNow.current = items;
  const editLost = (lost: LostEdit) => {
    const removed = !(listedNow.current ?? []).some((item) => item.id === lost.item.id);
    setLostEdits((previous) => {
      const earlier = previous.find((other) => other.item.id === lost.item.id);
      return [...previous.filter((other) => other !== earlier), { ...joinLostEdits(earlier, lost), removed }];
    });
  };

  // The store's abstracts and topics of the saved papers, read once a search is typed (in a large
  // store, the blocks holding the saved papers are much to read for a page that may never search).
  const searched = useRef(false);
  if (query.text.trim() !== '') searched.current = true;
  const savedIds = useMemo(() => (complete && items ? items.map((item) => item.id) : null), [items]);
  const { texts: storeTexts, reading: readingStoreTexts } = useStoreTexts(db, savedIds, searched.current);
  // The papers only their abstract matches are added once typing pauses: looked for at each
  // keystroke, thousands of abstracts slowed typing (`npm run bench:year`).
  const typingPaused = useSettledText(query.text, STORE_SEARCH_PAUSE_MS) === query.text;
  const pausedStoreTexts = typingPaused ? storeTexts : undefined;
  const sorted = useMemo(() => (items ? sortItems(items, query.sort) : []), [items, query.sort]);
  const typedSearch = useMemo(() => searchList(sorted, items ?? [], query, pausedStoreTexts, storeTexts), [sorted, query.status, query.tag, query.text, pausedStoreTexts, storeTexts]);
  // But a keystroke the papers' own fields match none of has no rows to render: the abstracts are
  // looked in at once (the list had said "Looking in the abstracts…" for the pause, also when none
  // would match).
  const search = useMemo(
    () => (typedSearch.items.length === 0 && query.text.trim() !== '' && storeTexts !== undefined && pausedStoreTexts === undefined ? searchList(sorted, items ?? [], query, storeTexts) : typedSearch),
    [typedSearch, storeTexts],
  );
  // While the abstracts are read (at the first search), "No saved paper matches" would be said too soon.
  const storeSearchPending = query.text.trim() !== '' && readingStoreTexts;
  const filtered = search.items;
  // The row holding the focus keeps its place while the reader edits it (held-row.ts).
  const heldRows = useHeldRow(listRef, filtered, items, query.sort);
  const shown = heldRows.shown;
  // Rows are tall: 3 beyond each edge of the screen are 516 px of margin for a scroll that outruns
  // a frame, and every row rendered is work on each keystroke (at least 24 rows made first render
  // ~1.6× and keystroke p95 ~2× slower).
  const rowHeight = useRowHeight(listRef, designedRowHeight);
  const range = useWindowRange(listRef, shown.length, rowHeight, 3, 10);
  const heldIndex = heldRows.heldId === null ? -1 : shown.findIndex((item) => item.id === heldRows.heldId);
  useScrollAnchor(listRef, shown, rowHeight, () => stickyBottom(), JSON.stringify([query.text, query.status, query.tag, query.sort]));
  useRowsStayPut(listRef, items !== undefined && shown.length > 0);
  const cursor = cursorId === null ? -1 : shown.findIndex((item) => item.id === cursorId);
  // Where the cursor last was: when its paper goes (removed, filtered out), j and k go on from there.
  const lastCursor = useRef(-1);
  if (cursor >= 0) lastCursor.current = cursor;

  // A new search, filter or order is shown from its first paper: the window may be scrolled far
  // down the previous list, past the first matches.
  useEffect(() => {
    const list = listRef.current;
    if (list && list.getBoundingClientRect().top < stickyBottom()) scrollTo({ top: 0 });
  }, [query.text, query.status, query.tag, query.sort]);

  // Items removed elsewhere leave the selection.
  useEffect(() => {
    if (!items || selection.size === 0) return;
    const present = new Set(items.map((item) => item.id));
    if ([...selection].some((id) => !present.has(id))) setSelection(new Set([...selection].filter((id) => present.has(id))));
  }, [items]);

  // Search text and the typo index are built while idle, so the first keystroke is as fast as the rest;
  // a few papers at a time, as idle time allows (thousands of long notes held the page for seconds).
  useEffect(() => (items ? prepareSearchWhenIdle(items, () => savedTypoSearch(items)) : undefined), [items]);

  const marked = useRef(false);
  useEffect(() => {
    if (items && (complete || shown.length > 0) && !marked.current) {
      marked.current = true;
      performance.mark(READY_MARK);
    }
  }, [items]);

  // Where a Shift+click's range starts: the paper last selected or cleared.
  const selectAnchor = useRef<string | null>(null);
  const shownNow = useRef(shown);
  shownNow.current = shown;
  // From the latest selection and rows, not this render's: a row that skipped re-rendering keeps old
  // handlers. `range` (Shift+click): the papers shown from the one last selected or cleared to this
  // one are all selected, or all cleared, as this one is now (as in a mail client's list).
  const select = (id: string, on: boolean, range = false) => {
    const rows = shownNow.current;
    const from = range && selectAnchor.current !== null ? rows.findIndex((item) => item.id === selectAnchor.current) : -1;
    const to = from >= 0 ? rows.findIndex((item) => item.id === id) : -1;
    const ids = to >= 0 ? rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((item) => item.id) : [id];
    selectAnchor.current = id;
    setSelection((previous) => {
      const next = new Set(previous);
      for (const one of ids) {
        if (on) next.add(one);
        else next.delete(one);
      }
      return next;
    });
  };
  // The papers leave the selection when the store says they are gone (the effect above), so a
  // removal that fails keeps them selected for another try.
  const removeIds = (ids: string[]) => void undo.remove(ids);

  // In a short window the top is not sticky (style.css): scrolled away, it covers nothing.
  const stickyBottom = () => Math.max(0, document.querySelector<HTMLElement>('.sticky')?.getBoundingClientRect().bottom ?? 0);
  /** Scrolls what starts at `top` (in the window) out from under the sticky toolbar; false when it is not under it. */
  const revealBelowToolbar = (top: number): boolean => {
    const header = stickyBottom();
    if (top >= header) return false;
    scrollBy({ top: top - header - 8 });
    return true;
  };
  // In a short window the selection's and the Undo's bars are held at the window's foot (style.css): a row is seen above them.
  const footTop = () => {
    const offers = document.querySelector<HTMLElement>('.offers');
    if (!offers || getComputedStyle(offers).position !== 'fixed') return innerHeight;
    return Math.min(innerHeight, ...[...offers.querySelectorAll('.bulk-bar, .undo-bar')].map((bar) => bar.getBoundingClientRect().top));
  };
  // The browser scrolls a control the keyboard reaches just into the window, which leaves one
  // reached going up (Shift+Tab) under the sticky toolbar, as the Export and Import controls when
  // the selection's bar has grown it (QA), and one near a short window's foot under the bars held
  // there: it comes out from under them. Not one a press focuses (a button, a checkbox): the page
  // would move between the press's down and up, under the pointer (review).
  const revealFocused = (target: EventTarget | null) => {
    if (!(target instanceof Element) || !target.matches(':focus-visible') || target.closest('.sticky')) return;
    const box = target.getBoundingClientRect();
    if (revealBelowToolbar(box.top)) return;
    const foot = footTop();
    if (box.bottom > foot) scrollBy({ top: box.bottom - foot + 8 });
  };
  const scrollToRow = (index: number) => {
    const list = listRef.current;
    if (!list) return;
    const top = list.getBoundingClientRect().top + index * rowHeight;
    const foot = footTop();
    if (!revealBelowToolbar(top) && top + rowHeight > foot) scrollBy({ top: top + rowHeight - foot + 8 });
  };

  // j / k take the keyboard focus along to the row (its checkbox, named for the paper), so a screen
  // reader reads it; not to its title link, which a key still held could open. The row may render
  // a frame later (the list renders what is on screen): tried for a moment only.
  const focusTarget = useRef<{ id: string; until: number; from: Element | null } | null>(null);
  // A render to focus in: a j or k that leaves the cursor where it is (on the last or first paper)
  // changes nothing else, and the focus would stay where Escape left it, on the page.
  const [, renderToFocus] = useState(0);
  const focusRowSoon = (id: string, withinMs: number) => {
    focusTarget.current = { id, until: performance.now() + withinMs, from: document.activeElement };
    renderToFocus((count) => count + 1);
  };
  const moveCursor = (step: number) => {
    if (shown.length === 0) return;
    let index: number;
    if (cursor >= 0) index = cursor + step;
    // The cursor's paper is gone: the one after it has taken its place, j moves there and k before it.
    else if (lastCursor.current >= 0) index = step > 0 ? lastCursor.current : lastCursor.current - 1;
    else index = step > 0 ? 0 : shown.length - 1;
    index = Math.min(shown.length - 1, Math.max(0, index));
    setCursorId(shown[index]!.id);
    focusRowSoon(shown[index]!.id, 500);
    scrollToRow(index);
  };
  // When the Undo bar goes from under the focus: after an Undo, to the cursor's row or the row put
  // back (the store's answer may take a moment); else to the cursor's row, or the search box.
  const focusAfterUndoBar: FocusElsewhere = (left, undone) => {
    const id = cursorId ?? (undone ? left.removed?.[0]?.id : undefined);
    if (id !== undefined && (undone || cursor >= 0)) focusRowSoon(id, 2000);
    else searchBox.current?.focus();
  };
  useEffect(() => {
    const target = focusTarget.current;
    if (!target || performance.now() > target.until) return;
    // A control the reader focused meanwhile (Select all, the search) keeps the focus.
    if (focusMovedFrom(target.from)) {
      focusTarget.current = null;
      return;
    }
    const checkbox = listRef.current?.querySelector<HTMLElement>(`[data-arxiv-id="${CSS.escape(target.id)}"] [data-testid="select"]`);
    if (!checkbox) return;
    focusTarget.current = null;
    checkbox.focus({ preventScroll: true });
  });

  // Escape from the selected papers' actions (b): back to the cursor's paper, not 13 Tabs away at
  // the first row (QA); with no cursor, to the page, where j and k work.
  const backToCursor = () => {
    if (cursor >= 0) {
      focusRowSoon(shown[cursor]!.id, 500);
      scrollToRow(cursor);
    } else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  };

  // The one-letter keys, unless switched off in the options (speech input would press them: WCAG 2.1.4).
  const letterKeys = useSettings()?.readingListKeys !== false;
  // One listener for the page's life, reading this render's state (effects may run a frame late).
  const keys = useRef({ cursor, shown, selection, moveCursor, select, backToCursor, letterKeys });
  keys.current = { cursor, shown, selection, moveCursor, select, backToCursor, letterKeys };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const now = keys.current;
      if (event.key === 'Escape' && !event.isComposing && !event.defaultPrevented && event.target instanceof Element && event.target.closest('.bulk-bar')) {
        event.preventDefault();
        now.backToCursor();
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      const current = now.cursor >= 0 ? now.shown[now.cursor] : undefined;
      // With Caps Lock on, j reads "J" (without Shift).
      const key = event.key.length === 1 && !event.shiftKey ? event.key.toLowerCase() : event.key;
      if (key.length === 1 && !now.letterKeys) return;
      if (key === '/') {
        event.preventDefault();
        // The search box comes with the first rows: "/" may be pressed before them.
        focusWhenShown(() => searchBox.current, 2000, null);
      } else if (key === 'j') now.moveCursor(1);
      else if (key === 'k') now.moveCursor(-1);
      else if (key === 'x' && current) now.select(current.id, !now.selection.has(current.id));
      // To the selected papers' actions, over every row between (Shift+Tab from row 30 took 183 presses).
      else if (key === 'b' && bulkStatus.current) {
        event.preventDefault();
        bulkStatus.current.focus();
      }
      // Enter opens the cursor's paper from its row or the page itself, not from another control
      // (Select all, Import file…), whose own Enter it would take.
      else if (event.key === 'Enter' && current && !pressable(event.target) && (event.target === document.body || (event.target instanceof Node && listRef.current?.contains(event.target)))) {
        event.preventDefault();
        open(arxivAbsUrl(current.id), '_blank', 'noopener,noreferrer');
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const visibleIds = shown.map((item) => item.id);
  const selectedShown = visibleIds.filter((id) => selection.has(id));
  const allShownSelected = shown.length > 0 && visibleIds.every((id) => selection.has(id));
  const someShownSelected = !allShownSelected && visibleIds.some((id) => selection.has(id));
  const filtering = query.status !== 'all' || query.tag !== null || query.text.trim() !== '';
  // Papers only their abstract or topics matched are said to be: their rows may not show the words.
  const byAbstract = query.text.trim() !== '' && search.byStoreText > 0 ? ` (${grouped(search.byStoreText)} by abstract or topics)` : '';
  const countText = !complete ? (items ? 'Loading all papers…' : '') : filtering ? `${grouped(shown.length)} of ${countOf(items!.length, 'paper')}${byAbstract}` : countOf(items!.length, 'paper');
  const announcedCount = useSettledText(countText);

  let body: preact.ComponentChildren;
  if (live.error) {
    body = (
      <Empty testId="load-error">
        <h2>The reading list could not be read</h2>
        <p class="error" role="alert">{live.error}</p>
        <p>Reload the page to try again. Nothing was changed.</p>
      </Empty>
    );
  } else if (!items) {
    body = (
      <Empty testId="loading">
        <p aria-busy="true">Loading your reading list…</p>
      </Empty>
    );
  } else if (items.length === 0) {
    body = (
      <Empty testId="empty">
        <h2>Your reading list is empty</h2>
        <p>Save papers with the Save button on their arXiv or Hugging Face page, from the toolbar popup, or import a file above (a PaperLens backup, BibTeX, or a list of arXiv ids).</p>
      </Empty>
    );
  } else if (shown.length === 0 && storeSearchPending) {
    body = (
      <Empty testId="searching-abstracts">
        <p>Looking in the abstracts…</p>
      </Empty>
    );
  } else if (shown.length === 0) {
    // Of a paper not in the list at all.
    const searchedId = searchedArxivId(query.text);
    const savedId = searchedId !== null && items.some((item) => item.id === searchedId);
    const unsavedId = searchedId !== null && !savedId ? searchedId : null;
    body = (
      <Empty testId="no-matches">
        {/* A saved paper the status or tag filter hides is not "not saved". */}
        <p>{savedId ? `${searchedId} is in your list, hidden by the filters.` : `No saved paper matches ${query.text.trim() ? `“${query.text.trim()}”` : 'these filters'}.`}</p>
        {/* The button goes once the paper is listed: the focus goes to the search that shows it. */}
        {unsavedId && (
          <SaveById
            id={unsavedId}
            saved={() => {
              undo.listedAgain((item) => item.id === unsavedId);
              searchBox.current?.focus();
            }}
          />
        )}
        <button
          type="button"
          data-testid="clear-filters"
          onClick={() => {
            setQuery({ ...EMPTY_QUERY, sort: query.sort });
            // The button goes with the message: the focus goes to the search, not back to the page's start.
            searchBox.current?.focus();
          }}
        >
          Clear filters
        </button>
      </Empty>
    );
  } else {
    body = (
      <ol
        ref={listRef}
        class="items"
        data-testid="reading-list"
        data-query={query.text}
        data-count={shown.length}
        aria-busy={!complete}
        aria-label="Saved papers"
        style={{ height: `${shown.length * rowHeight}px` }}
        onFocusIn={heldRows.onFocusIn}
        onFocusOut={heldRows.onFocusOut}
      >
        {renderedIndexes(range, heldIndex).map((index) => {
          const item = shown[index]!;
          return (
            <Row
              key={item.id}
              item={item}
              index={index}
              setSize={shown.length}
              height={rowHeight}
              selected={selection.has(item.id)}
              current={item.id === cursorId}
              onSelect={select}
              onRemove={(id) => removeIds([id])}
              onFocusRow={setCursorId}
              onEditLost={editLost}
            />
          );
        })}
      </ol>
    );
  }

  return (
    // data-query: the search the rendered list is for (benchmarks time keystrokes by it).
    <main data-query={query.text} onFocusIn={(event) => revealFocused(event.target)}>
      <div class="sticky">
        <header class="top">
          <h1>
            <span class="brand">PaperLens</span> Reading list
          </h1>
          {/* Read to a screen reader from the status below, which says the same once typing pauses (accessibility QA: it was read twice). */}
          <p class="count" data-testid="count" aria-hidden="true">
            {countText}
          </p>
        </header>
        {/* Always there, so a screen reader announces the count when it comes. */}
        <p class="visually-hidden" role="status" data-testid="count-status">
          {announcedCount}
        </p>
        {items && items.length > 0 && <Toolbar items={items} loading={!complete} query={query} setQuery={setQuery} searchBox={searchBox} letterKeys={letterKeys} />}
        {items && shown.length > 0 && (
          <div class="select-row">
            <label>
              <input
                ref={selectAllBox}
                type="checkbox"
                data-testid="select-all"
                checked={allShownSelected}
                indeterminate={someShownSelected}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setSelection((previous) => {
                    const next = new Set(previous);
                    for (const id of visibleIds) {
                      if (on) next.add(id);
                      else next.delete(id);
                    }
                    return next;
                  });
                }}
              />{' '}
              Select all shown
            </label>
            <span class="keys muted">{letterKeys ? 'j / k move · x select · b selected · Enter open · / search' : 'Enter open'}</span>
          </div>
        )}
        {/* Held at the window's foot in a short window (style.css), where the rest of the top scrolls away. */}
        <div class="offers">
          {selectedShown.length > 0 && items && (
            <BulkBar
              statusRef={bulkStatus}
              selected={selectedShown}
              hidden={selection.size - selectedShown.length}
              items={items}
              clear={() => {
                setSelection(new Set());
                // The bar goes with its button: the focus goes to Select all, not to the page's start.
                selectAllBox.current?.focus();
              }}
              remove={(ids) => undo.remove(ids)}
              offerRevert={undo.offerRevert}
            />
          )}
          <UndoBar undo={undo} focusElsewhere={focusAfterUndoBar} />
        </div>
        {unreadable > 0 && (
          <p class="error" role="alert" data-testid="unreadable-saved">
            {unreadable === 1 ? 'One saved paper' : `${grouped(unreadable)} saved papers`} could not be read (stored by another version of PaperLens, or damaged): not shown, nor in
            exports; {unreadable === 1 ? 'it is' : 'they are'} kept in the store as {unreadable === 1 ? 'it is' : 'they are'}.
          </p>
        )}
        <LostEdits
          lost={lostEdits}
          listed={(id) => items?.some((item) => item.id === id) ?? false}
          done={(lost, focused) => {
            setLostEdits((previous) => previous.filter((other) => other !== lost));
            // The bar goes with its button: the focus goes to the search, not back to the page's start.
            if (focused) searchBox.current?.focus();
          }}
        />
      </div>
      <div class="files">
        {/* Headings a screen reader jumps between (the page had its h1 alone: accessibility QA); the controls say what they are to the eye. */}
        <h2 class="visually-hidden">Export and import</h2>
        {/* Counted once the whole list is read (the first screen alone would count some of the papers waiting); its place kept until then. */}
        {items && <ArxivFillStatus db={db} items={live.value?.items} waitedAtOpen={waitedAtOpen} />}
        {/* An empty list has nothing to export: no "all 0 papers" beside five disabled buttons. */}
        {items && items.length > 0 && <ExportBar all={sorted} shown={shown} loading={!complete} />}
        <ImportPanel db={db} applied={(ids, sentAt) => undo.listedAgain((item) => ids.has(item.id) && item.removedAt < sentAt)} />
        <RecentlyRemoved db={db} restored={undo.listedAgain} />
      </div>
      <h2 class="visually-hidden">Saved papers</h2>
      {body}
    </main>
  );
}
