import { z } from 'zod';
import { ARXIV_ID_PATTERN } from '../papers/ids';
import { MAX_ABSTRACT, MAX_AUTHOR_NAME, MAX_AUTHORS, MAX_TITLE } from '../papers/bounds';

// Extension pages forbid eval (MV3 CSP): keep Zod from probing for it.
z.config({ jitless: true });

export const ArxivIdSchema = z.string().regex(ARXIV_ID_PATTERN, 'not a canonical arXiv id');
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'not an http(s) URL' }).max(2048);
export const Title = z.string().trim().min(1).max(MAX_TITLE);
export const Abstract = z.string().max(MAX_ABSTRACT);
export const Authors = z.array(z.string().max(MAX_AUTHOR_NAME)).max(MAX_AUTHORS);
export const Timestamp = z.number().int().nonnegative();

