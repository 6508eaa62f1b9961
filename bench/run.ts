import { mkdir, writeFile } from 'node:fs/promises';
import { benchCardLatency } from './card-latency';
import { benchListing } from './listing';
import { benchLoad } from './load';
import { benchReadingList } from './reading-list';
import { benchSavedText } from './saved-text';
import { benchSearch } from './search';
import { benchWorkerLookup } from './worker-lookup';

/**
 * `npm run bench [-- --only <name>] [--papers 10000,100000] [--repeat 5] [--compare <dir>] [--keystrokes-only]`: the
 * project's performance figures, measured in real Chromium on the built extension (run `npm run
 * build` first); `--papers`: the store sizes of `search` (default both) and `load` (default
 * 100,000); `--repeat`, `--compare`: the loads per size of `load`, and another build's bench output
 * to load in turn (bench/load.ts); `--keystrokes-only`: `search` without the unknown paper's card,
 * the feed merge and the related lists' refresh (minutes at 100,000 papers). `saved-text` runs in Node
 * (bench/saved-text.ts). `load` runs only when named. Prints each report and writes them all to bench/results/latest.json.
 */

const args = process.argv.slice(2);

function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

const papersIndex = args.indexOf('--papers');
const sizes = papersIndex >= 0 ? args[papersIndex + 1]?.split(',').map(Number) : undefined;
const repeatIndex = args.indexOf('--repeat');
const repeats = repeatIndex >= 0 ? Number(args[repeatIndex + 1]) : undefined;
if (repeats !== undefined && !(Number.isInteger(repeats) && repeats > 0)) refuse(`--repeat takes a number of loads, 1 or more (got ${args[repeatIndex + 1] ?? 'nothing'})`);
const compareIndex = args.indexOf('--compare');
const compareDir = compareIndex >= 0 ? args[compareIndex + 1] : undefined;
if (compareIndex >= 0 && (compareDir === undefined || compareDir.startsWith('--'))) refuse('--compare takes the folder of another build\'s bench output');

const BENCHES: Record<string, () => Promise<unknown>> = {
  card: () => benchCardLatency(),
  listing: () => benchListing(),
  'reading-list': () => benchReadingList(),
  'saved-text': () => Promise.resolve(benchSavedText()),
  search: () => benchSearch(sizes, args.includes('--keystrokes-only')),
  load: () => benchLoad(sizes, repeats, compareDir),
  lookup: () => benchWorkerLookup(),
};

const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1]?.split(',') : undefined;
// `search` already times one load at each size: the repeated loads run when asked for.
const ON_REQUEST = new Set(['load']);
const selected = Object.keys(BENCHES).filter((name) => (only ? only.includes(name) : !ON_REQUEST.has(name)));
if (selected.length === 0) refuse(`no benchmark named ${only?.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);

const results: Record<string, unknown> = { measuredAt: new Date().toISOString() };
for (const name of selected) {
  console.log(`== ${name}`);
  const report = await BENCHES[name]!();
  console.log(JSON.stringify(report, null, 2));
  results[name] = report;
}
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/latest.json', import.meta.url), JSON.stringify(results, null, 2));
