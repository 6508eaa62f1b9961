/** An author's last name: before the comma of "Vaswani, Ashish", else the last word ("Ashish Vaswani"). */
export function lastName(name: string): string {
  const trimmed = name.trim();
  const comma = trimmed.indexOf(',');
  if (comma >= 0) return trimmed.slice(0, comma);
  const words = trimmed.split(/\s+/);
  return words[words.length - 1] ?? '';
}
