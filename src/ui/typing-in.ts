// Inputs that take no text: keys pressed on them are still the page's commands (j, k, x, Ctrl+Z).
const KEYLESS_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color']);

/** Whether `target` edits text: a key typed there is its text, and Ctrl+Z takes back its typing. */
export function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA';
}

/** Keys typed into a field are its own (text, a select's choice), not the page's commands. */
export function typingIn(target: EventTarget | null): boolean {
  return editsText(target) || target instanceof HTMLSelectElement;
}
