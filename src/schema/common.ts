import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ARXIV_ID_PATTERN } from '../papers/ids';
import { MAX_ABSTRACT, MAX_AUTHOR_NAME, MAX_AUTHORS, MAX_TITLE, MAX_URL_LENGTH } from '../papers/bounds';

// Zod's tree-shakable build (zod/mini): the background evaluates it on every cold start, before
// it can answer a card. English messages, as people read them in import, feed and store errors
// (zod/mini loads no locale). jitless: zod/mini compiles no parsers with eval; kept so that no
// import of classic Zod could either (MV3 CSP forbids eval).
z.config({ jitless: true, ...en() });

export const ArxivIdSchema = z.string().check(z.regex(ARXIV_ID_PATTERN, 'not a canonical arXiv id'));
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'not an http(s) URL' }).check(z.maxLength(MAX_URL_LENGTH));
export const Title = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TITLE));
export const Abstract = z.string().check(z.maxLength(MAX_ABSTRACT));
export const Authors = z.array(z.string().check(z.maxLength(MAX_AUTHOR_NAME))).check(z.maxLength(MAX_AUTHORS));
/** A count: an integer ≥ 0. */
export const Count = z.int().check(z.nonnegative());
/** Milliseconds since the epoch. */
export const Timestamp = Count;
/** A place in a trending list, from 1. */
export const Rank = z.int().check(z.positive());
/** A string of at most `max` characters. */
export const text = (max: number) => z.string().check(z.maxLength(max));
