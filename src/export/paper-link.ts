import { escapeMarkdown } from './markdown-escape';
import { escapeHtml, singleLine } from './text';

/**
 * A paper's link to paste into notes: Markdown (`[Title](url)`) for plain-text editors such as
 * Obsidian, and an anchor for rich-text ones (Notion, Google Docs, Slack), which paste it as a link.
 * The reading list's Markdown export lists each paper by its Markdown link.
 */
export interface PaperLink {
  markdown: string;
  html: string;
}

/** `title` (on one line) linked to `url`, an http(s) address. */
export function paperLink(title: string, url: string): PaperLink {
  return {
    markdown: `[${escapeMarkdown(title)}](${url})`,
    html: `<a href="${escapeHtml(url)}">${escapeHtml(singleLine(title))}</a>`,
  };
}
