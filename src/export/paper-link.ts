/**
 * A paper's link to paste into notes: Markdown (`[Title](url)`) for plain-text editors such as
 * Obsidian, and an anchor for rich-text ones (Notion, Google Docs, Slack), which paste it as a link.
 */
export interface PaperLink {
  markdown: string;
  html: string;
}

// Characters that would end the link text or start emphasis or code inside it.
const MARKDOWN_SPECIAL = /[\\[\]*_`<>]/g;
const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => HTML_SPECIAL[char]!);

/** `title` (on one line) linked to `url`, an http(s) address. */
export function paperLink(title: string, url: string): PaperLink {
  const text = title.replace(/\s+/g, ' ').trim();
  return {
    markdown: `[${text.replace(MARKDOWN_SPECIAL, '\\$&')}](${url})`,
    html: `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`,
  };
}
