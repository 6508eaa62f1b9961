import { hfPaper } from '../src/sites/hf-paper';
import { startCardPrefetch } from '../src/ui/card-prefetch';

// Small and first: asks the store about this paper before the page is parsed; the card's script
// (hf-paper.content.ts) runs once it is, so it does not delay the page's first paint.
export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_start',
  main: () => startCardPrefetch(hfPaper),
});
