import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ARXIV_ID_PATTERN } from '../papers/ids';
import { MAX_ABSTRACT, MAX_AUTHOR_NAME, MAX_AUTHORS, MAX_TITLE, MAX_URL_LENGTH } from '../papers/bounds';

// Zod's tree-shakable build (zod/mini): the background evaluates it on every cold start, before
// it can answer a card. English messages, as people read them in import, feed and store errors
// (zod/mini loads no locale). jitless: zod/mini compiles no parsers with eval; kept so that no
// import of classic Zod could either (MV3 CSP forbids eval).
// Lengths in words a reader of an import's or the feed's rejection understands ("notes: longer than
// 100,000 characters", not "Too big: expected string to have <=100000 characters"); the rest in Zod's.
const inWords = (count: number | bigint) => count.toLocaleString('en');
z.config({
  jitless: true,
  ...en(),
  customError: (issue) => {
    if (issue.code === 'too_big' && issue.origin === 'string') return `longer than ${inWords(issue.maximum)} characters`;
    if (issue.code === 'too_big' && issue.origin === 'array') return `more than ${inWords(issue.maximum)} entries`;
    if (issue.code === 'too_small' && issue.origin === 'string') return issue.minimum === 1 ? 'empty' : `shorter than ${inWords(issue.minimum)} characters`;
    if (issue.code === 'too_small' && issue.origin === 'array') return issue.minimum === 1 ? 'empty' : `fewer than ${inWords(issue.minimum)} entries`;
    return undefined;
  },
});

export const ArxivIdSchema = z.string().check(z.regex(ARXIV_ID_PATTERN, 'not a canonical arXiv id'));
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'not an http(s) URL' }).check(z.maxLength(MAX_URL_LENGTH, `longer than ${MAX_URL_LENGTH.toLocaleString('en')} characters`));
// Bidi embeddings, overrides and isolates draw a title in another order than it is stored, searched
// and cited: "\u202EdeeN uoY llA…" would pass for another paper's title. They go.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
export const Title = z.string().check(
  z.overwrite((title) => title.replace(BIDI_CONTROLS, '').trim()),
  z.minLength(1),
  z.maxLength(MAX_TITLE),
  // Zero-width and other format characters alone would show as an empty link.
  z.refine((title) => title === '' || /[^\p{Cf}\p{Z}\s]/u.test(title), 'shows no visible character'),
);
export const Abstract = z.string().check(z.maxLength(MAX_ABSTRACT));
export const Authors = z.array(z.string().check(z.maxLength(MAX_AUTHOR_NAME))).check(z.maxLength(MAX_AUTHORS));
/** A count: an integer ≥ 0. */
export const Count = z.int().check(z.nonnegative());
/** Milliseconds since the epoch, up to the last a Date holds (275760-09-13): exports write them as dates. */
export const Timestamp = z.int().check(z.nonnegative(), z.lte(8_640_000_000_000_000));
/** A place in a trending list, from 1. */
export const Rank = z.int().check(z.positive());
/** A string of at most `max` characters. */
export const text = (max: number) => z.string().check(z.maxLength(max));
