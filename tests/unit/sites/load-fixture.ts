import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** A saved fixture page as a Document, with the URL it stands for (from its first comment). */
export async function loadFixture(name: string): Promise<{ doc: Document; url: URL }> {
  // Tests run from the project root (npm test); happy-dom replaces URL, so resolve as a path.
  const html = await readFile(resolve('tests/fixtures', name), 'utf8');
  const url = /PaperLens fixture for (\S+)/.exec(html)?.[1];
  if (!url) throw new Error(`${name} does not say which URL it stands for`);
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url) };
}
