import { z } from 'zod';
import { ARXIV_ID_PATTERN } from '../papers/ids';

// Extension pages forbid eval (MV3 CSP): keep Zod from probing for it.
z.config({ jitless: true });

export const ArxivIdSchema = z.string().regex(ARXIV_ID_PATTERN, 'not a canonical arXiv id');
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'not an http(s) URL' }).max(2048);
export const Title = z.string().trim().min(1).max(1000);
export const Abstract = z.string().max(20_000);
export const Timestamp = z.number().int().nonnegative();

