import { arxivAbs } from '../src/sites/arxiv-abs';
import { startCardPrefetch } from '../src/ui/card-prefetch';
import { answerPagePaper } from '../src/messaging/page-paper';
import { markScriptRunning } from '../src/sites/open-tabs';

// Small and first: asks the store about this paper before the page is parsed; the card's script
// (arxiv-abs.content.ts) runs once it is, so it does not delay the page's first paint.
export default defineContentScript({
  matches: ['https://arxiv.org/abs/*'],
  runAt: 'document_start',
  main: (ctx) => {
    markScriptRunning(import.meta.env.ENTRYPOINT);
    startCardPrefetch(arxivAbs);
    // Answers the background about the page's paper once it is parsed: here, not in the card's
    // script, since this one carries the site's reader (extract) anyway.
    answerPagePaper(ctx, arxivAbs);
  },
});
