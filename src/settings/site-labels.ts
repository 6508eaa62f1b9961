import type { SiteKey } from '../schema/settings';

/** Each site switch in the reader's words, as the options page labels it and other pages name it. */
export const SITE_LABELS: Record<SiteKey, string> = {
  arxivAbs: 'arXiv abstract pages',
  hfPaper: 'Hugging Face paper pages',
  arxivListing: 'arXiv listings and search',
  hfList: 'Hugging Face paper lists',
};
