import { hfPaper } from '../src/sites/hf-paper';
import { startCardPrefetch } from '../src/ui/card-prefetch';
import { answerPagePaper } from '../src/messaging/page-paper';
import { holdBadgeRoom } from '../src/ui/badges/badge-room';
import { HF_LIST_TITLES, isHfListPage } from '../src/sites/hf-list';
import { markScriptRunning } from '../src/sites/open-tabs';

// Small and first: asks the store about this paper before the page is parsed; the card's script
// (hf-paper.content.ts) runs once it is, so it does not delay the page's first paint.
export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_start',
  main: (ctx) => {
    markScriptRunning(import.meta.env.ENTRYPOINT);
    const settings = startCardPrefetch(hfPaper);
    // Answers the background about the page's paper once it is parsed: here, not in the card's
    // script, since this one carries the site's reader (extract) anyway.
    answerPagePaper(ctx, hfPaper);
    // The document-start script of all of /papers*: on a list, it holds the badges' room
    // (hf-list.content.ts badges it once the page is parsed).
    if (isHfListPage(new URL(location.href))) holdBadgeRoom(HF_LIST_TITLES, 'hfList', settings);
  },
});
