import { singleLine } from './text';

/** The characters escapeMarkdown escapes, as a character class's contents. */
export const MARKDOWN_SPECIAL_CHARACTERS = String.raw`\\\`*_[\]<>!&|~$`;
const MARKDOWN_SPECIAL = new RegExp(`[${MARKDOWN_SPECIAL_CHARACTERS}]`, 'g');
const ESCAPED = new RegExp(`\\\\([${MARKDOWN_SPECIAL_CHARACTERS}])`, 'g');

/**
 * Text as Markdown shows it literally. Everything that can start a link, image, HTML tag, entity,
 * code span, emphasis, strikethrough, table cell or math is backslash-escaped (CommonMark treats
 * an escaped ASCII punctuation character as plain text); the text is one line, so nothing can
 * start a heading or list.
 */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownLine(singleLine(text));
}

/** A line of text (no line break in it) as Markdown shows it literally, escaped as escapeMarkdown does, its spacing kept. */
export function escapeMarkdownLine(line: string): string {
  return line.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

/** Text escapeMarkdown wrote, as it was (its line breaks aside). */
export function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPED, '$1');
}
