import type { SearchDocument } from '../../../src/search/search-index';

/** A paper for the store search known by its title (and authors) alone. */
export const titleDocument = (id: string, title: string, authors = ''): SearchDocument => ({
  id,
  title,
  text: '',
  authors,
  names: '',
  row: JSON.stringify({ title, tldr: '', topics: [], rank: null, snapshot: null }),
});
