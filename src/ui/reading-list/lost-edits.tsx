import { useEffect, useRef, useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';
import { errorMessage } from '../../messaging/error-message';
import { EDITED_ELSEWHERE, type SavedItem } from '../../schema';

/**
 * A note or tags typed in a row that went before they were written (either may be missing);
 * `item`: the paper as the row last showed it.
 */
export interface LostEdit {
  item: SavedItem;
  notes?: string;
  tags?: readonly string[];
  reason: string;
}

/** `removed`: the paper was no longer listed when its edit failed (removed elsewhere), not a write refused. */
export type UnsavedEdit = LostEdit & { removed: boolean };

/** A later edit lost on the same paper joins the earlier one: the latest note and the latest tags. */
export function joinLostEdits(earlier: LostEdit | undefined, later: LostEdit): LostEdit {
  return { ...later, notes: later.notes ?? earlier?.notes, tags: later.tags ?? earlier?.tags };
}

/**
 * A note or tags whose paper was removed elsewhere (the popup, a card, another tab) while they
 * waited to be written, or whose write was refused (another tab changed them meanwhile): the reader
 * is told, sees the text, and can put the paper back with them, or write them on the paper listed
 * (over the other tab's). `done(focused)`: whether the focus was in the bar.
 */
function LostEditBar({ lost, listed, done }: { lost: UnsavedEdit; listed: boolean; done: (focused: boolean) => void }) {
  const { item, notes, tags, reason, removed } = lost;
  const what = notes === undefined ? 'tags' : tags === undefined ? 'note' : 'note and tags';
  const were = what === 'note' ? 'was' : 'were';
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
      // Back as it was removed, with the edit; one saved again meanwhile keeps that save and gets the edit.
      const edited = { ...item, notes: notes ?? item.notes, tags: [...(tags ?? item.tags)], updatedAt: Date.now() };
      const restored = listed ? 0 : (await sendRequest({ type: 'restoreSaved', items: [edited], expected: null })).changed;
      if (restored === 0 && notes !== undefined) await sendRequest({ type: 'setNotes', id: item.id, notes }, true);
      if (restored === 0 && tags !== undefined) await sendRequest({ type: 'setTags', id: item.id, tags: [...tags] }, true);
      finish();
    } catch (failure) {
      setProblem(`Not saved: ${errorMessage(failure)}`);
    }
  };
  return (
    <div class="lost-note" ref={bar} data-testid="lost-note" role="group" aria-label={`Unsaved ${what} on ${item.title}`}>
      <p role="alert" data-testid="lost-note-message">
        {removed
          ? `“${item.title}” was removed elsewhere before your ${what} on it ${were} saved${listed ? ', and is listed again' : ''}.`
          : `Your ${what} on “${item.title}” ${were} not saved: ${reason === EDITED_ELSEWHERE ? `its ${what} ${were} ${reason}` : reason}.`}
      </p>
      {notes !== undefined && <textarea data-testid="lost-note-text" readOnly dir="auto" rows={3} value={notes} aria-label={`Your unsaved note on ${item.title}`} />}
      {tags !== undefined && <input type="text" data-testid="lost-note-tags" readOnly dir="auto" value={tags.join(', ')} aria-label={`Your unsaved tags on ${item.title}`} />}
      <div class="actions">
        <button type="button" class="primary" ref={keep} data-testid="lost-note-restore" onClick={() => void save()}>
          {listed ? `Save the ${what}` : `Restore with the ${what}`}
        </button>
        <button type="button" data-testid="lost-note-dismiss" onClick={finish}>
          Discard the {what}
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

export function LostEdits({ lost, listed, done }: { lost: readonly UnsavedEdit[]; listed: (id: string) => boolean; done: (lost: UnsavedEdit, focused: boolean) => void }) {
  return (
    <>
      {lost.map((edit) => (
        <LostEditBar key={edit.item.id} lost={edit} listed={listed(edit.item.id)} done={(focused) => done(edit, focused)} />
      ))}
    </>
  );
}
