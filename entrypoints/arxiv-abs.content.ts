import { arxivAbs } from '../src/sites/arxiv-abs';
import { runCardController } from '../src/ui/card-controller';
import { answerPagePaper } from '../src/messaging/page-paper';

export default defineContentScript({
  matches: ['https://arxiv.org/abs/*'],
  runAt: 'document_end',
  main: (ctx) => {
    runCardController(ctx, arxivAbs);
    answerPagePaper(ctx, arxivAbs);
  },
});
