import type { ReadingStatus, Request, SavedItem } from '../../../src/schema';

/**
 * 200 interleaved reading-list operations from four senders (three tabs and the popup): every
 * sender saves all 20 papers and tags each with its own tag; each sender also sets the status of
 * five papers and tags those. Within a sender, one paper's operations run in order (a chain); all
 * chains of all senders run at once. Every operation must end applied, whatever the interleaving.
 */
export const SENDERS = 4;
export const PAPERS = Array.from({ length: 20 }, (_, index) => `2401.${String(10_001 + index).padStart(5, '0')}`);
const STATUSES: readonly ReadingStatus[] = ['reading', 'read', 'to-read', 'read', 'reading'];

export function statusOf(index: number): ReadingStatus {
  return STATUSES[index % STATUSES.length]!;
}

/** For each sender, its chains: each chain is requests sent one after another. */
export function concurrencyPlan(): Request[][][] {
  return Array.from({ length: SENDERS }, (_, sender) =>
    PAPERS.map((id, index) => {
      const chain: Request[] = [
        { type: 'save', paper: { id, title: `Paper ${index}` } },
        { type: 'addTags', ids: [id], tags: [`from-${sender}`] },
      ];
      if (index % SENDERS === sender) {
        chain.push({ type: 'setStatus', id, status: statusOf(index) }, { type: 'addTags', ids: [id], tags: [`status-by-${sender}`] });
      }
      return chain;
    }),
  );
}

/** What does not match the plan's outcome in the final list (empty when every operation was applied). */
export function planViolations(items: readonly SavedItem[]): string[] {
  const problems: string[] = [];
  if (items.length !== PAPERS.length) problems.push(`${items.length} items, expected ${PAPERS.length}`);
  PAPERS.forEach((id, index) => {
    const item = items.find((candidate) => candidate.id === id);
    if (!item) {
      problems.push(`${id} missing`);
      return;
    }
    const owner = index % SENDERS;
    const wanted = [...Array.from({ length: SENDERS }, (_, sender) => `from-${sender}`), `status-by-${owner}`].sort();
    if (JSON.stringify([...item.tags].sort()) !== JSON.stringify(wanted)) problems.push(`${id} tags ${item.tags.join(',')}`);
    if (item.status !== statusOf(index)) problems.push(`${id} status ${item.status}, expected ${statusOf(index)}`);
    if ((item.status === 'read') !== (item.readAt !== null)) problems.push(`${id} readAt ${item.readAt} with status ${item.status}`);
  });
  return problems;
}

export const OPERATION_COUNT = concurrencyPlan().flat(2).length;
