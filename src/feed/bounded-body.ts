/**
 * A response's body as text, or how much had come when it went past `maxBytes` (the download is
 * then cancelled): a server that sends no length, or a wrong one, is not read without end.
 */
export async function readBounded(response: Response, maxBytes: number): Promise<string | { bytes: number }> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => undefined);
      return { bytes };
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
