import { SeedAssetSchema, SeedSnapshotLabelsSchema, type Paper, type SeedAsset } from '../schema';
import type { PaperLensDatabase } from './database';
import { rebuildSearchIndex } from './search';
import { mergedCodeLinks } from '../feed/merge';

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

/** The loaded seed's snapshot labels, newest first; none when the row is missing or unreadable (trending is then ordered by rank alone). */
export async function storedSnapshotLabels(db: PaperLensDatabase): Promise<string[]> {
  const row = await db.meta.get(SEED_SNAPSHOTS_KEY);
  if (!row) return [];
  try {
    const parsed = SeedSnapshotLabelsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export async function storedSeedVersion(db: PaperLensDatabase): Promise<string | null> {
  return (await db.meta.get(SEED_VERSION_KEY))?.value ?? null;
}

/** When a snapshot was captured (its label is the capture's date), or -Infinity when the label names none. */
function capturedAt(label: string | null): number {
  const time = label === null ? Number.NaN : Date.parse(label);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * A bundled paper as a new snapshot has it, with what the live feed said since (upvotes, links,
 * its authors, which the snapshot lacks, and its repository as the first code link) and the code
 * links its arXiv page's comments gave. The feed's title and abstract, when fetched after the
 * snapshot was captured, stay too (arXiv retitled it).
 */
function withStoreNews(bundled: Paper, stored: Paper | undefined): Paper {
  if (!stored) return bundled;
  const feed = stored.feed;
  const codeLinks = mergedCodeLinks(bundled.summary.codeLinks, feed?.githubRepo ?? null, stored, bundled.abstract);
  if (!feed) return { ...bundled, summary: { ...bundled.summary, codeLinks } };
  const authors = bundled.authors.length > 0 ? bundled.authors : stored.authors;
  const feedText = feed.fetchedAt >= capturedAt(bundled.snapshot) && (stored.title !== bundled.title || stored.abstract !== bundled.abstract);
  if (feedText) return { ...bundled, title: stored.title, normTitle: stored.normTitle, abstract: stored.abstract, summary: stored.summary, feed, authors };
  return { ...bundled, feed, authors, summary: { ...bundled.summary, codeLinks } };
}

/** A bundled paper under the title and abstract its arXiv page gave it after the snapshot was captured (arXiv retitled it), when it did. */
function withArxivTitle(bundled: Paper, stored: Paper | undefined): Paper {
  if (stored?.retitledAt === undefined || stored.retitledAt < capturedAt(bundled.snapshot)) return bundled;
  return { ...bundled, title: stored.title, normTitle: stored.normTitle, abstract: stored.abstract, summary: stored.summary, retitledAt: stored.retitledAt };
}

/**
 * Loads the bundled seed in one transaction. Idempotent: the same version is a no-op. Touches
 * only bundled papers (source 'seed'); the reading list and feed papers are left as they are.
 * A bundled paper the new snapshot drops goes, unless the live feed listed it: then it stays as
 * a feed paper (a day's trending list, its card and search still find it).
 */
export async function seedStore(db: PaperLensDatabase, asset: SeedAsset, now = Date.now()): Promise<'seeded' | 'current'> {
  return db.transaction('rw', db.paperBlocks, db.meta, db.searchIndex, async () => {
    if ((await storedSeedVersion(db)) === asset.version) return 'current';
    const incoming = new Set(asset.papers.map((paper) => paper.id));
    const dropped = (await db.papers.toArray()).filter((paper) => paper.source === 'seed' && !incoming.has(paper.id));
    await db.papers.bulkDelete(dropped.filter((paper) => paper.feed === null).map((paper) => paper.id));
    const current = await db.papers.bulkGet(asset.papers.map((paper) => paper.id));
    await db.papers.bulkPut([
      ...dropped.filter((paper) => paper.feed !== null).map((paper): Paper => ({ ...paper, source: 'feed', rank: null, snapshot: null })),
      ...asset.papers.map((paper, index) => withArxivTitle(withStoreNews(paper, current[index]), current[index])),
    ]);
    await db.meta.bulkPut([
      { key: SEED_VERSION_KEY, value: asset.version },
      { key: SEED_SNAPSHOTS_KEY, value: JSON.stringify(asset.snapshots.map((snapshot) => snapshot.label)) },
    ]);
    await rebuildSearchIndex(db, now);
    return 'seeded';
  });
}
