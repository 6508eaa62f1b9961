import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { compileSeeds, type SeedSourceFile } from '../src/papers/seed-compiler';
import type { SeedAsset } from '../src/schema';

/** The asset path the background fetches (`browser.runtime.getURL('/seed.json')`). */
export const SEED_ASSET_PATH = 'seed.json';

// Found when asked, not on import: under happy-dom, import.meta.url is no file URL (callers there pass the folder).
const seedsDir = (): string => fileURLToPath(new URL('../seeds/', import.meta.url));

export async function readSeedSources(dir = seedsDir()): Promise<SeedSourceFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt') || name.endsWith('.tsv')).sort();
  return Promise.all(names.map(async (name) => ({ name: `seeds/${name}`, text: await readFile(join(dir, name), 'utf8') })));
}

export function contentVersion(papers: unknown): string {
  return createHash('sha256').update(JSON.stringify(papers)).digest('hex').slice(0, 16);
}

export async function buildSeedAsset(dir = seedsDir()): Promise<SeedAsset> {
  return compileSeeds(await readSeedSources(dir), contentVersion);
}

/** The WXT public-asset entry for the compiled seed. Throws (failing the build) on bad seeds. */
export async function writeSeedAsset(): Promise<{ relativeDest: string; contents: string }> {
  const asset = await buildSeedAsset();
  return { relativeDest: SEED_ASSET_PATH, contents: JSON.stringify(asset) };
}
