import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperLensDatabase } from '../../db/database';
import { REMOVED_KEPT_MS } from '../../db/removed';
import { sendRequest } from '../../messaging/client';
import { errorMessage } from '../../messaging/error-message';
import { RemovedItemSchema, type RemovedItem } from '../../schema';
import { useLiveQuery } from '../live-query';
import { describeTime, describeWhen } from '../time';
import { countOf, grouped } from '../count';

// The newest papers listed by title, and the newest removals listed (each with its Restore all):
// the store keeps far more (a bulk delete of the whole list), read a few at a time.
const PAPERS_SHOWN = 100;
const REMOVALS_SHOWN = 100;

/** One removal: the papers removed together (one click, one bulk delete), those of them listed by title. */
interface Removal {
  removedAt: number;
  count: number;
  items: RemovedItem[];
}

interface Removed {
  removals: Removal[];
  /** All the papers kept, and how many of them are listed by title. */
  total: number;
  listed: number;
  /** Whether older removals are left out. */
  more: boolean;
}

function parsed(rows: readonly unknown[]): RemovedItem[] {
  return rows.flatMap((row) => {
    const parsed = RemovedItemSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The papers removed in the last 30 days as the store keeps them, by removal, newest first: the
 * newest PAPERS_SHOWN by title (a row that does not parse is left out), each removal with its size.
 */
async function recentlyRemoved(db: PaperLensDatabase, now: number): Promise<Removed> {
  const since = now - REMOVED_KEPT_MS;
  const recent = () => db.removed.where('removedAt').aboveOrEqual(since).reverse();
  const [rows, total] = await Promise.all([recent().limit(PAPERS_SHOWN).toArray(), recent().count()]);
  const items = parsed(rows);
  // All read (the usual case): each removal's size is in hand. Else the removals are read by their
  // time, and each counted.
  const all = rows.length === total;
  const times = all ? [...new Set(rows.map((row) => row.removedAt))] : (await recent().limit(REMOVALS_SHOWN + 1).uniqueKeys()).map(Number);
  const removals = await Promise.all(
    times.slice(0, REMOVALS_SHOWN).map(async (removedAt): Promise<Removal> => {
      const together = db.removed.where('removedAt').equals(removedAt);
      const count = all ? rows.filter((row) => row.removedAt === removedAt).length : await together.count();
      const shown = items.filter((item) => item.removedAt === removedAt);
      // A paper removed on its own before the newest papers: by its title all the same.
      return { removedAt, count, items: shown.length === 0 && count === 1 ? parsed(await together.toArray()) : shown };
    }),
  );
  return { removals, total, listed: removals.reduce((sum, removal) => sum + removal.items.length, 0), more: times.length > REMOVALS_SHOWN };
}


/**
 * "Recently removed": the papers removed from the list in the last 30 days, by removal, for when
 * the Undo went with the popup or the page a removal was made on: each paper with its Restore, and
 * each removal of several (a bulk delete) with Restore all. Always there, even empty or still read:
 * a line coming above the list would move the rows under the reader.
 */
export function RecentlyRemoved({ db, restored }: { db: PaperLensDatabase; restored: (isRestored: (item: RemovedItem) => boolean) => void }) {
  const removed = useLiveQuery(() => recentlyRemoved(db, Date.now()), []).value;
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  // Read at the click, not at the last render: a double click must not send a second restore.
  const busyNow = useRef(false);
  const box = useRef<HTMLDetailsElement>(null);
  // The Restore button pressed, and its place among them: once the restored papers leave the list,
  // the focus goes to the Restore now in that place (else the one before it, else the summary), not to the page's start.
  const pressed = useRef<{ button: HTMLElement; index: number } | null>(null);

  const refocus = () => {
    const was = pressed.current;
    if (!was || was.button.isConnected) return;
    pressed.current = null;
    if (!box.current?.contains(document.activeElement) && document.activeElement !== document.body) return;
    const buttons = [...(box.current?.querySelectorAll<HTMLElement>('[data-restore]') ?? [])];
    (buttons[Math.min(was.index, buttons.length - 1)] ?? box.current?.querySelector('summary'))?.focus();
  };
  useEffect(refocus, [removed]);

  /** Runs `restore`, which answers what to say (null: it said why not) and which removed papers are listed again. */
  const restoring = async (button: HTMLElement, restore: () => Promise<{ said: string | null; isRestored: (item: RemovedItem) => boolean }>) => {
    if (busyNow.current) return;
    busyNow.current = true;
    setProblem(null);
    setDone('');
    setBusy(true);
    const buttons = [...(box.current?.querySelectorAll('[data-restore]') ?? [])];
    pressed.current = { button, index: buttons.indexOf(button) };
    try {
      const { said, isRestored } = await restore();
      restored(isRestored);
      if (said !== null) setDone(said);
      refocus();
    } catch (failure) {
      pressed.current = null;
      setProblem(`Not restored: ${errorMessage(failure)}`);
    } finally {
      busyNow.current = false;
      setBusy(false);
    }
  };

  // The store puts back the copy it keeps, and only the one shown: one kept since (the paper
  // restored elsewhere, a note written, and removed again) holds what this row does not show yet.
  const restoreOne = (button: HTMLElement, item: RemovedItem) =>
    restoring(button, async () => {
      const { changed } = await sendRequest({ type: 'undoRemoval', removals: [{ id: item.id, removedAt: item.removedAt }] });
      const isRestored = (other: RemovedItem) => changed > 0 && other.id === item.id && other.removedAt === item.removedAt;
      if (changed > 0) return { said: `Restored “${item.title}”.`, isRestored };
      pressed.current = null;
      setProblem(`“${item.title}” was not restored: it is in your list again, or was removed again since (this list shows it as it is now).`);
      return { said: null, isRestored };
    });

  // The whole removal in one step, read and put back by the background (not the few listed here).
  const restoreAll = (button: HTMLElement, removal: Removal) =>
    restoring(button, async () => {
      const { changed, listed } = await sendRequest({ type: 'restoreRemoved', removedAt: removal.removedAt });
      // Every paper of the removal is listed now: put back, or in the list again already.
      const isRestored = (item: RemovedItem) => item.removedAt === removal.removedAt;
      // Put back meanwhile from another tab, or by the removal's Undo.
      if (changed === 0 && listed === 0) return { said: 'Nothing left to restore: these papers were put back already.', isRestored };
      const again = listed === 0 ? '' : ` ${listed === 1 ? 'One was' : `${grouped(listed)} were`} in your list again, and left as ${listed === 1 ? 'it is' : 'they are'}.`;
      return { said: `Restored ${countOf(changed, 'paper')}.${again}`, isRestored };
    });

  const now = Date.now();
  const paper = (item: RemovedItem, alone: boolean) => (
    <li key={item.id} data-testid="removed-item" data-arxiv-id={item.id}>
      <span dir="auto">{item.title}</span>
      {alone && <span class="hint"> · removed {describeWhen(item.removedAt, now)}</span>}{' '}
      <button type="button" data-restore data-testid="restore-removed" aria-disabled={busy} aria-label={`Restore “${item.title}”`} onClick={(event) => void restoreOne(event.currentTarget, item)}>
        Restore
      </button>
    </li>
  );
  return (
    <details class="recently-removed" data-testid="recently-removed" ref={box}>
      <summary>Recently removed{removed && ` (${grouped(removed.total)})`}</summary>
      {removed?.total === 0 && <p class="muted">No paper was removed in the last 30 days.</p>}
      {removed && removed.listed < removed.total && (
        <p class="muted" data-testid="removed-shown">
          Listed by title: {grouped(removed.listed)} of the {countOf(removed.total, 'paper')}, the newest first. Restore all puts back a whole removal.
          {removed.more && ' Older removals are listed once newer ones are restored.'}
        </p>
      )}
      <ul>
        {removed?.removals.map((removal) => {
          if (removal.count === 1 && removal.items.length === 1) return paper(removal.items[0]!, true);
          const when = `${describeWhen(removal.removedAt, now)}, ${describeTime(removal.removedAt, now)}`;
          const rest = removal.count - removal.items.length;
          return (
            <li key={`removal-${removal.removedAt}`} class="removal" data-testid="removal" data-removed-at={removal.removedAt}>
              <span class="removal-head">
                <span>
                  {countOf(removal.count, 'paper')} removed together {when}
                </span>{' '}
                <button
                  type="button"
                  data-restore
                  data-testid="restore-removal"
                  aria-disabled={busy}
                  aria-label={`Restore all ${countOf(removal.count, 'paper')} removed together ${when}`}
                  onClick={(event) => void restoreAll(event.currentTarget, removal)}
                >
                  Restore all {grouped(removal.count)}
                </button>
              </span>
              {removal.items.length > 0 && (
                <ul>
                  {removal.items.map((item) => paper(item, false))}
                  {rest > 0 && <li class="hint">and {grouped(rest)} more</li>}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {/* Always there, so a screen reader announces what a Restore did when it says it. */}
      <p class="hint" role="status" data-testid="removed-status">
        {done}
      </p>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </details>
  );
}
