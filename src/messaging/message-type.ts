import { isRecord } from '../schema/is-record';

/** Whether a runtime message is an object whose `type` is `type` (its other fields are still to be checked). Zod-free, so content scripts can use it. */
export function isMessageOfType(message: unknown, type: string): message is Record<string, unknown> {
  return isRecord(message) && message.type === type;
}
