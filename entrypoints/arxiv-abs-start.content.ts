import { arxivAbs } from '../src/sites/arxiv-abs';
import { startCardPrefetch } from '../src/ui/card-prefetch';

// Small and first: asks the store about this paper before the page is parsed; the card's script
// (arxiv-abs.content.ts) runs once it is, so it does not delay the page's first paint.
export default defineContentScript({
  matches: ['https://arxiv.org/abs/*'],
  runAt: 'document_start',
  main: () => startCardPrefetch(arxivAbs),
});
