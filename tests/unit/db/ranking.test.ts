import { describe, expect, test } from 'vitest';
import { liveRanking, shownRank } from '../../../src/db/ranking';

const HOUR = 3_600_000;
const list = { day: '2026-11-30', ids: ['2411.00001', '2411.00002'], fetchedAt: 10 * HOUR };

describe('ranks from the daily-papers feed', () => {
  test('a list fetched in the last day is "Live"; an older one (feed off or failing) is just its day', () => {
    expect(liveRanking(list, 10 * HOUR).label).toBe('Live · 2026-11-30');
    expect(liveRanking(list, 33 * HOUR).label).toBe('Live · 2026-11-30');
    expect(liveRanking(list, 35 * HOUR).label).toBe('2026-11-30');
  });

  test("the live list's rank outranks the bundled snapshot's, for the papers it lists", () => {
    const live = liveRanking(list, 10 * HOUR);
    expect(shownRank('2411.00002', { rank: 7, snapshot: '2025-07-30' }, live)).toEqual({ rank: 2, snapshot: 'Live · 2026-11-30' });
    expect(shownRank('2310.01779', { rank: 1, snapshot: '2025-07-30' }, live)).toEqual({ rank: 1, snapshot: '2025-07-30' });
  });

  test('a list whose feed had items that could not be read keeps the places the feed gave its papers', () => {
    const live = liveRanking({ ...list, ranks: [1, 3] }, 10 * HOUR);
    expect(shownRank('2411.00002', { rank: null, snapshot: null }, live)).toEqual({ rank: 3, snapshot: 'Live · 2026-11-30' });
  });
});
