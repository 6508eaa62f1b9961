import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeInfo, PagePaper, ReadingStatus, Settings } from '../../schema';
import { DEFAULT_SETTINGS, loadSettings, watchSettings } from '../../settings/settings';
import { arxivPdfUrl, placeholderTitle, savedFromUrl } from '../../papers/ids';
import { NoAnswerError, sendRequest } from '../../messaging/client';
import { Badge, type BadgeActions, type TldrResult } from './badge';
import { LISTING_READY_MARK, LISTING_START_MARK, shownUpvotes } from './listing-site';
import type { EntryDetails, ListingEntry, ListingSite } from '../../sites/types';
import { messageTransport, type BadgeTransport } from './transport';
import { applyScheme, schemeFor, watchPageScheme, type Scheme } from './page-theme';
import { errorMessage } from '../../messaging/error-message';
import { watchStoreChanges } from '../../messaging/store-changes';
import { takeListingPrefetch } from './listing-prefetch';
import { badgeRoomReleased, releaseBadgeRoom } from './badge-room';
import { noticeExtensionGone } from '../extension-gone';
import { putBackAllowance } from '../put-back';
import { titlesSpelledAlike } from '../../papers/title-versions';

export interface BadgeController {
  /** Badges every entry that has none, with one `badges` request for all of them. */
  scan: () => Promise<void>;
  /** Scans now and again whenever the page adds entries or takes a badge away. */
  start: () => void;
  /** Stops watching and removes every badge. */
  stop: () => void;
  /** Applies the current look (theme) to every badge. */
  restyle: () => void;
  /** Asks the store again about every badge's paper (reading status, rank) after it changed. */
  refreshInfo: () => Promise<void>;
}

/** How badges look, from the settings and the page. */
interface BadgeLook {
  /** Show the "Seen" mark. */
  seen: boolean;
  /** Forced colour scheme, or null to follow the system. */
  scheme: Scheme | null;
}

export interface BadgeControllerOptions {
  site: ListingSite;
  transport: BadgeTransport;
  doc?: Document;
  currentUrl?: () => URL;
  look?: () => BadgeLook;
  /** How many new badges a scan makes before they wait for the store's answer (see ANSWER_WAIT_MS). */
  waitForAnswerFrom?: number;
  /** Whether the reader lets PaperLens ask arXiv for a paper's page (the "Complete papers from arXiv" switch). */
  arxivAllowed?: () => boolean;
}

// Put-backs a second of one badge before it stays out, if the page takes it out again.
const BADGE_PUT_BACKS = 10;

// How long new badges, once built, wait for the store's answer before they go in without it.
// Put in before it, 2,000 badges were laid out and painted first (80 ms and more) and the answer,
// there by then, waited for that; with it they go in together, and no badge says "Save" and then
// "Saved". A year-old store answers 90 to 120 ms after the question, asked before the badges are
// built (50 ms let a busy machine miss it, and pay that layout again); a worker that wakes up
// takes some 300 ms, and the badges do not wait for that.
export const ANSWER_WAIT_MS = 100;
// A short list's badges are laid out in a few milliseconds: they go in at once (a Hugging Face
// list of 100 waited some 50 ms for the answer instead of 15).
const LONG_LISTING = 300;

const DEFAULT_LOOK: BadgeLook = { seen: true, scheme: null };

const NO_TLDR_WITHOUT_ABSTRACT = 'No TL;DR: PaperLens does not know this paper and this page does not show its abstract.';
const NO_TLDR = 'No TL;DR: PaperLens could not summarize this paper.';
const NO_TLDR_ARXIV_OFF = 'No TL;DR: PaperLens does not know this paper, this page does not show its abstract, and asking arXiv for it is off ("Complete papers from arXiv" in the options).';

export function createBadgeController({ site, transport, doc = document, currentUrl = () => new URL(location.href), look = () => DEFAULT_LOOK, waitForAnswerFrom = LONG_LISTING, arxivAllowed = () => true }: BadgeControllerOptions): BadgeController {
  // Badges by the entry element they annotate, and by their host element.
  let byEntry = new WeakMap<Element, Badge>();
  const byHost = new WeakMap<Element, Badge>();
  // The entry each badge belongs to now (the page may re-render its title).
  const entryOf = new WeakMap<Badge, ListingEntry>();
  // The store's answer each badge was created with (a Save clicked before it came waits for it).
  const answeredFor = new WeakMap<Badge, Promise<unknown>>();
  // TL;DRs the user has read, kept with a save.
  const tldrs = new Map<string, string>();
  // Papers arXiv retitled whose entries show no abstract: the store's TL;DR is of an older version.
  const olderTldrs = new Set<string>();
  let active = false;

  const badgesOf = (id: string): Badge[] =>
    [...doc.querySelectorAll(`paperlens-badge[data-arxiv-id="${id}"]`)].flatMap((host) => byHost.get(host) ?? []);

  const showStatus = (id: string, status: ReadingStatus | null) => {
    for (const badge of badgesOf(id)) badge.showStatus(status);
  };

  /** Shows a store answer on a badge, with the "seen" mark only where the settings want it; no answer: not saved. */
  // Questions about badges (a scan's about its new badges, a refresh's about all), numbered: an
  // answer is shown on a badge only if no later question's answer was (answers come in any order).
  let questions = 0;
  const answeredBy = new WeakMap<Badge, number>();
  const answeredLater = (badge: Badge, asked: number) => (answeredBy.get(badge) ?? 0) > asked;
  /** Shows the answer to question `asked` on badges, except on one a later question's answer reached first. */
  const infoShower = (asked: number) => {
    const showSeen = look().seen;
    return (badge: Badge, info: BadgeInfo | null) => {
      if (answeredLater(badge, asked)) return;
      answeredBy.set(badge, asked);
      if (info) badge.showInfo({ ...info, seen: showSeen && info.seen, upvotes: shownUpvotes(site, info.upvotes) });
      else badge.showStatus(null);
    };
  };

  /** The store's TL;DR of the paper, else one of the abstract the entry shows (kept for a save). */
  const summaryOf = async (badge: Badge, details: EntryDetails) => {
    const view = await transport.lookup({
      id: badge.id,
      ...(details.title ? { title: details.title } : {}),
      ...(details.abstract ? { abstract: details.abstract } : {}),
    });
    if (view?.tldr) tldrs.set(badge.id, view.tldr);
    return view;
  };

  const actions: BadgeActions = {
    toggleSave: async (badge) => {
      // Act on what the button showed when clicked: the store's answer may come after the click.
      const shownSaved = badge.readingStatus !== null;
      // What the entry and the URL say now, at the click: by the store's answer the page may show
      // another paper in the same element (Hugging Face's next day in the same cards).
      const details = site.details(entryOf.get(badge)!, doc);
      const sourceUrl = savedFromUrl(currentUrl().href);
      await answeredFor.get(badge);
      if (shownSaved) {
        const removed = await transport.unsave(badge.id);
        showStatus(badge.id, null);
        if (removed) {
          // Saved again meanwhile (elsewhere): that item stays, and the page is told its status.
          badge.offerUndo(async () => {
            if (await transport.restore(removed)) showStatus(removed.id, removed.status);
          });
        }
        return;
      }
      if (badge.readingStatus !== null) return; // it was in the reading list already
      // A paper the store does not hold is saved with the TL;DR of the abstract the page shows.
      const tldr = tldrs.get(badge.id) ?? (details.abstract ? ((await summaryOf(badge, details).catch(() => null))?.tldr ?? '') : '');
      const status = await transport.save({
        id: badge.id,
        title: details.title || placeholderTitle(badge.id),
        authors: details.authors,
        tldr,
        sourceUrl,
        primaryCategory: details.primaryCategory,
        pdfUrl: arxivPdfUrl(badge.id),
      });
      showStatus(badge.id, status);
    },
    setStatus: async (badge, status) => {
      showStatus(badge.id, await transport.setStatus(badge.id, status));
    },
    tldr: async (badge): Promise<TldrResult> => {
      const details = site.details(entryOf.get(badge)!, doc);
      let view = await summaryOf(badge, details);
      // A list that shows no abstracts (arXiv's /recent, Hugging Face's): the paper's arXiv page
      // gives it, when the reader lets PaperLens ask arXiv (the popup's PDF tabs do the same); also
      // the current version's, for a paper arXiv retitled (the store then takes its title and abstract),
      // unless the titles are one spelled otherwise ("Length" for "Lengths"): the store's TL;DR holds.
      if (!details.abstract && (!view?.tldr || (olderTldrs.has(badge.id) && !titlesSpelledAlike(details.title, view.title) && arxivAllowed()))) {
        if (!arxivAllowed()) return { text: NO_TLDR_ARXIV_OFF, note: null };
        // arXiv not answering (offline, 503, 429) is no fault of the paper's: the badge says so and
        // asks again on the next expand. Null: arXiv has no page we can read for it. PaperLens
        // itself not answering is no fault of arXiv's: said as it is.
        let page: PagePaper | null;
        try {
          page = await transport.arxivPage(badge.id);
        } catch (error) {
          if (error instanceof NoAnswerError) throw error;
          // A retitled paper keeps the TL;DR of the version the store holds, said to be that version's (QA: "No TL;DR").
          if (view?.tldr) return { text: view.tldr, note: `(of an earlier version; arXiv did not give this one's abstract: ${errorMessage(error)})`, askAgain: true };
          throw new Error(`arXiv did not give this paper's abstract (${errorMessage(error)}).`);
        }
        if (page?.abstract) {
          view = await summaryOf(badge, { ...details, title: details.title || page.title, abstract: page.abstract });
          olderTldrs.delete(badge.id);
        }
      }
      if (!view?.tldr) return { text: details.abstract ? NO_TLDR : NO_TLDR_WITHOUT_ABSTRACT, note: null };
      return { text: view.tldr, note: view.inStore ? null : details.abstract ? '(summarized from its abstract)' : "(summarized from its arXiv page's abstract)" };
    },
  };

  /** Removes copies of badge hosts that the page cloned along with an entry (they have no UI). */
  const dropCopies = (anchor: Element) => {
    let next = anchor.nextElementSibling;
    while (next && next.localName === 'paperlens-badge' && !byHost.has(next)) {
      const following = next.nextElementSibling;
      next.remove();
      next = following;
    }
  };

  const inPlace = (badge: Badge, entry: ListingEntry) => badge.host.isConnected && badge.host.previousElementSibling === entry.anchor;
  const place = (badge: Badge, entry: ListingEntry) => {
    entryOf.set(badge, entry);
    if (inPlace(badge, entry)) return;
    dropCopies(entry.anchor);
    entry.anchor.after(badge.host);
  };
  // Each badge's own allowance (see putBackAllowance): a page re-rendering its entries one after
  // another (citation counts coming in) puts each badge back once, a page taking every badge out
  // each time stops each one after a few; new ones at each start.
  let putBackAllowances = new WeakMap<Badge, () => boolean>();
  const mayPutBack = (badge: Badge): boolean => {
    let allowance = putBackAllowances.get(badge);
    if (!allowance) putBackAllowances.set(badge, (allowance = putBackAllowance(BADGE_PUT_BACKS)));
    return allowance();
  };

  // Badges built and waiting for their store's answer, not yet in the page.
  const unplaced = new Set<Badge>();

  /** Makes a badge for every entry that has none; they go in with the store's answer (see ANSWER_WAIT_MS), shown by the promise returned. */
  const attach = (): Promise<void> | null => {
    if (!active || !site.isPage(currentUrl())) return null;
    const fresh: ListingEntry[] = [];
    for (const entry of site.entries(doc)) {
      const badge = byEntry.get(entry.element);
      if (badge?.id === entry.id) {
        // The page may have re-rendered the title and our badge with it: put it back, unless it keeps doing so.
        // A badge still waiting goes in after the entry's title as it is now.
        if (unplaced.has(badge)) entryOf.set(badge, entry);
        else if (!inPlace(badge, entry) && mayPutBack(badge)) place(badge, entry);
        continue;
      }
      if (badge) {
        // The page reused this element for another paper.
        badge.host.remove();
        unplaced.delete(badge);
        byEntry.delete(entry.element);
      }
      fresh.push(entry);
    }
    if (fresh.length === 0) {
      // The room stays for badges waiting for their answer.
      if (unplaced.size === 0) releaseBadgeRoom(doc);
      return null;
    }

    // Ask first, so the store works while the badges are built; an arXiv listing's titles with the ids
    // (read for the badges anyway): the store may take them.
    const titles = fresh.map((entry) => site.title(entry));
    const titleOf = new Map<string, string>();
    for (const [index, entry] of fresh.entries()) if (!titleOf.has(entry.id)) titleOf.set(entry.id, titles[index]!);
    const ids = [...titleOf.keys()];
    const asked = ++questions;
    const answered = transport.badges(ids, site.currentTitles ? ids.map((id) => titleOf.get(id)!) : undefined).then(
      (answers) => new Map(answers.flatMap((info, index) => (info ? [[ids[index]!, info] as const] : []))),
      (error: unknown) => errorMessage(error),
    );
    const created: Badge[] = [];
    const { scheme } = look();
    for (const [index, entry] of fresh.entries()) {
      const badge = new Badge({ id: entry.id, title: titles[index]!, pageCodeLink: entry.codeLink, withdrawal: entry.withdrawal }, actions);
      applyScheme(badge.host, scheme);
      byEntry.set(entry.element, badge);
      byHost.set(badge.host, badge);
      entryOf.set(badge, entry);
      answeredFor.set(badge, answered);
      unplaced.add(badge);
      created.push(badge);
    }
    let waitLimit: ReturnType<typeof setTimeout> | undefined;
    /**
     * Puts in all this scan's badges still wanted, in one task (the page lays out and paints them
     * once); the room held for badges goes once none waits (another scan's may, for entries the page re-rendered).
     */
    const placeAll = () => {
      clearTimeout(waitLimit);
      if (!active) return;
      for (const badge of created) {
        const entry = entryOf.get(badge)!;
        if (unplaced.delete(badge) && byEntry.get(entry.element) === badge) place(badge, entry);
      }
      if (unplaced.size === 0) releaseBadgeRoom(doc);
    };
    // Once the room held for badges is given back, new ones (more entries, another day in the same
    // cards) go in at once: a line that opened later would move the list.
    if (badgeRoomReleased(doc) || created.length < waitForAnswerFrom) placeAll();
    else waitLimit = setTimeout(placeAll, ANSWER_WAIT_MS);
    return answered.then((answers) => {
      if (!active) return;
      const show = infoShower(asked);
      for (const badge of created) {
        if (typeof answers === 'string') {
          if (!answeredLater(badge, asked)) badge.showStoreProblem(answers);
        } else {
          // A new badge already says "Save": only papers the store answers for need drawing.
          const info = answers.get(badge.id);
          if (info) show(badge, info);
        }
      }
      placeAll();
      performance.mark(LISTING_READY_MARK);
      if (typeof answers !== 'string') retitleFrom(created.filter((badge) => answers.get(badge.id)?.retitled));
    });
  };

  /**
   * Entries arXiv retitled (BadgeInfo.retitled): those showing their abstract give the store their
   * title with it, in one request; the others' TL;DR is the store's older one until arXiv's page is
   * read (unless the titles are one spelled otherwise, "Length" for "Lengths": see `tldr`).
   */
  const retitleFrom = (badges: Badge[]) => {
    const queries = badges.flatMap((badge) => {
      const details = site.details(entryOf.get(badge)!, doc);
      if (details.abstract) return [{ id: badge.id, title: details.title, abstract: details.abstract }];
      olderTldrs.add(badge.id);
      return [];
    });
    if (queries.length > 0) void transport.retitle(queries).catch(() => undefined);
  };

  // Each scan makes its badges at once and does not wait for an earlier scan's answers: an entry
  // the page reuses for another paper meanwhile gets that paper's badge (scans one at a time left
  // the previous paper's badge, and its Save, on it until the store answered).
  const answering = new Set<Promise<void>>();
  /** Resolves once every badge attached so far shows the store's answer. */
  const scan = async (): Promise<void> => {
    const shown = attach();
    if (shown) {
      answering.add(shown);
      const done = () => void answering.delete(shown);
      shown.then(done, done);
    }
    await Promise.all(answering);
  };

  const isOurs = (node: Node) => byHost.has(node as Element);
  /** Our badges in the page, and those waiting for their first answer to go in. */
  const ours = (): Badge[] => [...[...doc.querySelectorAll('paperlens-badge')].flatMap((host) => byHost.get(host) ?? []), ...unplaced];
  const mayBringEntries = (node: Node) =>
    node instanceof Element && node.localName !== 'paperlens-badge' && (node.matches(site.watchSelector) || node.querySelector(site.watchSelector) !== null);
  const relevant = (record: MutationRecord) => {
    if (record.type === 'attributes') return record.target instanceof Element && record.target.closest(site.watchSelector) !== null;
    return [...record.addedNodes].some(mayBringEntries) || [...record.removedNodes].some(isOurs);
  };
  const observer = new MutationObserver((records) => {
    if (records.some(relevant)) void scan();
  });

  return {
    scan,
    start: () => {
      if (active) return;
      active = true;
      putBackAllowances = new WeakMap();
      observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
      void scan();
    },
    stop: () => {
      releaseBadgeRoom(doc); // no badges: no room for them
      if (!active) return;
      active = false;
      observer.disconnect();
      for (const host of doc.querySelectorAll('paperlens-badge')) if (byHost.has(host)) host.remove();
      unplaced.clear();
      byEntry = new WeakMap();
    },
    restyle: () => {
      const { scheme } = look();
      for (const badge of ours()) applyScheme(badge.host, scheme);
    },
    refreshInfo: async () => {
      if (!active) return;
      // Badges waiting for their first answer too: this question is newer than theirs.
      const shown = ours();
      const ids = [...new Set(shown.map((badge) => badge.id))];
      if (ids.length === 0) return;
      const asked = ++questions;
      const answers = await transport.badges(ids).catch(() => null);
      if (!answers || !active) return;
      const show = infoShower(asked);
      // By id, read once: a look-up of each id's badges in the page would make this quadratic (2,000 entries).
      const answerOf = new Map(ids.map((id, index) => [id, answers[index] ?? null]));
      for (const badge of shown) show(badge, answerOf.get(badge.id) ?? null);
    },
  };
}

/**
 * Keeps one badge on every entry of a listing page, from the content script's start to its end,
 * and follows client-side navigation (acting only while the URL is a listing of this site) and
 * the settings, live: no badges while the site's switch is off, the chosen theme, seen marks.
 * Answers whether the page has badges now (or is about to: its entries' answer on its way).
 */
export function runBadgeController(ctx: ContentScriptContext, site: ListingSite): () => boolean {
  const siteKey = site.key;
  let settings = DEFAULT_SETTINGS;
  const look = (): BadgeLook => ({ seen: settings.seenEnabled, scheme: schemeFor(settings.theme, document) });
  const controller = createBadgeController({ site, transport: messageTransport(sendRequest), look, arxivAllowed: () => settings.completeFromArxiv });
  const wanted = (url: URL) => settings.sites[siteKey] && site.isPage(url);
  if (site.isPage(new URL(location.href))) performance.mark(LISTING_START_MARK);

  const follow = () => {
    if (!wanted(new URL(location.href))) controller.stop();
    else controller.start();
  };
  // Read at document start where a script does that (listing-prefetch.ts), else now.
  const early = takeListingPrefetch();
  const settingsRead = (early ?? loadSettings()).then(
    (loaded) => {
      settings = loaded;
    },
    () => undefined,
  );
  void settingsRead.then(() => {
    if (ctx.isInvalid) return;
    follow();
    const changed = (next: Settings) => {
      const seenChanged = next.seenEnabled !== settings.seenEnabled;
      settings = next;
      // Seen marks are drawn when a badge is made: remake the badges to show or drop them.
      if (seenChanged) controller.stop();
      follow();
      controller.restyle();
    };
    const stopSettings = watchSettings(changed);
    // Settings read at document start may have changed while the page was parsed, before the watch.
    if (early) {
      void loadSettings().then(
        (now) => {
          if (!ctx.isInvalid && JSON.stringify(now) !== JSON.stringify(settings)) changed(now);
        },
        () => undefined,
      );
    }
    const stopScheme = watchPageScheme(document, controller.restyle);
    watchStoreChanges(ctx, () => void controller.refreshInfo(), { seen: true });
    ctx.onInvalidated(() => {
      stopSettings();
      stopScheme();
    });
  });
  // WXT announces every navigation before it commits, also one that leaves the page (kept as it
  // is for Back, from the back/forward cache) or never commits (a download, as a PDF link with
  // Chrome set to download PDFs): follow the URL once a client-side navigation has committed it.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    ctx.setTimeout(() => {
      follow();
      void controller.scan();
    }, 0);
  });
  ctx.onInvalidated(() => controller.stop());
  noticeExtensionGone(ctx);
  return () => wanted(new URL(location.href)) && site.entries(document).length > 0;
}
