import { useState } from 'preact/hooks';
import type { PaperLensDatabase } from '../../db/database';
import { REMOVED_KEPT_MS } from '../../db/removed';
import { sendRequest } from '../../messaging/client';
import { errorMessage } from '../../messaging/error-message';
import { RemovedItemSchema, type RemovedItem } from '../../schema';
import { useLiveQuery } from '../live-query';
import { describeWhen } from '../time';

// The newest shown (the store keeps up to 2,000 for a save to bring back).
const SHOWN = 100;

/** The newest papers removed in the last 30 days, read as the store keeps them (a row that does not parse is left out). */
async function recentlyRemoved(db: PaperLensDatabase, now: number): Promise<{ items: RemovedItem[]; total: number }> {
  const since = now - REMOVED_KEPT_MS;
  const [rows, total] = await Promise.all([db.removed.where('removedAt').aboveOrEqual(since).reverse().limit(SHOWN).toArray(), db.removed.where('removedAt').aboveOrEqual(since).count()]);
  const items = rows.flatMap((row) => {
    const parsed = RemovedItemSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
  return { items, total };
}

/**
 * "Recently removed": the papers removed from the list in the last 30 days, each with Restore,
 * for when the Undo went with the popup or the page a removal was made on. Always there, even
 * empty or still read: a line coming above the list would move the rows under the reader.
 */
export function RecentlyRemoved({ db }: { db: PaperLensDatabase }) {
  const removed = useLiveQuery(() => recentlyRemoved(db, Date.now()), []).value;
  const [problem, setProblem] = useState<string | null>(null);
  const restore = async ({ removedAt: _removedAt, ...item }: RemovedItem) => {
    setProblem(null);
    try {
      const { changed } = await sendRequest({ type: 'restoreSaved', items: [item], expected: null });
      if (changed === 0) setProblem(`“${item.title}” is in your list again.`);
    } catch (failure) {
      setProblem(`Not restored: ${errorMessage(failure)}`);
    }
  };
  const now = Date.now();
  return (
    <details class="recently-removed" data-testid="recently-removed">
      <summary>Recently removed{removed && ` (${removed.total.toLocaleString('en')})`}</summary>
      {removed?.total === 0 && <p class="muted">No paper was removed in the last 30 days.</p>}
      <ul>
        {removed?.items.map((item) => (
          <li key={item.id} data-testid="removed-item" data-arxiv-id={item.id}>
            <span dir="auto">{item.title}</span> <span class="hint">· removed {describeWhen(item.removedAt, now)}</span>{' '}
            <button type="button" data-testid="restore-removed" aria-label={`Restore “${item.title}”`} onClick={() => void restore(item)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </details>
  );
}
