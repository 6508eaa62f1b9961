import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { latestQuestion } from '../latest-question';
import type { PaperLensDatabase } from '../../db/database';
import { lookupPapers, recentlySaved, recentlySeen, trendingList, type TrendingList } from '../../db/papers';
import { isLive } from '../../db/ranking';
import { readFeedState } from '../../db/feed';
import { PagePaperSchema, type FeedRefreshState, type PagePaper, type SaveInput } from '../../schema';
import { useSettings } from '../use-settings';
import { describeAge, describeTime, describeWhen } from '../time';
import { sendRequest } from '../../messaging/client';
import { arxivAbsUrl, placeholderTitle, savedFromUrl } from '../../papers/ids';
import { useLiveQuery } from '../live-query';
import { activeTabPaper, showReadingList, type PaperList } from './active-tab';
import { PAPER_LIST_HINT } from '../action-badge';
import { dailyRankText } from '../daily-rank';
import type { TabPaper, UnknownPaper } from '../../messaging/tab-paper';
import { pageDetails, plainPageTitle } from '../../papers/page-details';
import { PaperRow, RemoveContext, SavedContext, SaveToggle } from './paper-row';
import { recentOffHint } from './recent-off';
import { StatusSelect } from '../status-select';
import { UndoBar, useUndoableEdits, type FocusElsewhere } from '../reading-list/undo';
import { focusWhenShown } from '../focus';
import { SearchResults, useResultsAnnouncement, useSearch, useSearchBoxKeys } from './search';
import { errorMessage, RetryLaterError } from '../../messaging/error-message';
import { useOneAtATime } from '../one-at-a-time';
import { useClipboardCopy, writeLink, writeWhenReady } from '../clipboard-copy';
import { paperLink } from '../../export/paper-link';
import { feedFailureHeadline, isFirstFetchWaiting } from '../../feed/failure-headline';
import { mayRefreshOnRequest, refreshWaitUntil } from '../../feed/backoff';
import { formatDuration } from '../../feed/client';
import { CITATION_STUB_ERROR } from '../../messaging/citation-refusal';

type Section = 'trending' | 'saved' | 'recent';
const SECTIONS: readonly Section[] = ['trending', 'saved', 'recent'];

function Problem({ text }: { text: string | null }) {
  return text ? <p class="problem" role="alert">{text}</p> : null;
}

// How long the popup's first screen waits for arXiv's page of the tab's paper, once the store said it
// does not describe it: arXiv answers in well under a second, or the screen comes without it.
const ARXIV_FIRST_SCREEN_WAIT_MS = 1_500;

/** How long the popup waits before asking arXiv again after each failure in a row (the last one repeats). */
const ARXIV_ASK_AGAIN_MS = [5_000, 15_000, 30_000, 60_000];
// Past the end of a wait arXiv asked for, so the next ask is not answered "wait 1 s more".
const ARXIV_WAIT_MARGIN_MS = 500;

/**
 * A PDF tab's paper that the store does not hold: its arXiv abstract page, asked of the background
 * (null until it answers, and when it cannot be had), whether it is being asked, why arXiv did not
 * answer, if it did not, and when it is asked again: an open popup keeps asking (QA: after a wait
 * arXiv asked for, or arXiv back, it said "wait 5 s more" for good). A request during arXiv's wait
 * is answered at once, without one to arXiv.
 */
function useArxivPage(id: string, wanted: boolean): { page: PagePaper | null; reading: boolean; failure: string | null; askAgainAt: number | null } {
  const [page, setPage] = useState<PagePaper | null>(null);
  const [reading, setReading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [askAgainAt, setAskAgainAt] = useState<number | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (failures: number) => {
      setReading(true);
      sendRequest({ type: 'arxivPage', id }, true)
        .then(
          (answer) => {
            const parsed = PagePaperSchema.safeParse(answer);
            if (!current) return;
            if (parsed.success) setPage(parsed.data);
            setFailure(null);
            setAskAgainAt(null);
          },
          // The tab's id is all the popup can show then: it says why, rather than leave the reader waiting.
          (error: unknown) => {
            if (!current) return;
            // When arXiv asked to wait, just after that wait (an ask before its end is answered at once,
            // as this one was; "again in 5 s" beside "it asks to wait 2 min" contradicted it): arXiv's
            // wait is no failure of the popup's to back off from.
            const asked = error instanceof RetryLaterError;
            const wait = asked ? error.retryAfterMs : ARXIV_ASK_AGAIN_MS[Math.min(failures, ARXIV_ASK_AGAIN_MS.length - 1)]!;
            const delay = asked ? wait + ARXIV_WAIT_MARGIN_MS : wait;
            setFailure(errorMessage(error));
            // The wait is said, not the margin past it ("wait 9 s … again in 9 s").
            setAskAgainAt(Date.now() + wait);
            timer = setTimeout(() => ask(asked ? failures : failures + 1), delay);
          },
        )
        .finally(() => current && setReading(false));
    };
    ask(0);
    return () => {
      // No longer wanted (another paper, the switch turned off): not being read for this one.
      current = false;
      clearTimeout(timer);
      setReading(false);
      setFailure(null);
      setAskAgainAt(null);
    };
  }, [id, wanted]);
  return { page, reading, failure, askAgainAt };
}

/** Seconds left until `at`, counted down each second while there is one. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (at === null) return;
    setNow(Date.now());
    const ticker = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(ticker);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1_000));
}

/** `onDrawn`: once what it first shows of the paper is drawn (see `drawn`): the popup's first screen waits for it. */
export function ThisTab({ db, tab, onDrawn }: { db: PaperLensDatabase; tab: TabPaper; onDrawn?: () => void }) {
  // Whether the store or the reading list describes the paper (a saved one lacking details is
  // completed in the background): only when neither does is arXiv asked.
  const [described, setDescribed] = useState<boolean | null>(null);
  // Off, arXiv is not asked, and the popup says why it knows no more than the id; switched on while
  // the popup is open, it is asked then.
  const settings = useSettings();
  const arxivOff = settings?.completeFromArxiv === false;
  const fetched = useArxivPage(tab.id, tab.page === null && described === false && settings !== null && !arxivOff);
  const page = tab.page ?? fetched.page;
  const askingIn = useSecondsUntil(fetched.askAgainAt);
  // With the page's abstract, a paper the store does not hold is summarized as its card is.
  const { value, error } = useLiveQuery(async () => ({ page, views: await lookupPapers(db, [page ? { id: tab.id, title: page.title, abstract: page.abstract } : { id: tab.id }]) }), [tab, page]);
  const view = value?.views[0] ?? null;
  // Until the store answers, nothing is said of the paper's rank or saved state (not "not trending"
  // and "Save" for a saved, trending paper).
  const answered = value !== undefined || error !== null;
  // A paper saved bare (from this tab while arXiv was away) is no description: arXiv is asked, and
  // its answer completes the saved paper (QA: the popup knew less of it once saved).
  const known = value === undefined ? null : view !== null && (view.inStore || (view.status !== null && view.title !== placeholderTitle(tab.id)));
  useEffect(() => {
    if (page === null && known !== null) setDescribed(known);
  }, [page, known]);
  // Told once what the popup first shows of the paper is drawn: the store's answer, and for a paper
  // neither it nor the reading list describes, arXiv's page or why there is none, for a while (QA:
  // on a PDF tab the title and TL;DR came 0.8 s after the screen was shown, and moved everything
  // below 61 px). (The store's answer for the page shown: one read from arXiv is summarized, its
  // TL;DR a moment later.)
  const [arxivWaitOver, setArxivWaitOver] = useState(false);
  const waitsForArxiv = known === false && page === null;
  useEffect(() => {
    if (!waitsForArxiv) return;
    const timer = setTimeout(() => setArxivWaitOver(true), ARXIV_FIRST_SCREEN_WAIT_MS);
    return () => clearTimeout(timer);
  }, [waitsForArxiv]);
  const drawn = error !== null || (value?.page === page && (!waitsForArxiv || arxivWaitOver || fetched.failure !== null || arxivOff));
  useEffect(() => {
    if (drawn) onDrawn?.();
  }, [drawn]);
  const title = (page && plainPageTitle(page)) || view?.title || tab.title;
  // A title only the tab gave (a PDF's own) is a guess: the store's or the page's replaces it.
  const details = { ...(page ? pageDetails(page) : {}), titleIsGuess: tab.titleFromTab && title === tab.title };
  return (
    <section class="this-tab" data-testid="this-tab" data-arxiv-id={tab.id} aria-label="This tab">
      <h2>This tab</h2>
      <Problem text={error} />
      <a class="title" dir="auto" href={arxivAbsUrl(tab.id)} target="_blank" rel="noopener noreferrer">{title}</a>
      <p class="meta">
        arXiv {tab.id}
        {!answered ? '' : view?.rank != null ? ` · ${dailyRankText(view.rank, view.snapshot, Date.now())}` : view?.inStore ? '' : ' · not trending'}
      </p>
      {/* As the card says it: the results of a paper its authors withdrew may not hold. */}
      {page?.withdrawal && (
        <p class="withdrawn" data-testid="withdrawn">
          <strong>Withdrawn </strong>
          <bdi>{page.withdrawal}</bdi>
        </p>
      )}
      {view?.tldr && <p class="tldr" dir="auto">{view.tldr}</p>}
      {/* arXiv may take seconds (busy, a slow connection): the id alone would read as all there is. */}
      {page === null && fetched.reading && !fetched.failure && (
        <p class="hint" data-testid="arxiv-reading">
          Reading its title and TL;DR from arXiv…
        </p>
      )}
      {page === null && fetched.failure && (
        <p class="hint" data-testid="arxiv-unreachable">
          {/* Asking again, said on this line: a line of its own for each retry moved everything below for a moment (QA). */}
          Title and authors unknown: {fetched.failure}.
          {fetched.reading ? ' Asking arXiv again…' : askingIn === null ? '' : ` Asking arXiv again in ${askingIn < 90 ? `${askingIn} s` : formatDuration(askingIn * 1000)}.`}
        </p>
      )}
      {page === null && described === false && arxivOff && (
        <p class="hint" data-testid="arxiv-off">
          Title and authors unknown: “Complete papers from arXiv” is off in settings; switch it on to read them from arXiv.
        </p>
      )}
      <div class="row-actions">
        {answered && (
          <SaveToggle
            paper={{ id: tab.id, title, status: view?.status ?? null }}
            tldr={view?.tldr ?? ''}
            sourceUrl={savedFromUrl(tab.url)}
            details={details}
          />
        )}
        {view?.status && <StatusSelect id={tab.id} status={view.status} label="Reading status" />}
        <CopyButtons paper={{ id: tab.id, title, sourceUrl: savedFromUrl(tab.url), ...details }} />
      </div>
    </section>
  );
}

/**
 * Copy BibTeX for the tab's paper (from what its page says, completed from the store: a PDF tab has
 * no page) and Copy link (the title shown linked to its arXiv page).
 */
function CopyButtons({ paper }: { paper: SaveInput }) {
  const [error, setError] = useState<string | null>(null);
  // A citation refused for want of arXiv names the setting only when it is off (it is on by default).
  const arxivOff = useSettings()?.completeFromArxiv === false;
  const [copied, copy] = useClipboardCopy(setError);
  return (
    <>
      <button type="button" class="cite" data-testid="copy-bibtex" onClick={() => void copy('BibTeX', (latest) => writeWhenReady(latest(sendRequest({ type: 'citation', paper }, true))))}>
        Copy BibTeX
      </button>
      <button type="button" class="cite" data-testid="copy-link" onClick={() => void copy('Link', () => writeLink(paperLink(paper.title, arxivAbsUrl(paper.id))))}>
        Copy link
      </button>
      {/* Always there, so a screen reader announces the text when it comes. */}
      <span class="copied" role="status" data-testid="copied">
        {copied}
      </span>
      {error && (
        <span class="error" role="alert">
          {error}
          {arxivOff && error.endsWith(CITATION_STUB_ERROR) && ': “Complete papers from arXiv” is off in settings; switch it on to read them from arXiv'}
        </span>
      )}
    </>
  );
}

type FeedFailureRecord = NonNullable<FeedRefreshState['lastFailure']>;

/**
 * A failed refresh (a Refresh press's or the automatic one's: "Update failed", as either): what went
 * wrong in a few words, when the next try is and, when Hugging Face asked for a shorter wait than
 * our backoff's, from when Refresh works; the full reason under Details.
 */
function FeedFailureNote({ failure, state, now }: { failure: FeedFailureRecord; state: FeedRefreshState; now: number }) {
  const { nextAttemptAt } = state;
  // Drawn again when the wait Hugging Face asked for is over, so its end is not shown past.
  const [shownAt, setShownAt] = useState(now);
  const waitEnds = refreshWaitUntil(failure);
  useEffect(() => {
    if (waitEnds === null || waitEnds <= Date.now()) return;
    const timer = setTimeout(() => setShownAt(Date.now()), waitEnds - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [waitEnds]);
  const headline = feedFailureHeadline(failure.kind, failure.reason);
  const details = headline !== failure.reason && (
    <details data-testid="feed-failure-details">
      <summary>Details</summary>
      {failure.reason}
    </details>
  );
  // Never fetched and offline (the first day without a connection): the snapshot is what there is, not an error.
  if (isFirstFetchWaiting(state)) {
    return (
      <div class="hint feed-note" data-testid="feed-failure">
        Showing the bundled snapshot · the live list will load when huggingface.co can be reached
        {nextAttemptAt ? ` (next try ${describeTime(nextAttemptAt, now)})` : ''}
        {details}
      </div>
    );
  }
  // No papers listed is news, not trouble: the list shown stays, and the feed is looked at as usual.
  if (failure.kind === 'empty') {
    return (
      <p class="hint" data-testid="feed-failure">
        No new papers: {headline}
        {nextAttemptAt ? ` · next look ${describeTime(nextAttemptAt, now)}` : ''}
      </p>
    );
  }
  // Said only while it is ahead (QA: "Refresh possible at 09:21 PM" stayed once that time had passed).
  const refreshAhead = waitEnds !== null && waitEnds > Math.max(now, shownAt) ? waitEnds : null;
  return (
    <div class="problem" data-testid="feed-failure">
      Update failed: {headline}
      {nextAttemptAt ? ` · next try ${describeTime(nextAttemptAt, now)}` : ''}
      {refreshAhead !== null && nextAttemptAt !== null && refreshAhead < nextAttemptAt && ` · Refresh possible ${describeTime(refreshAhead, now)}`}
      {details}
    </div>
  );
}

/**
 * Where the trending list comes from and how old it is, why a refresh failed, and a Refresh button.
 * `onRefreshed`: after a Refresh that fetched the list; `onRead`: once the settings and the feed's
 * state are read (the Refresh button and a failure's note drawn).
 */
export function TrendingHeader({ db, list, onDay, onRefreshed, onRead }: { db: PaperLensDatabase; list: Omit<TrendingList, 'papers'>; onDay: (day: string | null) => void; onRefreshed?: () => void; onRead?: () => void }) {
  const { source, label, days, day, fetchedAt } = list;
  const storedState = useLiveQuery(() => readFeedState(db), []);
  const stored = storedState.value;
  // What a Refresh answered: newer than the stored state when the store could not take it (disk
  // full; the worker keeps it outside the store, where the live query does not look).
  const [answered, setAnswered] = useState<FeedRefreshState | null>(null);
  const state = answered && (answered.lastAttemptAt ?? 0) > (stored?.lastAttemptAt ?? 0) ? answered : stored;
  // Unknown until the settings are read: neither the Refresh button nor "switched off" shows before.
  const feedOn = useSettings()?.feedEnabled ?? null;
  // (A state that cannot be read is read: the header shows without it.)
  const read = (stored !== undefined || storedState.error !== null) && feedOn !== null;
  useEffect(() => {
    if (read) onRead?.();
  }, [read]);
  const refreshing = useOneAtATime();
  const [problem, setProblem] = useState<string | null>(null);
  // Why the last press fetched nothing: Hugging Face's wait was still running. Gone when it is over,
  // so its "in 8 s" is not read once Refresh works again.
  const [held, setHeld] = useState<{ text: string; until: number } | null>(null);
  useEffect(() => {
    if (!held) return;
    const timer = setTimeout(() => setHeld(null), held.until - Date.now());
    return () => clearTimeout(timer);
  }, [held]);
  const now = Date.now();
  const failedSinceSuccess = state?.lastFailure && (state.lastSuccessAt === null || state.lastFailure.at > state.lastSuccessAt);
  // Days picked so far: one picked while a Refresh was under way is the reader's choice, which its answer leaves.
  const picks = useRef(0);
  const refresh = () =>
    refreshing.run(async () => {
      setProblem(null);
      setHeld(null);
      const picksBefore = picks.current;
      const pressedAt = Date.now();
      try {
        const refreshed = await sendRequest({ type: 'refreshFeed' });
        setAnswered(refreshed);
        const until = refreshWaitUntil(refreshed.lastFailure);
        // No attempt since the press, and a wait running then: the press was held back, which is said, not a silent flicker.
        if (refreshed.lastFailure && until !== null && (refreshed.lastAttemptAt ?? 0) < pressedAt && !mayRefreshOnRequest(refreshed, pressedAt)) {
          const headline = feedFailureHeadline(refreshed.lastFailure.kind, refreshed.lastFailure.reason);
          setHeld({ text: `Not refreshed: ${headline}; Refresh possible ${describeTime(until, pressedAt)} (in ${formatDuration(Math.max(0, until - Date.now()))})`, until });
        }
        if (refreshed.lastFailure === null && refreshed.lastSuccessAt !== null && picks.current === picksBefore) onRefreshed?.();
      } catch (error) {
        setProblem(errorMessage(error));
      }
    });
  return (
    <div class="trending-head">
      <p class="source" data-testid="trending-source">
        {source === 'bundled'
          ? `Bundled snapshot · ${label}`
          : // "Live" only for the latest list, and only while it is fresh (the cards' rule, isLive); an
            // earlier day, or a list not refreshed for a day (feed off or failing), says when it was fetched.
            day === days[0] && fetchedAt !== null && isLive(fetchedAt, now)
            ? `Live · ${label}${state?.lastSuccessAt ? ` · updated ${describeAge(now - state.lastSuccessAt)}` : ''}`
            : `Daily Papers · ${label}${fetchedAt !== null ? ` · fetched ${describeAge(now - fetchedAt)}` : ''}`}
        {feedOn === false && ' · updates switched off in settings'}
      </p>
      {/* Always there, so a screen reader announces a failed Refresh when it comes (a live region
          inserted together with its text is not announced). */}
      <div role="status">
        {feedOn && failedSinceSuccess && state?.lastFailure && <FeedFailureNote failure={state.lastFailure} state={state} now={now} />}
        {feedOn && held && (
          <p class="hint" data-testid="refresh-held">
            {held.text}
          </p>
        )}
      </div>
      <Problem text={problem} />
      <div class="row-actions">
        {days.length > 0 && (
          <select
            class="status"
            data-testid="trending-day"
            aria-label="Trending day"
            value={day ?? ''}
            onChange={(event) => {
              picks.current++;
              onDay(event.currentTarget.value || null);
            }}
          >
            {days.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
            <option value="">Bundled snapshot</option>
          </select>
        )}
        {feedOn === true && (
          <button type="button" class="save" data-testid="refresh-feed" aria-disabled={refreshing.busy} onClick={refresh}>
            {refreshing.busy ? 'Refreshing…' : 'Refresh'}
          </button>
        )}
      </div>
    </div>
  );
}

/** Which trending list is picked: undefined, the latest; null, the bundled snapshot; a day, that day's live list. */
type PickedDay = string | null | undefined;

/** `onShown`: once the list and its header are drawn whole (or why they cannot be). */
function Trending({ db, day, setDay, onShown }: { db: PaperLensDatabase; day: PickedDay; setDay: (day: PickedDay) => void; onShown: () => void }) {
  const { value, error } = useLiveQuery(() => trendingList(db, day), [day]);
  const [headerRead, setHeaderRead] = useState(false);
  const shown = error !== null || (value !== undefined && headerRead);
  // After the list's paint (effects run after it): what else the popup reads then does not delay it.
  useEffect(() => {
    if (shown) onShown();
  }, [shown]);
  if (error) return <Problem text={error} />;
  if (!value) return <p class="empty">Loading…</p>;
  return (
    <>
      {/* A Refresh shows the latest list: with the bundled snapshot or an earlier day picked, the
          list fetched stayed out of sight and the Refresh seemed to do nothing. */}
      <TrendingHeader db={db} list={value} onDay={setDay} onRefreshed={() => setDay(undefined)} onRead={() => setHeaderRead(true)} />
      {value.papers.length === 0 ? (
        <p class="empty">{value.source === 'live' ? `No papers were listed on ${value.label}.` : 'No trending papers yet: the bundled snapshot is still loading.'}</p>
      ) : (
        <ol class="papers" aria-label="Trending papers">
          {value.papers.map((paper) => <PaperRow key={paper.id} paper={paper} testId="trending-item" />)}
        </ol>
      )}
    </>
  );
}

// The popup is for the papers at hand: a long reading list (thousands, after an import) would take
// seconds to draw here, and is reviewed on its own page.
const POPUP_SAVED = 50;

function Saved({ db, openReadingList }: { db: PaperLensDatabase; openReadingList: () => void }) {
  const { value, error } = useLiveQuery(() => recentlySaved(db, POPUP_SAVED), []);
  if (error) return <Problem text={error} />;
  if (!value) return <p class="empty">Loading…</p>;
  if (value.total === 0) return <p class="empty">Nothing saved yet. Save a paper from its card, from Trending or from This tab.</p>;
  const now = Date.now();
  return (
    <>
      <ul class="papers" aria-label="Saved papers">
        {value.items.map((item) => (
          <li key={item.id} class="paper" data-testid="saved-item" data-arxiv-id={item.id}>
            <a class="title" dir="auto" href={arxivAbsUrl(item.id)} target="_blank" rel="noopener noreferrer">{item.title}</a>
            <p class="meta">Saved {describeWhen(item.addedAt, now)}</p>
            <div class="row-actions">
              <SaveToggle paper={item} tldr={item.tldr} sourceUrl={item.sourceUrl} />
              <StatusSelect id={item.id} status={item.status} label={`Reading status of ${item.title}`} />
            </div>
          </li>
        ))}
      </ul>
      {value.total > value.items.length && (
        <p class="hint" data-testid="saved-more">
          The {value.items.length} saved last of {value.total}. Search finds any of them;{' '}
          <button type="button" class="link" onClick={openReadingList}>
            the reading list
          </button>{' '}
          shows them all.
        </p>
      )}
    </>
  );
}

/** "Ada Lovelace, Alan Turing, Grace Hopper et al." */
function firstAuthors(authors: readonly string[]): string {
  return `${authors.slice(0, 3).join(', ')}${authors.length > 3 ? ' et al.' : ''}`;
}

// As many as Saved shows: the papers of the last days, not a history to browse.
const POPUP_RECENT = 50;

/** The papers whose pages were opened last, newest first: read only when this tab is shown. */
function Recent({ db }: { db: PaperLensDatabase }) {
  const { value, error } = useLiveQuery(() => recentlySeen(db, POPUP_RECENT), []);
  // Why Recent may miss pages opened: null when no site is switched off, or until read.
  const settings = useSettings();
  const off = settings && recentOffHint(settings);
  if (error) return <Problem text={error} />;
  if (!value) return <p class="empty">Loading…</p>;
  if (value.length === 0) {
    return (
      <p class="empty" data-testid="recent-empty">
        Papers whose arXiv or Hugging Face pages you open appear here, the latest first.{off && ` ${off}`}
      </p>
    );
  }
  const now = Date.now();
  return (
    <>
      {off && (
        <p class="hint" data-testid="recent-off">
          {off}
        </p>
      )}
      <ol class="papers" aria-label="Recently opened papers">
        {value.map((paper) => (
          <PaperRow key={paper.id} paper={paper} testId="recent-item" meta={`Opened ${describeWhen(paper.at, now)}${paper.authors.length > 0 ? ` · ${firstAuthors(paper.authors)}` : ''}`} />
        ))}
      </ol>
    </>
  );
}

// Past this, what has arrived is shown, the rest as it comes: only a store that does not answer
// (its reads take 0.3-0.7 s here, 1.6 s at a fresh profile's first open, more on a busy machine).
const SETTLING_MAX_MS = 5_000;

/**
 * Whether the popup's first screen may be shown: once `ready` (its parts read), once the reader
 * types (results come), or after SETTLING_MAX_MS. Until then what lies below the search box is laid
 * out unseen, so it appears whole: shown part by part, the tabs moved 84 -> 183 -> 225 px and the
 * first trending paper 288 -> 312 -> 370 px within 400 ms of opening, under a reader's click (QA).
 */
function useFirstScreenSettled(ready: boolean, typed: boolean): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), SETTLING_MAX_MS);
    return () => clearTimeout(timer);
  }, []);
  // Shown in the render that has it all, not one after; and for good (a search cleared, a paper left).
  const showable = ready || typed;
  useEffect(() => {
    if (showable) setSettled(true);
  }, [showable]);
  return settled || showable;
}

/**
 * The Undo bar is held at the popup's foot, over the list: the browser scrolls a control the keyboard
 * reaches just into the window, under the bar (accessibility QA: six rows' buttons in a row hidden
 * at 320 px). It comes out above the bar.
 */
function revealAboveUndoBar(target: EventTarget | null): void {
  const bar = document.querySelector('.undo-region');
  // Not a control a press focuses: the popup would move under the pointer between its down and up (review).
  if (!(target instanceof Element) || !target.matches(':focus-visible') || !bar || bar.contains(target)) return;
  const barBox = bar.getBoundingClientRect();
  const bottom = target.getBoundingClientRect().bottom;
  if (barBox.height > 0 && bottom > barBox.top) scrollBy({ top: bottom - barBox.top + 4, behavior: 'instant' });
}

export function PopupApp({ db }: { db: PaperLensDatabase }) {
  const [section, setSection] = useState<Section>('trending');
  // Kept here, so the picked day stays while the reader searches or looks at Saved.
  const [day, setDay] = useState<PickedDay>(undefined);
  const [tab, setTab] = useState<TabPaper | UnknownPaper | PaperList | null>(null);
  const [tabRead, setTabRead] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    // The latest read wins: the first may answer after a later one, from the page before it loaded.
    const ask = latestQuestion();
    const readTab = () => {
      const isLatest = ask();
      return activeTabPaper()
        .then(
          (paper) => isLatest() && setTab(paper),
          () => isLatest() && setTab(null),
        )
        .finally(() => setTabRead(true));
    };
    void readTab();
    // Opened while the tab's page loads, the popup read the tab before the page said anything (its
    // title, which arXiv may have changed since the store's): read again once it has loaded.
    const onTabUpdated = (_id: number, change: { status?: string }, updated: { active: boolean }) => {
      if (change.status === 'complete' && updated.active) void readTab();
    };
    browser.tabs.onUpdated.addListener(onTabUpdated);
    // Asking for health also wakes the background, which seeds the store on first use.
    sendRequest({ type: 'health' }, true).then(
      (health) => setProblem(health.ok ? null : health.error ?? 'PaperLens store is unavailable'),
      (error: unknown) => setProblem(errorMessage(error)),
    );
    return () => browser.tabs.onUpdated.removeListener(onTabUpdated);
  }, []);

  const savedCountRead = useLiveQuery(() => db.saved.count(), []);
  const savedCount = savedCountRead.value;
  const [thisTabDrawn, setThisTabDrawn] = useState(false);
  const openReadingList = () => void showReadingList().catch((error: unknown) => setProblem(errorMessage(error)));
  // The search index is read once Trending has shown (or at the first keystroke), not in its way.
  const [trendingShown, setTrendingShown] = useState(false);
  const search = useSearch(db, trendingShown);
  const { query } = search;
  const firstScreenRead = tabRead && (!(tab && 'id' in tab) || thisTabDrawn) && trendingShown && (savedCount !== undefined || savedCountRead.error !== null);
  const settled = useFirstScreenSettled(firstScreenRead, query.trim() !== '');
  const searchBox = useRef<HTMLInputElement>(null);
  // The popup opens ready to search: what the reader types goes to the box. (Within the first
  // render, so that it never takes the focus from a control reached meanwhile.)
  useLayoutEffect(() => searchBox.current?.focus(), []);
  const announcement = useResultsAnnouncement(search.results, query);
  const searchBoxKeys = useSearchBoxKeys(search.results, query);
  // Search results take the tabs' place: choosing a tab ends the search and shows that tab.
  const showSection = (name: Section) => {
    setSection(name);
    if (query !== '') search.setQuery('');
  };
  // Tabs as the ARIA pattern has them: the arrow keys, Home and End move between them (and focus follows).
  const switchTabByKey = (event: KeyboardEvent) => {
    const at = SECTIONS.indexOf(section);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at + SECTIONS.length - 1, Home: 0, End: SECTIONS.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = SECTIONS[to % SECTIONS.length]!;
    showSection(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  const undo = useUndoableEdits();
  // Where each paper was removed: from This tab (which may show a paper a list shows too, above the
  // lists) or a list's row, and that list's row after (else before) it, where the reader is once
  // Saved has let the paper's row go.
  const removedAt = useRef(new Map<string, { fromThisTab: boolean; next: string | undefined }>());
  const removeRows = (ids: string[]) => {
    const fromThisTab = document.activeElement?.closest('[data-testid="this-tab"]') != null;
    for (const id of ids) {
      const row = document.querySelector(`li[data-arxiv-id="${CSS.escape(id)}"]`);
      const next = (row?.nextElementSibling ?? row?.previousElementSibling) as HTMLElement | null | undefined;
      removedAt.current.set(id, { fromThisTab, next: next?.dataset.arxivId });
    }
    return undo.remove(ids);
  };
  // Where the reader removed it: This tab's Save, or a list's row (review: This tab's came first, at the popup's top).
  const saveButtonOf = (id: string) => {
    const inThisTab = `[data-testid="this-tab"][data-arxiv-id="${CSS.escape(id)}"] [data-testid="save"]`;
    const inList = `li[data-arxiv-id="${CSS.escape(id)}"] [data-testid="save"]`;
    const [first, second] = removedAt.current.get(id)?.fromThisTab ? [inThisTab, inList] : [inList, inThisTab];
    return document.querySelector<HTMLElement>(first) ?? document.querySelector<HTMLElement>(second);
  };
  // When the Undo bar goes from under the focus: to the Saved button of the paper put back (of
  // several, the one removed last: where the reader was). Else to that paper's Save (Trending and
  // This tab keep its row) or, where its row went, the row now in its place (the search box was
  // out of view far down Saved, and the next Tab took the reader to the popup's top); the search
  // box, without scrolling, when neither is shown.
  const focusAfterUndoBar: FocusElsewhere = (left, undone) => {
    const id = left.removed?.at(-1)?.id;
    if (id === undefined) return void searchBox.current?.focus({ preventScroll: true });
    if (undone) return focusWhenShown(() => saveButtonOf(id), 2000, searchBox.current);
    const next = removedAt.current.get(id)?.next;
    const place = saveButtonOf(id) ?? (next === undefined ? null : saveButtonOf(next));
    if (place) place.focus();
    else searchBox.current?.focus({ preventScroll: true });
  };
  return (
    <RemoveContext.Provider value={removeRows}>
      <SavedContext.Provider value={(id) => undo.listedAgain((item) => item.id === id)}>
        <main data-settling={!settled || undefined} onFocusIn={(event) => revealAboveUndoBar(event.target)}>
          <header class="top">
            {/* The page's one heading: what a screen reader lands on says what this is. */}
            <h1 class="brand">PaperLens</h1>
            <input
              ref={searchBox}
              type="search"
              dir="auto"
              class="search"
              data-testid="search"
              placeholder="Search title, TL;DR, topic, author"
              aria-label="Search papers"
              value={query}
              onInput={(event) => search.setQuery(event.currentTarget.value)}
              onKeyDown={searchBoxKeys}
            />
          </header>
          {/* Always there, so a screen reader announces the count when it comes. */}
          <p class="visually-hidden" role="status" data-testid="search-status">
            {announcement}
          </p>
          <Problem text={problem} />
          {tab && 'id' in tab ? (
            // One paper's state is not another's (the tab may go to another paper while the popup is open).
            <ThisTab key={tab.id} db={db} tab={tab} onDrawn={() => setThisTabDrawn(true)} />
          ) : (
            <p class="hint">
              {!tab ? 'Open an arXiv or Hugging Face paper to save it from here.' : 'paperList' in tab ? PAPER_LIST_HINT : `arXiv has no paper ${tab.unknownId} (“identifier not recognized”): there is nothing to save.`}
            </p>
          )}
          {/* While searching, results take the panel's place: no tab looks or is said chosen (a click on one ends the search). */}
          <nav class="sections" data-searching={query.trim() !== ''}>
            <div class="tabs" role="tablist" aria-label="Papers" onKeyDown={switchTabByKey}>
              {SECTIONS.map((name) => (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  id={`tab-${name}`}
                  aria-controls={query.trim() === '' ? 'section-panel' : undefined}
                  aria-selected={query.trim() === '' && section === name}
                  tabIndex={section === name ? 0 : -1}
                  data-testid={`tab-${name}`}
                  onClick={() => showSection(name)}
                >
                  {name === 'trending' ? 'Trending' : name === 'recent' ? 'Recent' : `Saved${savedCount ? ` (${savedCount})` : ''}`}
                </button>
              ))}
            </div>
            <span class="spacer" />
            <button type="button" class="link" data-testid="open-reading-list" onClick={openReadingList}>
              Reading list
            </button>
            <button type="button" class="link" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
              Options
            </button>
          </nav>
          {query.trim() !== '' ? (
            <section aria-labelledby="search-heading">
              <h2 id="search-heading">Search results</h2>
              <Problem text={search.error} />
              {search.results ? <SearchResults results={search.results} searchBox={searchBox} /> : <p class="empty">Searching…</p>}
            </section>
          ) : (
            <div role="tabpanel" id="section-panel" aria-labelledby={`tab-${section}`}>
              {section === 'trending' ? <Trending db={db} day={day} setDay={setDay} onShown={() => setTrendingShown(true)} /> : section === 'recent' ? <Recent db={db} /> : <Saved db={db} openReadingList={openReadingList} />}
            </div>
          )}
          {/* Last, held at the popup's foot: above This tab it pushed everything down 53 px under the pointer (QA). */}
          <UndoBar undo={undo} focusElsewhere={focusAfterUndoBar} />
        </main>
      </SavedContext.Provider>
    </RemoveContext.Provider>
  );
}
