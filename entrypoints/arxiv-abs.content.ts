import { arxivAbs } from '../src/sites/arxiv-abs';
import { runCardController } from '../src/ui/card-controller';
import { markScriptRunning } from '../src/sites/open-tabs';

export default defineContentScript({
  matches: ['https://arxiv.org/abs/*'],
  runAt: 'document_end',
  main: (ctx) => {
    markScriptRunning(import.meta.env.ENTRYPOINT);
    runCardController(ctx, arxivAbs);
  },
});
