import { arxivHtml } from '../src/sites/arxiv-html';
import { runCardController } from '../src/ui/card-controller';
import { markScriptRunning } from '../src/sites/open-tabs';

// Its own script rather than a second site in the abstract page's: each carries one page's reader,
// and the card scripts are near their size budget.
export default defineContentScript({
  matches: ['https://arxiv.org/html/*'],
  runAt: 'document_end',
  main: (ctx) => {
    markScriptRunning(import.meta.env.ENTRYPOINT);
    runCardController(ctx, arxivHtml);
  },
});
