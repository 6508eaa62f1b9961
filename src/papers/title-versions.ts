import { latexToText } from './latex';
import { tokenize } from '../search/tokenize';
import { wordBase } from '../search/word-forms';

/** A title's words as search folds them (accents, ß, Greek letters spelled out; "&" and "and" alike as stopwords; "16×16" as "16x16"). */
const titleWords = (title: string) => tokenize(latexToText(title).replace(/(\d)\s*[×✕]\s*(\d)/g, '$1x$2'));
/** A title as one run of letters and digits, each word read as search reads its forms. */
const titleRun = (title: string) => titleWords(title).map(wordBase).join('');
/** A title as one run of letters and digits as written. */
const letterRun = (title: string) => titleWords(title).join('');

/**
 * Whether two titles of a paper (a file's or a reading-list item's, and the store's) are one version
 * of the title: the same run of letters and digits ("Auto-Encoders" and "Autoencoders",
 * "16$\times$16" and "16x16"; words read as search reads their forms, so "Optimisation" is
 * "Optimization"), or one holding the other (a subtitle left out, "(NeurIPS version)" added). A
 * paper arXiv retitled since the store's snapshot ("HallE-Switch: …" → "HallE-Control: …") is not.
 */
export function titlesOneVersion(a: string, b: string): boolean {
  const [shorter, longer] = [titleRun(a), titleRun(b)].sort((x, y) => x.length - y.length) as [string, string];
  return shorter !== '' && longer.includes(shorter);
}

/**
 * Whether two titles are one title spelled otherwise: the same run of letters and digits, words
 * read as search reads their forms ("Adaptive Candidate Length" and "…Lengths", "Optimisation" and
 * "Optimization", "Fine-tuning" and "Finetuning"). Unlike titlesOneVersion, a title holding the
 * other (a name alone, words added) is another version's, whose abstract may say otherwise.
 */
export function titlesSpelledAlike(a: string, b: string): boolean {
  const run = titleRun(a);
  // Also the letters as written: a joined or hyphenated word ("Finetuning", "Fine-tuning") reads
  // its parts' forms otherwise ("finetun" against "fin" + "tun").
  return run !== '' && (run === titleRun(b) || letterRun(a) === letterRun(b));
}
