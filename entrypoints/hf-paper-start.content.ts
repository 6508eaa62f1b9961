import { hfPaper } from '../src/sites/hf-paper';
import { startCardPrefetch } from '../src/ui/card-prefetch';
import { answerPagePaper } from '../src/messaging/page-paper';

// Small and first: asks the store about this paper before the page is parsed; the card's script
// (hf-paper.content.ts) runs once it is, so it does not delay the page's first paint.
export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_start',
  main: (ctx) => {
    startCardPrefetch(hfPaper);
    // Answers the background about the page's paper once it is parsed: here, not in the card's
    // script, since this one carries the site's reader (extract) anyway.
    answerPagePaper(ctx, hfPaper);
  },
});
