import { arxivHtml } from '../src/sites/arxiv-html';
import { startCardPrefetch } from '../src/ui/card-prefetch';
import { answerPagePaper } from '../src/messaging/page-paper';
import { markScriptRunning } from '../src/sites/open-tabs';

// Small and first, as on the abstract page (arxiv-abs-start.content.ts): asks the store about the
// paper before the page is parsed; the card's script (arxiv-html.content.ts) takes the answer.
export default defineContentScript({
  matches: ['https://arxiv.org/html/*'],
  runAt: 'document_start',
  main: (ctx) => {
    markScriptRunning(import.meta.env.ENTRYPOINT);
    startCardPrefetch(arxivHtml);
    answerPagePaper(ctx, arxivHtml);
  },
});
