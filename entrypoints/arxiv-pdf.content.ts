import { runPdfTabTitle } from '../src/ui/pdf-tab-title';

export default defineContentScript({
  matches: ['https://arxiv.org/pdf/*'],
  runAt: 'document_end',
  main: (ctx) => runPdfTabTitle(ctx),
});
