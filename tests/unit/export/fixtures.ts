import { SavedItemSchema, type SavedItem } from '../../../src/schema/papers';

/** A small seeded PRNG (mulberry32), so every run sees the same "random" list. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Everything that breaks naive BibTeX, CSV, RIS or Markdown writers.
const TITLE_PARTS = [
  'Attention', 'Über Läuft', 'Ça marche', '深度学习的注意力机制', '日本語のタイトル', '🤖 Robots 🚀', '"quoted"', "it's",
  '{braced}', '}{ reversed', '\\backslash\\', 'a, b', 'x; y', '100%', '$x^2$', 'R&D', '#1', 'snake_case', '~tilde',
  '^caret', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '`code`', '*bold*', 'line\nbreak', 'tab\there',
  'Tom and Jerry', 'others', '\\textbf{X}', '@misc{evil,', 'ER  - ', '--- dash', 'a\r\nb', 'non\u00a0breaking', 'Zürich—Köln',
  '=SUM(A1)', '-1 minus', '| pipe |', '&amp; entity', '\\', '{', '}',
];
const AUTHORS = [
  'José García', 'Zoë Ångström', '李 明', '山田 太郎', 'Ana María López-Ñúñez', "Conan O'Brien", 'Smith, Jr., John',
  'Tom and Jerry', 'AND Corp', 'others', '{Braced} Name', 'Back\\slash Person', '👩‍🔬 Emoji Scientist', 'Per%cent',
  'Dollar$ Sign', 'Under_score', 'Tilde~Name', 'Caret^Name', 'Hash#Tag', 'Amp & Co', 'Quote "Q" Person', 'Semi; Colon',
  'Line\nBreak Author', 'Ashish Vaswani', 'Noam Shazeer', 'and', '}', '{',
];
const NOTE_PARTS = [
  'Read section 3.', 'Ünïcødé ✓', '中文笔记', '🔥🔥', '"quote" and \'apostrophe\'', '{unbalanced', 'closing}', '\\cite{x}',
  '50% of $5 & #3 _under_ ~about ^up', '\n', '\n\n', '\r\n', 'ER  - ', 'TY  - JOUR', '@misc{x,', '% not a comment',
  '- a list item', '=HYPERLINK("http://evil")', 'a, b; c', '<script>alert(1)</script>',
];
const TAGS = [
  'ml', 'nlp', 'to cite', 'über', '日本語', '🔥hot', 'a,b', 'x; y', '"q"', '#tag', '{b}', 'back\\slash', '100%', '$',
  'snake_case', '~', '^', '<b>', '@home',
];
const CATEGORIES = ['cs.CL', 'cs.LG', 'cs.CV', 'hep-th', 'math.AG', 'stat.ML'];
const OLD_ARCHIVES = ['hep-th', 'math', 'cond-mat', 'astro-ph', 'quant-ph'];
const STATUSES = ['to-read', 'reading', 'read'] as const;

function pickFrom<T>(next: () => number, pool: readonly T[]): T {
  return pool[Math.floor(next() * pool.length)]!;
}

function some<T>(next: () => number, pool: readonly T[], max: number): T[] {
  return Array.from({ length: Math.floor(next() * (max + 1)) }, () => pickFrom(next, pool));
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `count` valid saved items (unique ids, new- and old-style) whose text holds every hostile character. */
export function hostileItems(count: number, seed = 1): SavedItem[] {
  const next = random(seed);
  const ids = new Set<string>();
  const items: SavedItem[] = [];
  while (items.length < count) {
    const index = items.length;
    let id: string;
    if (index % 10 === 9) {
      const year = pickFrom(next, [92, 95, 98, 99, 0, 3, 6]);
      id = `${pickFrom(next, OLD_ARCHIVES)}/${pad(year, 2)}${pad(1 + Math.floor(next() * 12), 2)}${pad(Math.floor(next() * 1000), 3)}`;
    } else {
      id = `${15 + Math.floor(next() * 11)}${pad(1 + Math.floor(next() * 12), 2)}.${pad(Math.floor(next() * 100000), 5)}`;
    }
    if (ids.has(id)) continue;
    ids.add(id);
    const status = pickFrom(next, STATUSES);
    const addedAt = 1_600_000_000_000 + Math.floor(next() * 150_000_000_000);
    const updatedAt = addedAt + Math.floor(next() * 1_000_000_000);
    const year = 2015 + Math.floor(next() * 11);
    items.push(
      SavedItemSchema.parse({
        id,
        title: `${pickFrom(next, ['Attention', 'Rethinking', 'LLaMA', 'Über', '深度'])} ${some(next, TITLE_PARTS, 5).join(' ')}`,
        authors: some(next, AUTHORS, 6),
        tldr: next() < 0.7 ? some(next, TITLE_PARTS, 6).join(' ') : '',
        status,
        tags: [...new Set(some(next, TAGS, 4))],
        notes: next() < 0.6 ? some(next, NOTE_PARTS, 8).join(' ') : '',
        addedAt,
        updatedAt,
        readAt: status === 'read' ? updatedAt : null,
        sourceUrl: next() < 0.5 ? `https://arxiv.org/abs/${id}` : null,
        published: next() < 0.5 ? `${year}-${pad(1 + Math.floor(next() * 12), 2)}-${pad(1 + Math.floor(next() * 28), 2)}` : null,
        primaryCategory: next() < 0.6 ? pickFrom(next, CATEGORIES) : null,
        doi: next() < 0.2 ? `10.${1000 + Math.floor(next() * 9000)}/x_y(z)<${index}>;2` : null,
        journalRef: next() < 0.2 ? `Proc. R&D #${index}, 100% {vol} $5 ~ ^` : null,
        pdfUrl: next() < 0.5 ? `https://arxiv.org/pdf/${id}` : null,
      }),
    );
  }
  return items;
}

/** A valid saved item with plain values, for merge cases. */
export function savedItem(overrides: Partial<SavedItem> = {}): SavedItem {
  return SavedItemSchema.parse({
    id: '2310.01779',
    title: 'HallE-Switch: Rethinking and Controlling Object Existence Hallucinations',
    authors: ['Bohan Zhai', 'Shijia Yang'],
    tldr: 'A switch for hallucinations.',
    status: 'to-read',
    tags: [],
    notes: '',
    addedAt: 1_000,
    updatedAt: 2_000,
    readAt: null,
    sourceUrl: null,
    published: null,
    primaryCategory: null,
    doi: null,
    journalRef: null,
    pdfUrl: null,
    ...overrides,
  });
}

/** Freezes a value and everything in it, so any write throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
