/**
 * Points on the background worker's performance timeline, marked once per worker start: the card
 * benchmark reads them after each cold load to say where the time goes (worker start → script
 * evaluated → store open → first answer).
 */
export const WORKER_MARKS = {
  evaluated: 'paperlens:worker-evaluated',
  storeReady: 'paperlens:store-ready',
  firstReply: 'paperlens:first-reply',
} as const;

const marked = new Set<string>();

/** Marks `name` unless this worker already has (a worker lives for many messages). */
export function markOnce(name: (typeof WORKER_MARKS)[keyof typeof WORKER_MARKS]): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}
