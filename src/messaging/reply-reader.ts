import * as z from 'zod/mini';
import { ResponseSchemas, type RequestType } from '../schema';

/** A reply's result, checked against its request type's response schema (kept as sent: nothing stripped); throws with what was wrong. */
export function readReplyResult(type: RequestType, result: unknown): unknown {
  const parsed = ResponseSchemas[type].safeParse(result);
  if (parsed.success) return result;
  throw new Error(`PaperLens's answer to "${type}" could not be read (${z.prettifyError(parsed.error).replace(/\s+/g, ' ').slice(0, 300)}): PaperLens may have been updated under this page; reload it`);
}
