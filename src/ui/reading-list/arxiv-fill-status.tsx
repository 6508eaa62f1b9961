import type { PaperLensDatabase } from '../../db/database';
import { readArxivFillQueue } from '../../db/feed';
import { ARXIV_REQUEST_GAP_MS } from '../../feed/arxiv-fill';
import { useMemo } from 'preact/hooks';
import type { ArxivFillQueue, SavedItem } from '../../schema';
import { grouped } from '../count';
import { useLiveQuery } from '../live-query';
import { describeTime } from '../time';
import { useSettings } from '../use-settings';

/**
 * What the line says of the saved papers waiting for their arXiv pages (title, authors, TL;DR),
 * or null when none does: a library imported while arXiv could not be reached showed "No TL;DR" on
 * 342 of 400 rows, and nothing said why or that they would come (QA).
 */
export function arxivFillText(queue: ArxivFillQueue, listed: ReadonlySet<string>, completeFromArxiv: boolean, now: number): string | null {
  const waiting = queue.ids.filter((id) => listed.has(id)).length;
  if (waiting === 0) return null;
  const papers = `${waiting === 1 ? 'One saved paper waits for its' : `${grouped(waiting)} saved papers wait for their`} details from arXiv (title, authors, TL;DR)`;
  if (!completeFromArxiv) return `${papers}: “Complete papers from arXiv” is off in settings.`;
  if (queue.retryAt !== null && queue.retryAt > now) {
    return `${papers}: ${queue.failure ? `the last request failed (${queue.failure})` : 'the last request failed'}. Asking again ${describeTime(queue.retryAt, now)}.`;
  }
  if (waiting === 1) return `${papers}: reading it now.`;
  const minutes = Math.ceil((waiting * ARXIV_REQUEST_GAP_MS) / 60_000);
  return `${papers}: reading them one every ${ARXIV_REQUEST_GAP_MS / 1000} seconds, as arXiv asks${minutes > 1 ? ` (about ${minutes} min)` : ''}.`;
}

/** The reading list's line about the papers waiting for their arXiv pages. */
export function ArxivFillStatus({ db, items }: { db: PaperLensDatabase; items: readonly SavedItem[] }) {
  const queue = useLiveQuery(() => readArxivFillQueue(db), []).value;
  const settings = useSettings();
  const listed = useMemo(() => new Set(items.map((item) => item.id)), [items]);
  if (!queue || !settings) return null;
  const text = arxivFillText(queue, listed, settings.completeFromArxiv, Date.now());
  return (
    text && (
      <p class="hint arxiv-fill" role="status" data-testid="arxiv-fill-status">
        {text}
      </p>
    )
  );
}
