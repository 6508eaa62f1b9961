import { arxivListing } from '../src/sites/arxiv-listing';
import { runBadgeController } from '../src/ui/badges/controller';
import { answerListedPaper } from '../src/messaging/page-paper';
import { markScriptRunning } from '../src/sites/open-tabs';

export default defineContentScript({
  matches: ['https://arxiv.org/list/*', 'https://arxiv.org/catchup*', 'https://arxiv.org/search/*', 'https://arxiv.org/a/*'],
  // After parsing: listings are server-rendered, and ids are read from the finished DOM in one pass.
  runAt: 'document_end',
  main: (ctx) => {
    markScriptRunning(import.meta.env.ENTRYPOINT);
    answerListedPaper(ctx, arxivListing, runBadgeController(ctx, arxivListing));
  },
});
