import { arxivAbs } from '../src/sites/arxiv-abs';
import { runCardController } from '../src/ui/card-controller';

export default defineContentScript({
  matches: ['https://arxiv.org/abs/*'],
  runAt: 'document_end',
  main: (ctx) => runCardController(ctx, arxivAbs),
});
