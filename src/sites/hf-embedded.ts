import { isRecord } from '../schema/is-record';

/**
 * Hugging Face's embedded page data: the server writes a component's props as JSON in
 * `[data-target="<component>"][data-props]`, each paper as `{ paper: { id, title, summary,
 * authors: [{ name }], publishedAt, githubRepo } }`. Page data is untrusted, so it is checked field
 * by field, without Zod (content scripts import this).
 */

/** A component's props parsed from its `data-props`; null when there are none or they are not JSON. */
export function embeddedProps(raw: string | null | undefined): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** A paper as the page data gives it. */
export interface EmbeddedPaper {
  /** As the data writes it (not normalized). */
  id: string;
  /** Null when the data gives no title as text. */
  title: string | null;
  summary: string;
  authors: string[];
  publishedAt: string | null;
  githubRepo: string | null;
}

/** A field of the page's data when it is text, else null. */
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The paper of an item `{ paper }` of the page data, checked field by field; null without one or its id. */
export function embeddedPaper(item: unknown): EmbeddedPaper | null {
  const paper = isRecord(item) ? item.paper : null;
  if (!isRecord(paper) || typeof paper.id !== 'string') return null;
  const authors = Array.isArray(paper.authors)
    ? paper.authors.flatMap((author) => (isRecord(author) && typeof author.name === 'string' ? [author.name] : []))
    : [];
  return {
    id: paper.id,
    title: textOrNull(paper.title),
    summary: textOrNull(paper.summary) ?? '',
    authors,
    publishedAt: textOrNull(paper.publishedAt),
    githubRepo: textOrNull(paper.githubRepo),
  };
}
