/** A plain object (not null, not an array): what parsed JSON must be before its fields are read. Free of Zod, so content scripts can use it. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
