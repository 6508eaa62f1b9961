import type { ReadingStatus } from '../schema';

export const STATUS_ORDER: readonly ReadingStatus[] = ['to-read', 'reading', 'read'];

export const STATUS_LABELS: Record<ReadingStatus, string> = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
};

/** How long "Removed · Undo" stays offered (card, popup, reading list and badges alike). */
export const UNDO_MS = 10_000;
