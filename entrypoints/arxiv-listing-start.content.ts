import { startListingPrefetch } from '../src/ui/badges/listing-prefetch';
import { holdBadgeRoom } from '../src/ui/badges/badge-room';
import { ARXIV_LISTING_TITLES } from '../src/sites/arxiv-listing';
import { markScriptRunning } from '../src/sites/open-tabs';

// Small and first: reads the settings before the page is parsed, so the listing's script
// (arxiv-listing.content.ts) can badge a 2,000-entry page as soon as it starts, and holds the
// badges' room so that the entries painted before then do not move when they come.
export default defineContentScript({
  matches: ['https://arxiv.org/list/*', 'https://arxiv.org/catchup*', 'https://arxiv.org/search/*', 'https://arxiv.org/a/*'],
  runAt: 'document_start',
  main: () => {
    markScriptRunning(import.meta.env.ENTRYPOINT);
    holdBadgeRoom(ARXIV_LISTING_TITLES, 'arxivListing', startListingPrefetch());
  },
});
