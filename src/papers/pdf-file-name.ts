import { idYearMonth } from './ids';
import { lastName } from './names';

/** What a PDF's file name is made of. */
export interface PdfNaming {
  id: string;
  title: string;
  authors: readonly string[];
  /** `YYYY-MM-DD` (or a prefix of it), when known. */
  published: string | null;
}

// Longest title kept: with the authors and year the name stays well under the 255 bytes file
// systems allow, even in a script of 3-byte characters.
const MAX_TITLE = 70;

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

function safe(text: string): string {
  return text
    .replace(/:\s/g, ' - ') // "BERT: Pre-training" → "BERT - Pre-training", as Zotero names it
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function cutTitle(title: string): string {
  // By characters, not UTF-16 units: a cut must not split a math letter or an emoji in two.
  const characters = Array.from(title);
  if (characters.length <= MAX_TITLE) return title;
  const cut = characters.slice(0, MAX_TITLE).join('');
  // A word that ends just at the limit stays.
  const space = characters[MAX_TITLE] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;.-]+$/, '')}…`;
}

/** "Vaswani", "Vaswani and Shazeer", "Vaswani et al.": the first creator as Zotero names files. */
function creators(authors: readonly string[]): string {
  const names = authors.map((author) => safe(lastName(author))).filter((name) => name !== '');
  if (names.length <= 2) return names.join(' and ');
  return `${names[0]} et al.`;
}

/**
 * A paper's PDF named after it, as Zotero names attachments ("Vaswani et al. - 2017 - Attention Is
 * All You Need.pdf"), instead of arXiv's `1706.03762v7.pdf`. The arXiv id names it when the title is unknown.
 */
export function pdfFileName(paper: PdfNaming): string {
  const year = paper.published ? /^\d{4}/.exec(paper.published)?.[0] : idYearMonth(paper.id)?.year.toString();
  const title = cutTitle(safe(paper.title)) || `arXiv ${safe(paper.id)}`;
  // Leading dots hide a file on macOS and Linux; trailing ones Windows drops.
  return `${[creators(paper.authors), year, title].filter(Boolean).join(' - ').replace(/^[.\s]+|[.\s]+$/g, '')}.pdf`;
}
