import { latexToText } from './latex';
import { MAX_URL_LENGTH } from './bounds';

/**
 * arXiv identifiers and titles in the canonical forms the store is keyed by.
 * Pure and Zod-free: content scripts import this.
 */

// New-style ids (0704.0001 onwards): YYMM.NNNN (to 1412) or YYMM.NNNNN (from 1501).
const NEW_STYLE_SOURCE = String.raw`(\d{4})\.(\d{4,5})`;
/** A whole new-style id, its YYMM and number captured. */
export const NEW_STYLE_ID = new RegExp(`^${NEW_STYLE_SOURCE}$`);
// Old-style ids: archive(.SUBJECT-CLASS)/YYMMNNN, e.g. hep-th/9901001, math.AG/0601001. The
// subject class is not part of the id: arXiv serves math.GT/0309136 as math/0309136.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[a-z]{2})?\/(\d{7})$/i;

export const ARXIV_ID_PATTERN = new RegExp(String.raw`^(?:${NEW_STYLE_SOURCE}|[a-z]+(?:-[a-z]+)*\/\d{7})$`);

/**
 * The canonical id (no version, no prefix) of a raw id such as `arXiv:2310.01779v3`,
 * `HEP-TH/9901001v2` or ` 2310.01779 `; null when it is not an arXiv id.
 */
export function normalizeArxivId(raw: string): string | null {
  const trimmed = raw.trim().replace(/^arxiv:\s*/i, '').replace(/v\d+$/i, '');
  const fresh = NEW_STYLE_ID.exec(trimmed);
  if (fresh) {
    const month = Number(fresh[1]!.slice(2));
    if (month < 1 || month > 12) return null;
    // Five-digit numbers started in 2015; four-digit ones ended with 2014.
    const yymm = Number(fresh[1]);
    if (fresh[2]!.length === 5 && yymm < 1501) return null;
    if (fresh[2]!.length === 4 && yymm >= 1501) return null;
    return trimmed;
  }
  const old = OLD_STYLE.exec(trimmed);
  if (old) return `${old[1]!.toLowerCase()}/${old[2]}`;
  return null;
}

const OLD_STYLE_ID = /\/(\d{2})(\d{2})\d{3}$/;

/** Year and month of first submission, which every arXiv id encodes (`2310.01779` → 2023-10). */
export function idYearMonth(id: string): { year: number; month: number } | null {
  const fresh = NEW_STYLE_ID.exec(id);
  if (fresh) return { year: 2000 + Number(fresh[1]!.slice(0, 2)), month: Number(fresh[1]!.slice(2)) };
  const old = OLD_STYLE_ID.exec(id);
  if (!old) return null;
  // Old-style ids ran from 1991 to March 2007.
  const yy = Number(old[1]);
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month: Number(old[2]) };
}

/**
 * A canonical id written with its subject class, as the store kept it before version 7
 * (`math.GT/0309136`), without it (`math/0309136`); any other string as it is.
 */
export function withoutSubjectClass(id: string): string {
  return /^[a-z]+(?:-[a-z]+)*\.[A-Z]{2}\/\d{7}$/.test(id) ? id.replace(/\.[A-Z]{2}\//, '/') : id;
}

/** The version in a raw id (`2310.01779v3` → 3), or null. */
export function arxivVersion(raw: string): number | null {
  const match = /v(\d+)$/i.exec(raw.trim());
  return match ? Number(match[1]) : null;
}

const ARXIV_PATH = /^\/(abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/;
const HF_PAPER_PATH = /^\/papers\/([^/?#]+)\/?$/;

/** A URL path %-decoded; null when it holds a stray `%` (a URL may: decodeURIComponent would throw). */
export function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** An http(s) URL's host (without www.) and decoded path, or null for anything else. */
function hostAndPath(url: string): { host: string; path: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const path = decodedPath(parsed.pathname);
  return path === null ? null : { host: parsed.hostname.replace(/^www\./, ''), path };
}

/** The paper a URL points at: arXiv abs/pdf/html pages and Hugging Face paper pages. */
export function arxivIdFromUrl(url: string): string | null {
  const parts = hostAndPath(url);
  if (!parts) return null;
  const { host, path } = parts;
  if (host === 'arxiv.org' || host === 'export.arxiv.org') {
    const match = ARXIV_PATH.exec(path);
    return match ? normalizeArxivId(match[2]!) : null;
  }
  if (host === 'huggingface.co') {
    const match = HF_PAPER_PATH.exec(path);
    return match ? normalizeArxivId(match[1]!) : null;
  }
  return null;
}

// Other addresses of an arXiv paper that people paste and tools export: readers and mirrors that
// address it by its id, and its DOI (10.48550/arXiv.<id>).
const AR5IV_PATH = /^\/(?:abs|html)\/(.+?)\/?$/;
const ARXIV_DOI = /^(?:doi:\s*)?10\.48550\/arxiv\.(\S+)$/i;
const ARXIV_DOI_PATH = /^\/10\.48550\/arxiv\.(.+)$/i;
const MIRROR_PATHS = new Map<string, RegExp>([
  ['alphaxiv.org', /^\/(?:abs|pdf|overview)\/(.+?)(?:\.pdf)?\/?$/],
  ['ar5iv.labs.arxiv.org', AR5IV_PATH],
  ['ar5iv.org', AR5IV_PATH],
  ['hf.co', HF_PAPER_PATH],
  ['doi.org', ARXIV_DOI_PATH],
  ['dx.doi.org', ARXIV_DOI_PATH],
]);

/**
 * Links a "Save paper" menu is offered on, whatever page they are on (a blog, a search engine, a
 * reading group's notes): the addresses arxivIdFromAddress reads, as browser match patterns.
 */
// Pure: content scripts that import this module leave it out of their bundles.
export const PAPER_LINK_PATTERNS = /* @__PURE__ */ (
  [
    ['arxiv.org', ['abs', 'pdf', 'html']],
    ['export.arxiv.org', ['abs', 'pdf', 'html']],
    ['huggingface.co', ['papers']],
    ['hf.co', ['papers']],
    ['alphaxiv.org', ['abs', 'pdf', 'overview']],
    ['ar5iv.labs.arxiv.org', ['abs', 'html']],
    ['ar5iv.org', ['abs', 'html']],
    ['doi.org', ['10.48550']],
    ['dx.doi.org', ['10.48550']],
  ] as const
).flatMap(([host, paths]) =>
  // The reader drops a "www." (links to www.huggingface.co and www.doi.org get written too).
  (host.split('.').length === 2 ? [host, `www.${host}`] : [host]).flatMap((name) => paths.map((path) => `*://${name}/${path}/*`)),
);

// A paper's address written without its scheme ("arxiv.org/abs/2310.01779"), as people paste it.
const BARE_PAPER_URL = /^(?:www\.|export\.)?(?:arxiv\.org|huggingface\.co|hf\.co|alphaxiv\.org|ar5iv(?:\.labs\.arxiv)?\.org|(?:dx\.)?doi\.org)\//i;

/** Whether `text` is written as a URL: with http(s)://, or a paper's address without it. */
export function writtenAsUrl(text: string): boolean {
  return /^https?:\/\//i.test(text) || BARE_PAPER_URL.test(text);
}

/** The paper an address points at (arxivIdFromUrl, readers and mirrors, its DOI URL), written with or without its scheme. */
export function arxivIdFromAddress(text: string): string | null {
  const trimmed = text.trim();
  const address = BARE_PAPER_URL.test(trimmed) ? `https://${trimmed}` : trimmed;
  const direct = arxivIdFromUrl(address);
  if (direct) return direct;
  const parts = hostAndPath(address);
  const match = parts ? MIRROR_PATHS.get(parts.host)?.exec(parts.path) : null;
  return match ? normalizeArxivId(match[1]!) : null;
}

/**
 * `text` without a final "[…]" (arXiv's "[cs.CL]") and the spaces before it: what
 * `.replace(/\s*\[[^\]]*\]$/, '')` does, found by hand because that regex rescans to the end
 * from every "[" (10 s on a line of 100,000 "[").
 */
function withoutTrailingBrackets(text: string): string {
  if (!text.endsWith(']')) return text;
  // The group opens at the first "[" after the "]" before the final one.
  const open = text.indexOf('[', text.lastIndexOf(']', text.length - 2) + 1);
  return open >= 0 && open < text.length - 1 ? text.slice(0, open).trimEnd() : text;
}

/**
 * The paper a reference names, however it is written: an id (`2310.01779v2`, `arXiv:…`, with
 * arXiv's "[cs.CL]" after it), its DOI (`10.48550/arXiv.…`), or an address (arxivIdFromAddress).
 */
export function arxivIdFromReference(text: string): string | null {
  const reference = withoutTrailingBrackets(text.trim().replace(/^arxiv:\s+/i, 'arXiv:'));
  if (writtenAsUrl(reference)) return arxivIdFromAddress(reference);
  const doi = ARXIV_DOI.exec(reference);
  return normalizeArxivId(doi ? doi[1]! : reference);
}

// What a pasted id comes wrapped in: quotes and brackets around it ("<2310.01779>"), punctuation after it ("2310.01779,").
const OPENERS: ReadonlySet<string> = new Set([...'"\'“”‘’«»`<([{']);
const CLOSERS: ReadonlySet<string> = new Set([...'"\'“”‘’«»`>)]},;:.!?']);

/** `text` without OPENERS before it and CLOSERS after it (by hand: a pattern anchored at the end rescans a long run of them from each of its characters). */
function withoutWrapping(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && OPENERS.has(text[start]!)) start++;
  while (end > start && CLOSERS.has(text[end - 1]!)) end--;
  return text.slice(start, end);
}

// An id written as arXiv's, among other words: Google Scholar's "arXiv preprint arXiv:1706.03762".
const ARXIV_PREFIXED_ID = /(?<![\p{L}\p{N}])arxiv:\s*(\S+)/iu;

/**
 * The paper a search names: a reference (arxivIdFromReference), also wrapped in quotes, brackets
 * or punctuation or with ".pdf" after it (a downloaded file's name: "1706.03762v7.pdf"), or an
 * "arXiv:" id among other words. Other numbers among words are words ("top 1706 results").
 */
export function arxivIdFromSearch(query: string): string | null {
  const trimmed = query.trim();
  const whole = arxivIdFromReference(trimmed) ?? arxivIdFromReference(withoutWrapping(trimmed).replace(/\.pdf$/i, ''));
  if (whole) return whole;
  const prefixed = ARXIV_PREFIXED_ID.exec(trimmed);
  return prefixed ? normalizeArxivId(withoutWrapping(prefixed[1]!).replace(/\.pdf$/i, '')) : null;
}

/**
 * A title reduced to what identifies it: LaTeX rendered, accents folded, case and punctuation
 * dropped, whitespace collapsed. `HallE-Switch: Rethinking…` and `halle switch rethinking…` match.
 */
export function normalizeTitle(title: string): string {
  return latexToText(title)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}

export function hfPaperUrl(id: string): string {
  return `https://huggingface.co/papers/${id}`;
}

/** Only http(s) links are kept from pages, feeds and files; anything else (javascript:, data:) is dropped. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The address a paper was saved from, as a saved item keeps it: none for one that is not http(s) or
 * longer than the store keeps (a link with a long tracking query), which must not fail the save.
 */
export function savedFromUrl(url: string | null | undefined): string | null {
  const href = safeHref(url);
  return href !== undefined && href.length <= MAX_URL_LENGTH ? href : null;
}

/** The title of a paper known only by its id (a list of ids, a PDF tab, a listing entry without one). */
export function placeholderTitle(id: string): string {
  return `arXiv:${id}`;
}
