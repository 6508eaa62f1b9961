import { hfList } from '../src/sites/hf-list';
import { runBadgeController } from '../src/ui/badges/controller';
import { answerListedPaper } from '../src/messaging/page-paper';
import { markScriptRunning } from '../src/sites/open-tabs';

export default defineContentScript({
  // All of /papers*: the site navigates client-side between its lists and paper pages; the
  // controller acts only while the URL is a list (paper pages are hf-paper's).
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_end',
  main: (ctx) => {
    markScriptRunning(import.meta.env.ENTRYPOINT);
    answerListedPaper(ctx, hfList, runBadgeController(ctx, hfList));
  },
});
