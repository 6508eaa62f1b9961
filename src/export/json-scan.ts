/**
 * A walk over JSON text that says where it breaks (JSON.parse's messages differ between browsers
 * and rarely say where) and where each element of the top-level `items` array starts, so a
 * rejected item can be named by its line.
 */

interface JsonScanError {
  offset: number;
  message: string;
  /** The text ends before the JSON does: a cut-off file. */
  truncated: boolean;
}

export interface JsonScan {
  error: JsonScanError | null;
  itemOffsets: number[];
}

// Our files nest four levels; anything much deeper is not a reading list.
const MAX_DEPTH = 256;

const WHITESPACE = /[ \t\n\r]*/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]+|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

type Container = 'object' | 'array';
type Expecting = 'value' | 'value or ]' | 'key' | 'key or }' | 'separator';

function shown(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const ch = String.fromCodePoint(text.codePointAt(offset)!);
  return /[\u0000-\u001f]/.test(ch) ? `character U+${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` : `"${ch}"`;
}

export function scanJson(text: string): JsonScan {
  const itemOffsets: number[] = [];
  const stack: Container[] = [];
  let rootKey: string | null = null;
  let pos = 0;
  let expecting: Expecting = 'value';

  const fail = (offset: number, message: string): JsonScan => ({ error: { offset, message, truncated: offset >= text.length }, itemOffsets });
  const endOfFile = (inside: string): JsonScan => fail(text.length, `the file ends inside ${inside}`);

  /** The end of the string starting at `pos`, or the problem with it. */
  const readString = (): number | JsonScan => {
    STRING_BODY.lastIndex = pos + 1;
    STRING_BODY.exec(text);
    const end = STRING_BODY.lastIndex;
    if (end >= text.length) return endOfFile('a string');
    if (text[end] === '"') return end + 1;
    if (text[end] === '\\') return fail(end, `invalid escape sequence ${shown(text, end + 1).replace(/^"/, '"\\')} in a string`);
    return fail(end, `${shown(text, end)} is not allowed inside a string (line breaks must be written as \\n)`);
  };

  for (;;) {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
    const top = stack[stack.length - 1];

    if (expecting === 'separator') {
      if (top === undefined) {
        return pos < text.length ? fail(pos, `unexpected ${shown(text, pos)} after the end of the JSON value`) : { error: null, itemOffsets };
      }
      if (pos >= text.length) return endOfFile(top === 'object' ? 'an unfinished object' : 'an unfinished array');
      const ch = text[pos];
      if (ch === ',') {
        pos++;
        expecting = top === 'object' ? 'key' : 'value';
      } else if (ch === (top === 'object' ? '}' : ']')) {
        pos++;
        stack.pop();
      } else {
        return fail(pos, `expected "," or "${top === 'object' ? '}' : ']'}" but found ${shown(text, pos)}`);
      }
      continue;
    }

    if (pos >= text.length) return endOfFile(top === undefined ? 'nothing: there is no JSON value' : `an unfinished ${top}`);

    if (expecting === 'key' || expecting === 'key or }') {
      if (expecting === 'key or }' && text[pos] === '}') {
        pos++;
        stack.pop();
        expecting = 'separator';
        continue;
      }
      if (text[pos] !== '"') return fail(pos, `expected a property name in double quotes but found ${shown(text, pos)}`);
      const start = pos;
      const end = readString();
      if (typeof end !== 'number') return end;
      if (stack.length === 1) rootKey = JSON.parse(text.slice(start, end)) as string;
      pos = end;
      WHITESPACE.lastIndex = pos;
      WHITESPACE.exec(text);
      pos = WHITESPACE.lastIndex;
      if (pos >= text.length) return endOfFile('an unfinished object');
      if (text[pos] !== ':') return fail(pos, `expected ":" after a property name but found ${shown(text, pos)}`);
      pos++;
      expecting = 'value';
      continue;
    }

    if (expecting === 'value or ]' && text[pos] === ']') {
      pos++;
      stack.pop();
      expecting = 'separator';
      continue;
    }

    if (stack.length === 2 && stack[0] === 'object' && rootKey === 'items' && stack[1] === 'array') itemOffsets.push(pos);
    const ch = text[pos]!;
    if (ch === '{' || ch === '[') {
      if (stack.length >= MAX_DEPTH) return fail(pos, `values are nested more than ${MAX_DEPTH} levels deep`);
      stack.push(ch === '{' ? 'object' : 'array');
      pos++;
      expecting = ch === '{' ? 'key or }' : 'value or ]';
      continue;
    }
    expecting = 'separator';
    if (ch === '"') {
      const end = readString();
      if (typeof end !== 'number') return end;
      pos = end;
      continue;
    }
    NUMBER.lastIndex = pos;
    if (NUMBER.exec(text)) {
      pos = NUMBER.lastIndex;
      continue;
    }
    const literal = LITERALS.find((word) => text.startsWith(word, pos));
    if (literal) {
      pos += literal.length;
      continue;
    }
    const rest = text.slice(pos);
    if (LITERALS.some((word) => word.startsWith(rest))) return endOfFile(`the word "${rest}"`);
    return fail(pos, `unexpected ${shown(text, pos)} where a value should be`);
  }
}
