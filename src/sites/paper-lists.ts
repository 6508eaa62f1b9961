import { safeHref } from '../papers/ids';
import { arxivListing } from './arxiv-listing';
import { isHfListPage } from './hf-list';

/** Whether an address is a list of papers PaperLens badges: by the URL alone, no page is read. */
export function isPaperList(address: string | undefined): boolean {
  const href = safeHref(address);
  if (href === undefined) return false;
  const url = new URL(href);
  return arxivListing.isPage(url) || isHfListPage(url);
}
