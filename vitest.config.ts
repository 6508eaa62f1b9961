import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Real Chromium with the built extension loaded (tests/e2e/harness.ts).
const REAL_BROWSER = {
  environment: 'node',
  // The files share one module graph (each launches its own browser and profile): Playwright
  // and the harness are imported once, not once per file (imports 4 s against 50 s here).
  isolate: false,
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // A poll waits for what a user would see; on a busy 2-core CI machine a worker start or a
  // reload can take more than Vitest's default 1 s. (`npm test` runs these after the unit
  // tests, not alongside them: a loaded machine widened the tests' own timing windows.)
  expect: { poll: { timeout: 10_000 } },
} as const;
const ALONE = 'tests/e2e/large-store-index.test.ts';
const asked = Number(process.env.PAPERLENS_E2E_WORKERS);
const E2E_WORKERS = Number.isInteger(asked) && asked > 0 ? asked : 2;

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Worker threads start faster than forked processes: the unit run took 162 s and 187 s here,
          // against 203 s and 210 s forked (the tests themselves about 80 s of it).
          pool: 'threads',
          // Every core (Vitest's default leaves one free: a single worker on a 2-core machine): 130 s
          // against 173 s here, most of a file's time being its worker's start and imports.
          maxWorkers: availableParallelism(),
          // Some files build a store of real papers first (2,611 summarized, the seed compiled): 1-2 s
          // alone, over Vitest's 10 s on a machine busy with other work.
          hookTimeout: 60_000,
          setupFiles: ['fake-indexeddb/auto', 'tests/unit/idle-callbacks.ts'],
        },
      },
      {
        test: {
          ...REAL_BROWSER,
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: [ALONE],
          // Two files at a time, each with its own browser and profile: much of a file's time is
          // waiting (timers, polls, a worker's start), not CPU. The whole project took 483 s here
          // against 642 s one file at a time on an idle 2-core machine (519 s against 850 s on a
          // busy one). One at a time again: PAPERLENS_E2E_WORKERS=1.
          fileParallelism: true,
          maxWorkers: E2E_WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // After the others, alone: it builds the bench copy of the extension and loads 12,000
        // papers, which would take the cores from another file's timed waits (review).
        test: { ...REAL_BROWSER, name: 'e2e-alone', include: [ALONE], fileParallelism: false, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
