/** The abstract a reference manager keeps with a paper, read as the TL;DR the paper's card would show. */
import { decodeCharacterReferences } from '../papers/html-text';
import { latexToText } from '../papers/latex';
import { MAX_ABSTRACT } from '../papers/bounds';
import { Abstract } from '../schema/common';
import type { ImportRejection, ImportedItem } from '../schema/reading-list';
import { splitSentences } from '../summarize/sentences';
import { pickTldrOfSplit } from '../summarize/tldr';

// Markup abstracts carry from where a tool took them: Crossref's JATS (<jats:p>, as Zotero keeps it
// from a DOI), MathML, and a few HTML tags. Only these: a "<" in an abstract is usually a comparison.
// A paragraph's tags part words; inline ones ("H<sub>2</sub>O") do not.
const ABSTRACT_BLOCK_MARKUP = /<\/?(?:jats:(?:p|sec|title)|p|br|div)(?:\s[^<>]*)?\/?>/gi;
const ABSTRACT_INLINE_MARKUP = /<\/?(?:jats:[a-z-]+|mml:[a-z]+|i|b|em|strong|sub|sup|span|scp)(?:\s[^<>]*)?\/?>/gi;

/** An abstract from a RIS or CSV file as plain text: its markup and character references undone, LaTeX rendered (as a page's abstract is). */
export function plainAbstract(value: string): string {
  return latexToText(decodeCharacterReferences(value.replace(ABSTRACT_BLOCK_MARKUP, ' ').replace(ABSTRACT_INLINE_MARKUP, '')));
}

/** An imported paper's abstract whose TL;DR is still to be picked (see pickPendingTldr). */
export interface PendingTldr {
  item: ImportedItem;
  /** The abstract as the file writes it, and how to make it plain text. */
  raw: string;
  toText: (value: string) => string;
}

/**
 * The abstract of a paper read from a file, to give it the TL;DR the paper's card would show (so
 * the list shows one at once and arXiv is not asked for it), or undefined: the file gives a TL;DR
 * (our own CSV) or no abstract. An abstract past the store's bound is left out (and said in
 * `leftOut`): the paper's page gives its TL;DR then. `toText` makes `raw` plain text.
 */
export function abstractToSummarize(item: ImportedItem, raw: string | undefined, toText: (value: string) => string, leftOut: ImportRejection[], where: string): Omit<PendingTldr, 'item'> | undefined {
  if (raw === undefined || item.tldr || raw.trim() === '') return undefined;
  if (!Abstract.safeParse(raw).success) {
    leftOut.push({ line: item.line ?? 0, reason: `the abstract is ${raw.length.toLocaleString('en')} characters long (at most ${MAX_ABSTRACT.toLocaleString('en')}): left out of ${where}` });
    return undefined;
  }
  return { raw, toText };
}

/** Picks a TL;DR from a pending abstract, with the picker the card uses for a page's abstract. */
export function pickPendingTldr({ item, raw, toText }: PendingTldr): void {
  const tldr = pickTldrOfSplit(latexToText(item.title ?? ''), splitSentences(toText(raw)));
  if (tldr === '') return;
  item.tldr = tldr;
  item.tldrFromAbstract = true;
}
