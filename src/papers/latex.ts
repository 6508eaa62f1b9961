/**
 * LaTeX left in arXiv/Hugging Face abstracts and titles (`$\textit{X}$`, `LLaVA$_{7B}$`, `\%`,
 * `Rozi\`ere`) rendered as plain readable text. Pure string work: runs in content scripts.
 */

const SYMBOLS: Record<string, string> = {
  textless: '<', textgreater: '>', textasciitilde: '~', textbackslash: '\\', textbar: '|',
  textendash: '–', textemdash: '—', textbullet: '•', textasciicircum: '^', textdegree: '°',
  times: '×', cdot: '·', pm: '±', mp: '∓', approx: '≈', sim: '~', simeq: '≃', leq: '≤', le: '≤',
  geq: '≥', ge: '≥', neq: '≠', ne: '≠', ll: '≪', gg: '≫', infty: '∞', to: '→', rightarrow: '→',
  leftarrow: '←', Rightarrow: '⇒', leftrightarrow: '↔', uparrow: '↑', downarrow: '↓', in: '∈',
  sum: '∑', prod: '∏', partial: '∂', nabla: '∇', sqrt: '√', propto: '∝', circ: '°', ldots: '…',
  dots: '…', cdots: '⋯', log: 'log', exp: 'exp', max: 'max', min: 'min', div: '÷', star: '*',
  ast: '*', dagger: '†', ddagger: '‡', S: '§', P: '¶', copyright: '©', euro: '€', pounds: '£',
  LaTeX: 'LaTeX', TeX: 'TeX', ell: 'ℓ', emptyset: '∅', forall: '∀', exists: '∃', neg: '¬',
  land: '∧', lor: '∨', cap: '∩', cup: '∪', subset: '⊂', subseteq: '⊆', mid: '|', vert: '|',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ',
  eta: 'η', theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν',
  xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ',
  chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ',
  Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', quad: ' ', qquad: ' ', ',': ' ',
  ';': ' ', ':': ' ', '!': '', ' ': ' ', '\\': ' ', newline: ' ', par: ' ', '%': '%', '&': '&',
  '#': '#', '_': '_', '$': '$', '{': '{', '}': '}', ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ',
  o: 'ø', O: 'Ø', l: 'ł', L: 'Ł', aa: 'å', AA: 'Å', i: 'ı', j: 'ȷ',
  // As Better BibTeX, JabRef and Zotero write text past ASCII in LaTeX (a curly apostrophe, Đorđević).
  DJ: 'Đ', dj: 'đ', TH: 'Þ', th: 'þ', DH: 'Ð', dh: 'ð', NG: 'Ŋ', ng: 'ŋ',
  textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', textellipsis: '…',
  guillemotleft: '«', guillemotright: '»', textexclamdown: '¡', textquestiondown: '¿', textmu: 'µ',
  textregistered: '®', texttrademark: '™', textcopyright: '©', textsection: '§',
  // Math that titles hold (`$\lesssim$`, `$W^\top$`, `$\|x\|_2$`); bibtex.ts LATEX_MATH writes each back.
  lesssim: '≲', gtrsim: '≳', top: '⊤', bot: '⊥', perp: '⊥', int: '∫', oint: '∮', mapsto: '↦', hbar: 'ℏ',
  otimes: '⊗', oplus: '⊕', odot: '⊙', models: '⊨', vdash: '⊢', Longrightarrow: '⟹', implies: '⟹',
  Longleftrightarrow: '⟺', iff: '⟺', longrightarrow: '⟶', Leftarrow: '⇐', Leftrightarrow: '⇔',
  triangle: '△', backslash: '\\', setminus: '∖', '|': '‖', Vert: '‖', lVert: '‖', rVert: '‖', lvert: '|',
  rvert: '|', langle: '⟨', rangle: '⟩', lceil: '⌈', rceil: '⌉', lfloor: '⌊', rfloor: '⌋', Re: 'ℜ', Im: 'ℑ',
  aleph: 'ℵ', varnothing: '∅', bullet: '•', equiv: '≡', cong: '≅', asymp: '≍', prec: '≺', succ: '≻',
  preceq: '⪯', succeq: '⪰', leqslant: '⩽', geqslant: '⩾', wedge: '∧', vee: '∨', notin: '∉', ni: '∋',
  supset: '⊃', supseteq: '⊇', parallel: '∥', prime: '′', angle: '∠', checkmark: '✓',
  xmark: '✗', colon: ':', vdots: '⋮', ddots: '⋱', varsigma: 'ς', varrho: 'ϱ', varpi: 'ϖ', Upsilon: 'Υ',
  space: ' ', thinspace: ' ', enspace: ' ',
};

// Declarations that print nothing (`\displaystyle`, `\protect`): dropped, where another unknown command's name is kept.
const SILENT = new Set([
  'protect', 'relax', 'xspace', 'displaystyle', 'textstyle', 'scriptstyle', 'scriptscriptstyle', 'limits',
  'nolimits', 'noindent', 'centering', 'normalfont', 'itshape', 'bfseries', 'scshape', 'sffamily', 'ttfamily',
  'rmfamily', 'upshape', 'mdseries', 'slshape', 'boldmath', 'unboldmath', 'hfill', 'vfill', 'hline', 'smallskip',
  'medskip', 'bigskip', 'nobreak', 'allowbreak', 'linebreak', 'newpage', 'clearpage', 'mathstrut', 'strut',
  'middle', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'Biggl', 'Biggr', 'normalsize', 'scriptsize',
  'LARGE', 'Huge', 'nonumber', 'notag', 'ignorespaces', 'unskip',
]);

// Parenthetical citations and cross-references: an abstract's `cost~\cite{vaswani2017}` says nothing a reader
// of plain text can follow, so the command goes with its arguments (`\citep[Sec.~3]{x}`).
const DROPPED_WITH_ARGUMENTS = new Set([
  'cite', 'citep', 'citealp', 'citeyearpar', 'citenum', 'nocite', 'parencite', 'autocite', 'footcite', 'shortcite',
  // (Their capitalised forms, biblatex's and apacite's.)
  'Cite', 'Citep', 'Citealp', 'Parencite', 'Autocite', 'Footcite', 'supercite', 'smartcite', 'Smartcite', 'citeA', 'citeNP', 'citeyearNP',
  'footnotetext', 'thanks', 'label', 'ref', 'eqref', 'autoref', 'Autoref', 'cref', 'Cref', 'pageref', 'nameref', 'subref',
]);

// Operator names TeX sets apart from the letters around them (`n\log n` reads "n log n").
const OPERATOR_WORDS = new Set(['log', 'exp', 'max', 'min']);

// Where a printed word (`\log`) wants a space before whatever letter or digit is printed next; removed by latexToText.
const SPACE_IF_WORD_FOLLOWS = '\u0000';
// Not before a sub- or superscript (`\log_2` is log₂).
const SPACE_BEFORE_WORD = new RegExp(`${SPACE_IF_WORD_FOLLOWS}(?=[\\p{L}\\p{N}])(?![\\p{Lm}\\p{No}])`, 'gu');

// Textual citations (`as \citet{smith} showed`) are the sentence's subject: their key stays.
const TEXTUAL_CITATIONS = new Set(['citet', 'Citet', 'citealt', 'citeauthor', 'Citeauthor', 'citeyear', 'textcite', 'Textcite']);

/** A command's arguments: a star, then any `[…]` options (brackets may nest) and one `{…}` group; where they end. */
function readArguments(text: string, at: number): { group: string | null; end: number } {
  let end = text[at] === '*' ? at + 1 : at;
  for (let start = skipSpaces(text, end); text[start] === '['; start = skipSpaces(text, end)) {
    let depth = 0;
    let close = start;
    for (; close < text.length; close++) {
      if (text[close] === '[') depth++;
      else if (text[close] === ']' && --depth === 0) break;
    }
    if (close >= text.length) break;
    end = close + 1;
  }
  const group = readGroup(text, skipSpaces(text, end));
  return group ? { group: group.content, end: group.end } : { group: null, end };
}

// `\mathbb{R}` → ℝ: the letters with a Letterlike Symbols form, the rest from Mathematical Alphanumeric Symbols.
const DOUBLE_STRUCK: Record<string, string> = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' };

function doubleStruck(text: string): string {
  return text.replace(/[A-Za-z0-9]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (DOUBLE_STRUCK[ch] !== undefined) return DOUBLE_STRUCK[ch];
    if (ch >= '0' && ch <= '9') return String.fromCodePoint(0x1d7d8 + code - 48);
    return String.fromCodePoint(ch >= 'a' ? 0x1d552 + code - 97 : 0x1d538 + code - 65);
  });
}

// Commands whose braced argument is the text itself (`\textbf{Hall}` → `Hall`).
const TEXT_WRAPPERS = new Set([
  'text', 'textbf', 'textit', 'texttt', 'textsc', 'textsf', 'textrm', 'textup', 'textmd', 'textnormal',
  'emph', 'underline', 'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal',
  'mathfrak', 'mathscr', 'boldsymbol', 'bm', 'operatorname', 'mbox', 'hbox', 'url', 'textsuperscript',
  'textsubscript', 'mathnormal', 'small', 'footnotesize', 'large', 'Large', 'tiny', 'huge', 'bf', 'it',
  'rm', 'tt', 'sc', 'em', 'hat', 'bar', 'tilde', 'widehat', 'widetilde', 'overline', 'vec', 'dot',
  'ddot', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg',
]);

// Combining marks for accent commands (`\'e`, `\`{e}`, `{\"o}`).
export const ACCENTS: Readonly<Record<string, string>> = {
  '`': '\u0300', "'": '\u0301', '^': '\u0302', '~': '\u0303', '=': '\u0304', u: '\u0306',
  '.': '\u0307', '"': '\u0308', r: '\u030A', H: '\u030B', v: '\u030C', c: '\u0327', k: '\u0328', d: '\u0323', b: '\u0331',
};

const SUBSCRIPTS: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ',
  l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ',
};
const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ', T: 'ᵀ', '⊤': 'ᵀ', '*': '*', '†': '†',
};

/** Sub/superscripts become Unicode when every character has a form, else a readable fallback. */
function script(content: string, table: Record<string, string>, fallback: string): string {
  const chars = [...content];
  if (chars.length > 0 && chars.every((ch) => table[ch] !== undefined)) {
    return chars.map((ch) => table[ch]).join('');
  }
  // `LLaVA_{7B}` reads best as `LLaVA-7B`; `x^{max}` as `x^max`; `ℓ_∞` keeps its underscore.
  if (content.length === 0) return '';
  return (fallback === '-' && !/^[\p{L}\p{N}]/u.test(content) ? '_' : fallback) + content;
}

/** Reads a `{…}` group starting at `open` (which must be `{`); returns its content and end. */
function readGroup(text: string, open: number): { content: string; end: number } | null {
  if (text[open] !== '{') return null;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') { i++; continue; }
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return { content: text.slice(open + 1, i), end: i + 1 };
  }
  return null;
}

function skipSpaces(text: string, at: number): number {
  while (text[at] === ' ') at++;
  return at;
}

/** One argument: a braced group or a single character/command token. */
function readArgument(text: string, at: number): { content: string; end: number } {
  const start = skipSpaces(text, at);
  const group = readGroup(text, start);
  if (group) return group;
  if (text[start] === '\\') {
    const name = /^\\([A-Za-z]+|.)/.exec(text.slice(start));
    if (name) return { content: name[0], end: start + name[0].length };
  }
  return { content: text[start] ?? '', end: Math.min(start + 1, text.length) };
}

/** A command printed as a word (`\log`, `\sin`), set apart from a letter or digit printed on either side. */
function spacedWord(before: string, word: string): string {
  return (/[\p{L}\p{N}]$/u.test(before) ? ' ' : '') + word + SPACE_IF_WORD_FOLLOWS;
}

// Groups nested deeper than this are shown as their text, commands and braces dropped: each level rescans its
// group and takes a stack frame, so 5,000 nested groups (a 20,000-character abstract) overflowed the
// stack and failed the whole summary (or feed refresh) they were part of.
const MAX_NESTING = 64;

function render(text: string, startInMath = false, depth = 0): string {
  if (depth > MAX_NESTING) return text.replace(/\\[A-Za-z]*|[{}]/g, '');
  let out = '';
  let i = 0;
  let inMath = startInMath;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\') {
      const match = /^\\([A-Za-z]+|[^A-Za-z])/.exec(text.slice(i));
      if (!match) { i++; continue; }
      const name = match[1]!;
      let next = i + match[0].length;
      if (ACCENTS[name] !== undefined && !/^[A-Za-z]{2,}$/.test(name)) {
        const arg = readArgument(text, next);
        // `\'\i` is how TeX writes í: its dotless i (and j) take the accent as the plain letter.
        const base = render(arg.content, false, depth + 1).replace(/^ı/, 'i').replace(/^ȷ/, 'j');
        out += (base.slice(0, 1) + ACCENTS[name] + base.slice(1)).normalize('NFC');
        i = arg.end;
        continue;
      }
      if (/^[0-9]$/.test(name)) {
        // `\800` is a mangled `\$800`: keep the digits, drop the stray backslash.
        out += name;
        i = next;
        continue;
      }
      if (name === 'href') {
        const target = readArgument(text, next);
        const label = readArgument(text, target.end);
        out += render(label.content, false, depth + 1);
        i = label.end;
        continue;
      }
      if (name === 'frac') {
        const num = readArgument(text, next);
        const den = readArgument(text, num.end);
        out += `${render(num.content, inMath, depth + 1)}/${render(den.content, inMath, depth + 1)}`;
        i = den.end;
        continue;
      }
      if (name === 'binom') {
        const top = readArgument(text, next);
        const bottom = readArgument(text, top.end);
        out += `C(${render(top.content, inMath, depth + 1)}, ${render(bottom.content, inMath, depth + 1)})`;
        i = bottom.end;
        continue;
      }
      if (name === 'mathbb') {
        const arg = readArgument(text, next);
        out += doubleStruck(render(arg.content, inMath, depth + 1));
        i = arg.end;
        continue;
      }
      if (name === 'not') {
        // `\not\in` → ∉, `\not=` → ≠: the slash mark composes with the symbol it strikes.
        const arg = readArgument(text, next);
        const struck = render(arg.content, inMath, depth + 1);
        out += struck === '' ? '' : (struck + '\u0338').normalize('NFC');
        i = arg.end;
        continue;
      }
      if (TEXT_WRAPPERS.has(name)) {
        next = skipSpaces(text, next);
        const group = readGroup(text, next);
        if (group) {
          out += render(group.content, false, depth + 1);
          i = group.end;
        } else {
          i = next;
        }
        continue;
      }
      if (DROPPED_WITH_ARGUMENTS.has(name)) {
        i = readArguments(text, next).end;
        // `Eq.~\eqref{x}.` ends at one period.
        if (text[i] === '.' && out.trimEnd().endsWith('.')) i++;
        continue;
      }
      if (TEXTUAL_CITATIONS.has(name)) {
        const { group, end } = readArguments(text, next);
        out += group ?? '';
        i = end;
        continue;
      }
      if (name === 'hspace' || name === 'vspace') {
        out += ' ';
        i = readArguments(text, next).end;
        continue;
      }
      if (name === 'footnote') {
        // Mostly where the code is (`\footnote{Code: https://…}`): kept, in brackets.
        const arg = readArgument(text, next);
        const note = render(arg.content, false, depth + 1).trim();
        if (note !== '') out += ` (${note})`;
        i = arg.end;
        continue;
      }
      if (SYMBOLS[name] !== undefined) {
        out += OPERATOR_WORDS.has(name) ? spacedWord(out, SYMBOLS[name]) : SYMBOLS[name];
        i = next;
        continue;
      }
      // Unknown command: its braced argument if any (a font or markup command, `\mathds{1}`), else its
      // name, which reads as what it stands for (`\sin`, `\argmax`, `\Tr`) where dropping it lost a word.
      const spaced = skipSpaces(text, next);
      const group = readGroup(text, spaced);
      if (group && group.content.trim() !== '') {
        out += render(group.content, inMath, depth + 1);
        i = group.end;
      } else {
        if (!SILENT.has(name) && /^[A-Za-z]+$/.test(name)) out += spacedWord(out, name);
        i = group ? group.end : next;
      }
      continue;
    }
    // Sub/superscripts: `_{…}` anywhere (`LLaVA_{7B}`), `_x` only inside math (`$x_i$`), so
    // identifiers like `snake_case` or `__proto__` in plain text stay as typed.
    if ((ch === '_' || ch === '^') && (text[i + 1] === '{' || inMath)) {
      const arg = readArgument(text, i + 1);
      const inner = render(arg.content, inMath, depth + 1);
      out += ch === '_' ? script(inner, SUBSCRIPTS, '-') : script(inner, SUPERSCRIPTS, '^');
      i = arg.end;
      continue;
    }
    if (ch === '$') {
      inMath = !inMath;
      i++;
      continue;
    }
    if (ch === '{' || ch === '}') { i++; continue; }
    // LaTeX's tie ("Fig.~2") is a space; a tilde standing before a number ("~38%", "94% ~ 99%") is
    // plain text's "about" (QA: "led to a 38% speed-up" from "~38%").
    if (ch === '~') {
      out += !inMath && /(?:^|[\s(])$/.test(out) && /^\s?\d/.test(text.slice(i + 1, i + 3)) ? '~' : ' ';
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Plain readable text from a string that may hold LaTeX markup. Idempotent on plain text. */
export function latexToText(text: string): string {
  if (!/[\\$_^{}~`']/.test(text)) return text.replace(/\s+/g, ' ').trim();
  const prepared = text
    .replaceAll(SPACE_IF_WORD_FOLLOWS, '')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/---/g, '—')
    .replace(/(?<=[\p{L}\p{N} ])--(?=[\p{L}\p{N} ])/gu, '–');
  return render(prepared)
    .replace(SPACE_BEFORE_WORD, ' ')
    .replaceAll(SPACE_IF_WORD_FOLLOWS, '')
    // Brackets a dropped citation left empty (`(\cite{x})`).
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .trim();
}

// An inline formula without spaces ("$k$", "$\pi_0$") or a command taking an argument
// ("\textsc{Lumos}"); not "$5 and $10", a lone "~" or braces, nor a backslash before letters
// ("Matching \d+ and \w+"), which plain titles have.
const TEX_MARKUP = /\$[^$\s]+\$|\\[A-Za-z]+\{/;

/**
 * A title another tool wrote as arXiv has it ("$\pi_0$: …", Zotero's RIS and CSV) as readable text;
 * a title without TeX markup as it is (latexToText would drop its "~" and braces).
 */
export function titleFromTex(title: string): string {
  return TEX_MARKUP.test(title) ? latexToText(title) || title : title;
}
