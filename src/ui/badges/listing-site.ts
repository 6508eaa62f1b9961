import type { ListingSiteKey } from '../../schema';

/**
 * The shape of a page kind that lists many papers (arXiv listings and search results, Hugging Face
 * paper lists) and gets one badge per entry. Like the paper-page sites: a pure URL predicate and
 * extractors from a Document. Finding entries is kept cheap (ids and elements only, no text) because
 * a listing can hold 2,000 of them; an entry's text is read when the user acts on its badge.
 */

export interface ListingEntry {
  /** Canonical arXiv id. */
  id: string;
  /** The element that is the entry; badges are keyed by it, so it is annotated at most once. */
  element: Element;
  /** The entry's title element: the badge goes right after it. */
  anchor: Element;
  /** A code link the page itself gives (http(s) only), shown when the store knows none. */
  codeLink: string | null;
  /** The reason the page gives when the paper's authors withdrew it (arXiv's comments), else null. */
  withdrawal: string | null;
}

/** What the page says about an entry, read on demand (untrusted text, collapsed and bounded). */
export interface EntryDetails {
  title: string;
  /** Only where the page shows the whole abstract (arXiv /new and search results, Hugging Face data). */
  abstract: string | null;
  authors: string[];
  primaryCategory: string | null;
}

export interface ListingSite {
  /** Its switch in the settings. */
  key: ListingSiteKey;
  /** Pure URL predicate: is this URL a listing of this kind? */
  isPage: (url: URL) => boolean;
  /** The entries in document order; an entry without a recognisable id or title is left out. */
  entries: (doc: Document) => ListingEntry[];
  /** The entry's title as its element shows it ('' when it shows none): it names the badge's controls. */
  title: (entry: ListingEntry) => string;
  details: (entry: ListingEntry, doc: Document) => EntryDetails;
  /** Its entries show arXiv's current titles (not Hugging Face's copies): the `badges` request sends them, so the store may take them. */
  currentTitles?: true;
  /** Its entries show their Hugging Face upvotes, live: the badges leave out the feed's count (an older one beside it). */
  showsOwnUpvotes?: true;
  /** Elements whose arrival may bring new entries (for the observer of client-side rendering). */
  watchSelector: string;
}


/** Performance marks (on the page's timeline, for benchmarks): the listing script started; a batch of badges shows the store's answers. */
export const LISTING_START_MARK = 'paperlens:listing-start';
export const LISTING_READY_MARK = 'paperlens:listing-ready';

/** A feed paper's upvotes as a card or badge shows them: none on a site that shows its own, live (showsOwnUpvotes). */
export function shownUpvotes(site: { showsOwnUpvotes?: true }, upvotes: number | null): number | null {
  return site.showsOwnUpvotes ? null : upvotes;
}
