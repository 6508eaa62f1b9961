import { expect, test } from 'vitest';
import { concurrencyPlan, OPERATION_COUNT, planViolations } from './concurrency-plan';
import { depsFor, freshDatabase, sendOk } from './helpers';

test('200 interleaved save / status / tag operations from four senders all end applied', async () => {
  const db = freshDatabase('reading-list-concurrency');
  const deps = depsFor(db, { now: 1_000 });
  expect(OPERATION_COUNT).toBe(200);
  let done = 0;
  await Promise.all(
    concurrencyPlan().flatMap((chains) =>
      chains.map(async (chain) => {
        for (const request of chain) {
          await sendOk(deps, request);
          done++;
        }
      }),
    ),
  );
  expect(done).toBe(200);
  expect(planViolations(await db.saved.toArray())).toEqual([]);
});
