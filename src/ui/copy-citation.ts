import { errorMessage } from '../messaging/error-message';
import { useTimedOffer } from './timed-offer';

// How long "BibTeX copied" shows.
const COPIED_MS = 2_500;

/**
 * "Copy BibTeX" (card and popup): puts `citation()` on the clipboard. Gives what to show after
 * ("BibTeX copied" for a moment, else null) and the copy itself; a failure goes to `showError`.
 */
export function useCopyCitation(citation: () => Promise<string>, showError: (message: string | null) => void): [string | null, () => Promise<void>] {
  const [copied, showCopied] = useTimedOffer<string>(COPIED_MS);
  const copy = async () => {
    showError(null);
    try {
      await navigator.clipboard.writeText(await citation());
      showCopied('BibTeX copied');
    } catch (failure) {
      showCopied(null);
      showError(`BibTeX not copied: ${errorMessage(failure)}`);
    }
  };
  return [copied, copy];
}
