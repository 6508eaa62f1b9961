import { runPdfTabTitle } from '../src/ui/pdf-tab-title';
import { markScriptRunning } from '../src/sites/open-tabs';

export default defineContentScript({
  matches: ['https://arxiv.org/pdf/*'],
  runAt: 'document_end',
  main: (ctx) => {
    markScriptRunning(import.meta.env.ENTRYPOINT);
    runPdfTabTitle(ctx);
  },
});
