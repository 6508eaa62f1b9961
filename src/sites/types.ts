import type { ListingSiteKey, PagePaper, PaperPageSiteKey } from '../schema';

/** What a paper page tells us about its paper (before the store is asked); its schema is PagePaperSchema. */
export type { PagePaper };

/** One kind of page that shows a single paper and gets a summary card. */
export interface PaperPageSite {
  /** Its switch in the settings. */
  key: PaperPageSiteKey;
  /** Pure URL predicate: is this URL a page of this kind? */
  isPage: (url: URL) => boolean;
  /** The paper id the URL names, known before the DOM is parsed. */
  idFromUrl: (url: URL) => string | null;
  /** The paper the document shows, or null when the DOM is not one we recognise. */
  extract: (doc: Document, url: URL) => PagePaper | null;
  /** The element the card is inserted right after (the abstract), or null. */
  cardAnchor: (doc: Document) => Element | null;
  /** HTTP statuses by which the site says the paper does not exist (none: a 404 may be a real paper it lacks). */
  noSuchPaperStatuses: readonly number[];
  /** The page shows the paper's Hugging Face upvotes itself, live: the card leaves out the feed's count (an older one beside it). */
  showsOwnUpvotes?: true;
}

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

/** What a page's extractor reads: a PagePaper before its text is bounded and its links checked. */
export type PageReading = Omit<PagePaper, 'codeLinks' | 'projectPage'> & {
  codeLinks?: readonly (string | null | undefined)[];
  /** The page's links with the text before each, of which the first project page is kept (projectPageHref). */
  links?: readonly PageLink[];
};

/** A link of the page's text and the words before it ("Project page: this https URL"). */
export interface PageLink {
  href: string | null;
  before: string;
}
