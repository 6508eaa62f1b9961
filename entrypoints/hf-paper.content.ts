import { hfPaper } from '../src/sites/hf-paper';
import { runCardController } from '../src/ui/card-controller';
import { markScriptRunning } from '../src/sites/open-tabs';

export default defineContentScript({
  // All of /papers*: the site navigates client-side from its lists to paper pages.
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_end',
  main: (ctx) => {
    markScriptRunning(import.meta.env.ENTRYPOINT);
    runCardController(ctx, hfPaper);
  },
});
