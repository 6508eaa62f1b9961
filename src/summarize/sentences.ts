/**
 * Sentence splitting for scientific abstracts: abbreviations ("et al.", "e.g.", "Fig. 2"),
 * decimals, versions, URLs, citations, initials and ellipses do not end sentences; Chinese and
 * Japanese full stops (。！？) do.
 */

// Abbreviations that never end a sentence (lowercase, without the final dot).
const NEVER_END = new Set(
  'e.g i.e eg ie vs v.s cf w.r.t wrt a.k.a approx fig figs eq eqs eqn sec secs sect tab no nos ref refs dr mr ms prof st vol pp p ch app alg def thm lem prop cor ex viz ca incl avg std i.i.d'.split(' '),
);

// Of those, the ones that after a number are a unit, which may close a sentence ("by 1.2 pp. We
// release", "in 40 ms. The model"): before a capitalised sentence opener of two or more letters.
const UNITS_AFTER_NUMBER = new Set(['pp', 'ms', 'sec', 'secs']);

// Abbreviations that end a sentence only when a typical sentence opener follows.
const MAYBE_END = new Set(['al', 'resp', 'inc', 'ltd']);

// Words that typically open a sentence in an abstract.
const OPENERS = new Set(
  ('we our the this these in it to for finally moreover however furthermore additionally experiments results ' +
    'extensive code using with by on as a an specifically here unlike while although despite existing recent ' +
    'such thus therefore then also yet overall compared based given there when if they previous prior models').split(' '),
);

const TERMINATORS = '.!?…';
const CLOSERS = '"\'”’)]»';
const FULL_WIDTH_TERMINATORS = '。！？';
const FULL_WIDTH_CLOSERS = '」』）”’';

function previousToken(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

function nextToken(text: string, start: number): string {
  const match = /^\S+/.exec(text.slice(start));
  return match ? match[0] : '';
}

/** Whether a terminator run ending at `end` (exclusive) followed by `next` closes a sentence. */
function isBoundary(text: string, termStart: number, termEnd: number, next: string): boolean {
  if (next === '') return false;
  const first = next[0]!;
  const word = next.replace(/^["'“‘(\[]+/, '');
  const nextWordLower = (/^[\p{L}]+/u.exec(word)?.[0] ?? '').toLowerCase();
  const opener = OPENERS.has(nextWordLower);
  const terms = text.slice(termStart, termEnd);
  // Ellipses: "x₁, ..., xₙ" never ends; otherwise only before a capitalised word.
  if (terms.includes('…') || terms.includes('..')) {
    const before = text.slice(Math.max(0, termStart - 2), termStart);
    if (/,\s*$/.test(before)) return false;
    return /[\p{Lu}]/u.test(word[0] ?? '') && opener;
  }
  const nextStartsLower = /^[\p{Ll}]/u.test(first);
  if (nextStartsLower) {
    // Lowercase-starting names ("mBERT", "t-SNE", "word2vec") may open a sentence after a plain word.
    if (!/^[\p{Ll}]+(?:[\p{Lu}\d]|-\p{Lu})/u.test(word)) return false;
  }
  if (/^[,;:%)\]]/.test(first)) return false;
  if (terms[0] !== '.') return true;
  // A period: look at the token it closes.
  const token = previousToken(text, termStart);
  const bare = token.replace(/^["'“‘(\[]+/, '');
  const lower = bare.toLowerCase();
  // An all-caps token ("CF.", "NO.") is an acronym ending the sentence, not an abbreviation.
  if (NEVER_END.has(lower) && !/^\p{Lu}{2,}$/u.test(bare)) {
    if (!UNITS_AFTER_NUMBER.has(lower) || !opener || nextWordLower.length < 2 || !/^\p{Lu}/u.test(word)) return false;
    return /^\d+(?:[.,]\d+)?$/.test(previousToken(text, Math.max(0, termStart - bare.length - 1)));
  }
  if (lower === 'etc') return !nextStartsLower;
  if (MAYBE_END.has(lower)) return opener && !nextStartsLower;
  // Dotted acronyms: "e.g", "w.r.t", "U.S".
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) {
    if (/^(?:\p{Ll}\.)+\p{Ll}$/u.test(bare)) return false;
    return opener;
  }
  // Initials: "J. Smith", "A. B. Jones".
  if (/^\p{Lu}$/u.test(bare)) {
    const prev = previousToken(text, Math.max(0, termStart - bare.length - 1));
    const prevIsInitial = /^\p{Lu}\.$/u.test(prev);
    if (prevIsInitial) return opener;
    if (/^\p{Lu}\./u.test(next)) return false; // "J. R. R. Tolkien"
    return opener || /^\d/.test(first);
  }
  return true;
}

/**
 * Whether the period at `at` ends a sentence glued to the next with no space, as copied abstracts
 * have them ("the environment.The results", "of 0.5.Obviously, …"): after a plain lowercase word or a
 * number, before a capitalised word that ends there. Not in names, addresses or initials
 * ("Node.js", "arxiv.org/Abs", "J.Smith", "e.g.Adam", "www.Example.com").
 */
function gluedAt(text: string, at: number): boolean {
  const before = previousToken(text, at).replace(/^["'“‘(\[]+/, '');
  if (!/^(?:\p{Ll}[\p{Ll}-]{2,}|\d+(?:\.\d+)?%?)$/u.test(before) || NEVER_END.has(before) || MAYBE_END.has(before)) return false;
  return /^\p{Lu}\p{Ll}+(?=[\s,;:]|$)/u.test(text.slice(at + 1));
}

/** Splits plain text into sentences, keeping each sentence's original characters. */
export function splitSentences(text: string): string[] {
  const src = text.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let start = 0;
  let depth = 0; // open ( or [ not yet closed
  let openedAt = 0;
  // Jump from one bracket or terminator to the next.
  const marks = /[.!?…()[\]（）。！？]/g;
  for (let m = marks.exec(src); m; m = marks.exec(src)) {
    const i = m.index;
    const ch = m[0];
    // Chinese and Japanese full stops end a sentence with no space after them.
    if (FULL_WIDTH_TERMINATORS.includes(ch)) {
      // One inside brackets does not, even when they close right after it (unless the bracket
      // opened long before: then it never closes, as in the English rule below).
      const inBrackets = depth > 0 && i - openedAt < 250;
      let close = i + 1;
      while (close < src.length && FULL_WIDTH_CLOSERS.includes(src[close]!)) {
        if (src[close] === '）' && depth > 0) depth--;
        close++;
      }
      if (!inBrackets && close < src.length) {
        out.push(src.slice(start, close).trim());
        start = close;
      }
      marks.lastIndex = close;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '（') {
      if (depth === 0) openedAt = i;
      depth++;
      continue;
    }
    if (ch === ')' || ch === ']' || ch === '）') {
      if (depth > 0) depth--;
      continue;
    }
    let end = i;
    while (end < src.length && TERMINATORS.includes(src[end]!)) end++;
    let close = end;
    while (close < src.length && CLOSERS.includes(src[close]!)) {
      if ((src[close] === ')' || src[close] === ']') && depth > 0) depth--;
      close++;
    }
    // Needs whitespace after the terminator (and closers): "73.76", "v2.1", URLs stay whole; but for
    // two sentences glued at a period (see gluedAt).
    if (close === i + 1 && ch === '.' && gluedAt(src, i)) {
      out.push(src.slice(start, i + 1).trim());
      start = i + 1;
      depth = 0;
    } else if (src[close] === ' ') {
      const next = nextToken(src, close + 1);
      const inParens = depth > 0 && i - openedAt < 250;
      if (!inParens && isBoundary(src, i, end, next)) {
        out.push(src.slice(start, close).trim());
        start = close + 1;
        depth = 0;
      }
    }
    marks.lastIndex = Math.max(close, i + 1);
  }
  const rest = src.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
