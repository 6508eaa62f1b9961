import { SeedAssetSchema, type SeedAsset } from '../schema';
import type { PaperLensDatabase } from './database';
import { rebuildSearchIndex } from './search';
import { withFeedRepo } from '../feed/merge';

export const SEED_VERSION_KEY = 'seedVersion';
/** Snapshot labels of the loaded seed, newest first (JSON array), to order trending lists. */
export const SEED_SNAPSHOTS_KEY = 'seedSnapshots';

/** Parses the bundled seed file; a malformed asset is reported with its first problem. */
export function parseSeedAsset(json: unknown): SeedAsset {
  const parsed = SeedAssetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`bundled seed is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

export async function storedSeedVersion(db: PaperLensDatabase): Promise<string | null> {
  return (await db.meta.get(SEED_VERSION_KEY))?.value ?? null;
}

/**
 * Loads the bundled seed in one transaction. Idempotent: the same version is a no-op. Touches
 * only bundled papers (source 'seed'); the reading list and feed papers are left as they are.
 */
export async function seedStore(db: PaperLensDatabase, asset: SeedAsset, now = Date.now()): Promise<'seeded' | 'current'> {
  return db.transaction('rw', db.paperBlocks, db.meta, db.searchIndex, async () => {
    if ((await storedSeedVersion(db)) === asset.version) return 'current';
    const incoming = new Set(asset.papers.map((paper) => paper.id));
    const stale = (await db.papers.toArray()).filter((paper) => paper.source === 'seed' && !incoming.has(paper.id)).map((paper) => paper.id);
    await db.papers.bulkDelete(stale);
    // What the live feed said about a bundled paper (upvotes, links, its authors, which the
    // snapshot lacks, and its repository as the first code link) outlives a reseed.
    const current = await db.papers.bulkGet(asset.papers.map((paper) => paper.id));
    await db.papers.bulkPut(
      asset.papers.map((paper, index) => {
        const feed = current[index]?.feed;
        if (!feed) return paper;
        const authors = paper.authors.length > 0 ? paper.authors : current[index]!.authors;
        return { ...paper, feed, authors, summary: { ...paper.summary, codeLinks: withFeedRepo(paper.summary.codeLinks, feed.githubRepo) } };
      }),
    );
    await db.meta.bulkPut([
      { key: SEED_VERSION_KEY, value: asset.version },
      { key: SEED_SNAPSHOTS_KEY, value: JSON.stringify(asset.snapshots.map((snapshot) => snapshot.label)) },
    ]);
    await rebuildSearchIndex(db, now);
    return 'seeded';
  });
}
