import type { PaperLensDatabase } from '../../db/database';
import { lacksPageDetails, readArxivFillQueue } from '../../db/feed';
import { readableSaved } from '../../db/saved-rows';
import { ARXIV_REQUEST_GAP_MS } from '../../feed/arxiv-fill';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';
import type { ArxivFillQueue, SavedItem } from '../../schema';
import { grouped } from '../count';
import { useLiveQuery } from '../live-query';
import { describeTime } from '../time';
import { useSettings } from '../use-settings';

type FillState = { waiting: number; kind: 'off' | 'held' | 'reading' };

/** A paper its arXiv page would complete: the page's details, or a TL;DR, missing. */
const waitsForPage = (item: SavedItem) => lacksPageDetails(item) || item.tldr === '';

// Papers removed while they waited stay in the queue until the worker comes to them: a few of its
// first are enough to tell a queue of listed papers from one holding only those.
const LOOKED_UP_AT_OPEN = 20;

/** Whether listed papers wait for their arXiv pages as the reading list opens (their line's place is kept until it is counted). */
export async function waitingAtOpen(db: PaperLensDatabase): Promise<boolean> {
  const queue = await readArxivFillQueue(db);
  const rows = await db.saved.bulkGet(queue.ids.slice(0, LOOKED_UP_AT_OPEN));
  return readableSaved(rows.filter((row) => row !== undefined)).items.some(waitsForPage);
}

/** How many of the listed papers lacking what a page gives wait in the queue, and why they wait. */
function fillState(queue: ArxivFillQueue, lacking: ReadonlySet<string>, completeFromArxiv: boolean, now: number): FillState | null {
  const waiting = queue.ids.filter((id) => lacking.has(id)).length;
  if (waiting === 0) return null;
  return { waiting, kind: !completeFromArxiv ? 'off' : queue.retryAt !== null && queue.retryAt > now ? 'held' : 'reading' };
}

/**
 * What the line says of the saved papers waiting for their arXiv pages (title, authors, TL;DR),
 * or null when none does: a library imported while arXiv could not be reached showed "No TL;DR" on
 * 342 of 400 rows, and nothing said why or that they would come (QA). `lacking`: the listed papers
 * that still lack what a page gives (one whose page was opened meanwhile waits no more: review).
 */
export function arxivFillText(queue: ArxivFillQueue, lacking: ReadonlySet<string>, completeFromArxiv: boolean, now: number): string | null {
  const state = fillState(queue, lacking, completeFromArxiv, now);
  if (state === null) return null;
  const { waiting, kind } = state;
  const papers = `${waiting === 1 ? 'One saved paper waits for its' : `${grouped(waiting)} saved papers wait for their`} details from arXiv (title, authors, TL;DR)`;
  if (kind === 'off') return `${papers}: “Complete papers from arXiv” is off in settings.`;
  if (kind === 'held') {
    return `${papers}: ${queue.failure ? `the last request failed (${queue.failure})` : 'the last request failed'}. Asking again ${describeTime(queue.retryAt!, now)}.`;
  }
  if (waiting === 1) return `${papers}: reading it now.`;
  const minutes = Math.ceil((waiting * ARXIV_REQUEST_GAP_MS) / 60_000);
  return `${papers}: reading them one every ${ARXIV_REQUEST_GAP_MS / 1000} seconds, as arXiv asks${minutes > 1 ? ` (about ${minutes} min)` : ''}.`;
}

/**
 * The reading list's line about the papers waiting for their arXiv pages, of `items` (the whole list;
 * undefined while it is read). Plain text, not a live region: its count changes with every paper
 * read, every 3 seconds (review).
 */
export function ArxivFillStatus({ db, items, waitedAtOpen }: { db: PaperLensDatabase; items: readonly SavedItem[] | undefined; waitedAtOpen: boolean }) {
  const queue = useLiveQuery(() => readArxivFillQueue(db), []).value;
  const settings = useSettings();
  const lacking = useMemo(() => new Set((items ?? []).filter(waitsForPage).map((item) => item.id)), [items]);
  // Drawn again when the retry time comes, so "Asking again at 03:34" is not left up past it.
  const [, setRetryCame] = useState(0);
  const retryAt = queue?.retryAt ?? null;
  useEffect(() => {
    if (retryAt === null || retryAt <= Date.now()) return;
    const timer = setTimeout(() => setRetryCame(retryAt), retryAt - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [retryAt]);
  const reading = queue !== undefined && settings !== null && fillState(queue, lacking, settings.completeFromArxiv, Date.now())?.kind === 'reading';
  // A worker stopped mid-queue goes on with it when it starts again: any message starts it.
  useEffect(() => {
    if (reading) void sendRequest({ type: 'health' }).catch(() => undefined);
  }, [reading]);
  // Until the whole list is read (`items`), the line's place is kept if papers waited when the page opened.
  if (!items || !queue || !settings) return waitedAtOpen ? <p class="hint arxiv-fill" aria-hidden="true" /> : null;
  const text = arxivFillText(queue, lacking, settings.completeFromArxiv, Date.now());
  return (
    text && (
      <p class="hint arxiv-fill" data-testid="arxiv-fill-status">
        {text}
      </p>
    )
  );
}
