import { useEffect, useRef, useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';
import { errorMessage } from '../../messaging/error-message';
import type { SavedItem } from '../../schema';

/** A note typed in a row that went before the note was written; `item`: the paper as the row last showed it. */
export interface LostNote {
  item: SavedItem;
  notes: string;
  reason: string;
}

/** `removed`: the paper was no longer listed when its note failed (removed elsewhere), not a write refused. */
export type UnsavedNote = LostNote & { removed: boolean };

/**
 * A note whose paper was removed elsewhere (the popup, a card, another tab) while it waited to be
 * written: the reader is told, sees the text, and can put the paper back with it (or, the paper
 * listed again meanwhile, write the note on it). `done(focused)`: whether the focus was in the bar.
 */
function LostNoteBar({ lost, listed, done }: { lost: UnsavedNote; listed: boolean; done: (focused: boolean) => void }) {
  const { item, notes, reason, removed } = lost;
  const [problem, setProblem] = useState<string | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  // The focus was in the note's field, which went with its row: it comes here, not to the page's start.
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body || !active.isConnected) keep.current?.focus();
  }, []);
  const finish = () => done(bar.current?.contains(document.activeElement) ?? false);
  const save = async () => {
    setProblem(null);
    try {
      // Back as it was removed, with the note; one saved again meanwhile keeps that save and gets the note.
      const restored = listed ? 0 : (await sendRequest({ type: 'restoreSaved', items: [{ ...item, notes, updatedAt: Date.now() }], expected: null })).changed;
      if (restored === 0) await sendRequest({ type: 'setNotes', id: item.id, notes });
      finish();
    } catch (failure) {
      setProblem(`Not saved: ${errorMessage(failure)}`);
    }
  };
  return (
    <div class="lost-note" ref={bar} data-testid="lost-note" role="group" aria-label={`Unsaved note on ${item.title}`}>
      <p role="alert" data-testid="lost-note-message">
        {removed ? `“${item.title}” was removed elsewhere before your note on it was saved${listed ? ', and is listed again' : ''}.` : `Your note on “${item.title}” was not saved: ${reason}.`}
      </p>
      <textarea data-testid="lost-note-text" readOnly dir="auto" rows={3} value={notes} aria-label={`Your unsaved note on ${item.title}`} />
      <div class="actions">
        <button type="button" class="primary" ref={keep} data-testid="lost-note-restore" onClick={() => void save()}>
          {listed ? 'Save the note' : 'Restore with the note'}
        </button>
        <button type="button" data-testid="lost-note-dismiss" onClick={finish}>
          Discard the note
        </button>
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function LostNotes({ lost, listed, done }: { lost: readonly UnsavedNote[]; listed: (id: string) => boolean; done: (lost: UnsavedNote, focused: boolean) => void }) {
  return (
    <>
      {lost.map((note) => (
        <LostNoteBar key={note.item.id} lost={note} listed={listed(note.item.id)} done={(focused) => done(note, focused)} />
      ))}
    </>
  );
}
