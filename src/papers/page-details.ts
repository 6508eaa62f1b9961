import type { PagePaper } from '../schema';

/** What a save (and a citation) keeps of the page beyond its title: authors, date, ids and links. */
export function pageDetails(page: PagePaper): Pick<PagePaper, 'authors' | 'published' | 'primaryCategory' | 'doi' | 'journalRef' | 'pdfUrl'> {
  return { authors: page.authors, published: page.published, primaryCategory: page.primaryCategory, doi: page.doi, journalRef: page.journalRef, pdfUrl: page.pdfUrl };
}

/**
 * The page's own title when it is plain text: the paper's current title (arXiv keeps it up to
 * date; the store may hold an older one). Null when it holds TeX markup ($…$, \commands), which
 * only the background turns into text.
 */
export function plainPageTitle(page: Pick<PagePaper, 'title'>): string | null {
  return page.title !== '' && !/[$\\]/.test(page.title) ? page.title : null;
}
