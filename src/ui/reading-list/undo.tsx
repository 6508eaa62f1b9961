import { useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';
import type { SavedItem } from '../../schema';
import { errorMessage } from '../../messaging/error-message';
import { useTimedOffer } from '../timed-offer';

interface Offer {
  message: string;
  /** Puts back what the change changed. */
  revert: () => Promise<unknown>;
}

export interface Undo {
  offer: Offer | null;
  /** Removes items from the reading list (asking nothing) and offers to put them back. */
  remove: (ids: string[]) => Promise<void>;
  /** Offers to revert a change just made (a bulk status or tag edit), saying what it did. */
  offerRevert: (message: string, revert: () => Promise<unknown>) => void;
  undo: () => Promise<void>;
  dismiss: () => void;
  error: string | null;
}

function removedMessage(items: readonly SavedItem[]): string {
  return items.length === 1 ? `Removed “${items[0]!.title}”` : `Removed ${items.length} papers`;
}

/**
 * Remove without a question, with a short-lived undo that restores the exact items removed; and
 * the same short-lived undo for other edits of many papers at once.
 */
export function useUndoableEdits(): Undo {
  const [offer, setOffer, withdraw] = useTimedOffer<Offer>();
  const [error, setError] = useState<string | null>(null);
  const dismiss = () => setOffer(null);

  return {
    offer,
    error,
    dismiss,
    remove: async (ids) => {
      setError(null);
      try {
        const items = await sendRequest({ type: 'removeSaved', ids });
        if (items.length === 0) return;
        setOffer({ message: removedMessage(items), revert: () => sendRequest({ type: 'restoreSaved', items }) });
      } catch (failure) {
        setError(`Could not remove: ${errorMessage(failure)}`);
      }
    },
    offerRevert: (message, revert) => {
      setError(null);
      setOffer({ message, revert });
    },
    undo: async () => {
      if (!offer) return;
      const restoring = offer;
      try {
        await restoring.revert();
        withdraw(restoring);
      } catch (failure) {
        setError(`Could not undo: ${errorMessage(failure)}`);
      }
    },
  };
}

/** "Removed … · Undo", announced to screen readers. */
export function UndoBar({ undo }: { undo: Undo }) {
  if (!undo.offer && !undo.error) return null;
  return (
    <div class="undo-bar" role="status" data-testid="undo-bar">
      {undo.offer && (
        <>
          <span class="undo-message">{undo.offer.message}</span>
          <button type="button" data-testid="undo" onClick={() => void undo.undo()}>
            Undo
          </button>
          <button type="button" class="undo-close" aria-label="Dismiss" onClick={undo.dismiss}>
            ×
          </button>
        </>
      )}
      {undo.error && (
        <span class="error" role="alert">
          {undo.error}
        </span>
      )}
    </div>
  );
}
