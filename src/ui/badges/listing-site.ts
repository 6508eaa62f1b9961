/** Performance marks (on the page's timeline, for benchmarks): the listing script started; a batch of badges shows the store's answers. */
export const LISTING_START_MARK = 'paperlens:listing-start';
export const LISTING_READY_MARK = 'paperlens:listing-ready';

/** A feed paper's upvotes as a card or badge shows them: none on a site that shows its own, live (showsOwnUpvotes). */
export function shownUpvotes(site: { showsOwnUpvotes?: true }, upvotes: number | null): number | null {
  return site.showsOwnUpvotes ? null : upvotes;
}
