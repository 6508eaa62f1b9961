import { describe, expect, test } from 'vitest';
import { liveRanking, shownRank } from '../../../src/db/ranking';

const HOUR = 3_600_000;
const list = { day: '2026-11-30', ids: ['2411.00001', '2411.00002'], fetchedAt: 10 * HOUR };
const rankIn = (lists: Parameters<typeof liveRanking>[0], id: string, now = 10 * HOUR) => shownRank(id, { rank: null, snapshot: null }, liveRanking(lists, now));

describe('ranks from the daily-papers feed', () => {
  test('a list fetched in the last day is "Live"; an older one (feed off or failing) is just its day', () => {
    expect(rankIn([list], '2411.00001', 10 * HOUR).snapshot).toBe('Live · 2026-11-30');
    expect(rankIn([list], '2411.00001', 33 * HOUR).snapshot).toBe('Live · 2026-11-30');
    expect(rankIn([list], '2411.00001', 35 * HOUR).snapshot).toBe('2026-11-30');
  });

  test("the live list's rank outranks the bundled snapshot's, for the papers it lists", () => {
    const live = liveRanking([list], 10 * HOUR);
    expect(shownRank('2411.00002', { rank: 7, snapshot: '2025-07-30' }, live)).toEqual({ rank: 2, snapshot: 'Live · 2026-11-30' });
    expect(shownRank('2310.01779', { rank: 1, snapshot: '2025-07-30' }, live)).toEqual({ rank: 1, snapshot: '2025-07-30' });
  });

  test('a list whose feed had items that could not be read keeps the places the feed gave its papers', () => {
    expect(rankIn([{ ...list, ranks: [1, 3] }], '2411.00002')).toEqual({ rank: 3, snapshot: 'Live · 2026-11-30' });
  });

  test("QA: a paper off today's list shows its rank in the newest earlier day listing it (not the year-old snapshot's, nor none), by that day, not as live", () => {
    const today = { day: '2026-12-07', ids: ['2412.00009', '2411.00002'], fetchedAt: 10 * HOUR };
    const yesterday = { day: '2026-12-06', ids: ['2412.00001', '2411.00003', '2411.00002', '2310.01779'], fetchedAt: 9 * HOUR };
    const lastWeek = { day: '2026-11-30', ids: ['2411.00003'], fetchedAt: 2 * HOUR };
    const live = liveRanking([today, yesterday, lastWeek], 10 * HOUR);
    expect(shownRank('2411.00002', { rank: null, snapshot: null }, live)).toEqual({ rank: 2, snapshot: 'Live · 2026-12-07' });
    expect(shownRank('2411.00003', { rank: null, snapshot: null }, live)).toEqual({ rank: 2, snapshot: '2026-12-06' });
    expect(shownRank('2310.01779', { rank: 1, snapshot: '2025-07-30' }, live)).toEqual({ rank: 4, snapshot: '2026-12-06' });
    expect(shownRank('2401.00001', { rank: 5, snapshot: '2025-07-30' }, live)).toEqual({ rank: 5, snapshot: '2025-07-30' });
  });
});
