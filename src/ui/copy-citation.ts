import { errorMessage } from '../messaging/error-message';
import { useTimedOffer } from './timed-offer';

// How long "BibTeX copied" shows.
const COPIED_MS = 2_500;

/**
 * Puts text on the clipboard as it comes, started in the click: a slow answer (a PDF tab's paper
 * completed from arXiv) keeps the click's permission, which Firefox gives for 5 s only. Where
 * the browser has no ClipboardItem, once the text has come.
 */
export async function writeWhenReady(text: Promise<string>): Promise<void> {
  if (typeof ClipboardItem !== 'function') return navigator.clipboard.writeText(await text);
  // The text's own failure is the one to tell (the write fails with it).
  await Promise.all([text, navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((value) => new Blob([value], { type: 'text/plain' })) })])]);
}

/**
 * "Copy BibTeX" (card and popup): puts `citation()` on the clipboard with `write`. Gives what to
 * show after ("BibTeX copied" for a moment, else null) and the copy itself; a failure goes to `showError`.
 */
export function useCopyCitation(
  citation: () => Promise<string>,
  showError: (message: string | null) => void,
  write = async (text: Promise<string>) => navigator.clipboard.writeText(await text),
): [string | null, () => Promise<void>] {
  const [copied, showCopied] = useTimedOffer<string>(COPIED_MS);
  const copy = async () => {
    showError(null);
    try {
      await write(citation());
      showCopied('BibTeX copied');
    } catch (failure) {
      showCopied(null);
      showError(`BibTeX not copied: ${errorMessage(failure)}`);
    }
  };
  return [copied, copy];
}
