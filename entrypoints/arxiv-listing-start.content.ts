import { startListingPrefetch } from '../src/ui/badges/listing-prefetch';

// Small and first: reads the settings before the page is parsed, so the listing's script
// (arxiv-listing.content.ts) can badge a 2,000-entry page as soon as it starts.
export default defineContentScript({
  matches: ['https://arxiv.org/list/*', 'https://arxiv.org/catchup*', 'https://arxiv.org/search/*', 'https://arxiv.org/a/*'],
  runAt: 'document_start',
  main: () => startListingPrefetch(),
});
