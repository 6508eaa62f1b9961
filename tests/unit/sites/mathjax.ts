/**
 * Typesets `$…$` and `$$…$$` in an element's text the way arXiv's MathJax 2.7 (HTML-CSS output,
 * assistive MathML) leaves the DOM: an emptied preview, the rendered formula, its MathML copy for
 * screen readers, and the source kept in a `script[type^="math/tex"]`. The rendered formula is
 * reduced to its characters (MathJax wraps each in spans): what textContent would read.
 */
export function typesetLikeMathJax2(element: Element): void {
  const doc = element.ownerDocument;
  let count = 0;
  typesetFormulas(element, (math, display) => {
    count += 1;
    const glyphs = math.replace(/\\[a-zA-Z]+|[{}^_\s]/g, '');
    const preview = Object.assign(doc.createElement('span'), { className: 'MathJax_Preview' });
    preview.setAttribute('style', 'color: inherit; display: none;');
    const frame = Object.assign(doc.createElement(display ? 'div' : 'span'), { className: display ? 'MathJax_Display' : 'MathJax', id: `MathJax-Element-${count}-Frame` });
    frame.setAttribute('role', 'presentation');
    const nobr = doc.createElement('nobr');
    nobr.setAttribute('aria-hidden', 'true');
    const rendered = Object.assign(doc.createElement('span'), { className: 'math', id: `MathJax-Span-${count}` });
    for (const glyph of glyphs) rendered.append(Object.assign(doc.createElement('span'), { className: 'mi', textContent: glyph }));
    nobr.append(rendered);
    const assistive = Object.assign(doc.createElement('span'), { className: 'MJX_Assistive_MathML' });
    assistive.setAttribute('role', 'presentation');
    const mathml = doc.createElementNS(MATHML, 'math');
    mathml.textContent = glyphs;
    assistive.append(mathml);
    frame.append(nobr, assistive);
    const script = doc.createElement('script');
    script.setAttribute('type', display ? 'math/tex; mode=display' : 'math/tex');
    script.id = `MathJax-Element-${count}`;
    script.textContent = math;
    const typeset = doc.createDocumentFragment();
    typeset.append(preview, frame, script);
    return typeset;
  });
}

/** Each `$…$` / `$$…$$` in an element's text, as `typeset(math, display)` renders it. */
function typesetFormulas(element: Element, typeset: (math: string, display: boolean) => Node): void {
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    const parts = (text.nodeValue ?? '').split(/(\$\$[^$]+\$\$|\$[^$]+\$)/);
    if (parts.length === 1) continue;
    text.replaceWith(...parts.map((part) => {
      const math = /^\$\$?([^$]+)\$\$?$/.exec(part)?.[1];
      return math === undefined ? part : typeset(math, part.startsWith('$$'));
    }));
  }
}

const glyphsOf = (math: string): string => math.replace(/\\alpha/g, 'α').replace(/\\[a-zA-Z]+|[{}^_\s]/g, '');
const MATHML = 'http://www.w3.org/1998/Math/MathML';

/**
 * As MathJax 3 (CHTML output, assistive MathML) leaves the DOM: an `mjx-container` with the
 * rendered formula, whose glyphs CSS draws (no text), and a MathML copy for screen readers. The
 * TeX is gone from the page.
 */
export function typesetLikeMathJax3(element: Element): void {
  const doc = element.ownerDocument;
  typesetFormulas(element, (math, display) => {
    const container = doc.createElement('mjx-container');
    container.className = 'MathJax CtxtMenu_Attached_0';
    container.setAttribute('jax', 'CHTML');
    if (display) container.setAttribute('display', 'true');
    const rendered = doc.createElement('mjx-math');
    rendered.setAttribute('aria-hidden', 'true');
    for (let k = 0; k < glyphsOf(math).length; k++) rendered.append(doc.createElement('mjx-c'));
    const assistive = doc.createElement('mjx-assistive-mml');
    const mathml = doc.createElementNS(MATHML, 'math');
    mathml.textContent = glyphsOf(math);
    assistive.append(mathml);
    container.append(rendered, assistive);
    return container;
  });
}

/** As KaTeX leaves the DOM: a MathML copy holding the TeX as an annotation, then the glyphs as text. */
export function typesetLikeKatex(element: Element): void {
  const doc = element.ownerDocument;
  typesetFormulas(element, (math, display) => {
    const katex = Object.assign(doc.createElement('span'), { className: 'katex' });
    const mathmlCopy = Object.assign(doc.createElement('span'), { className: 'katex-mathml' });
    const mathml = doc.createElementNS(MATHML, 'math');
    const semantics = doc.createElementNS(MATHML, 'semantics');
    const row = doc.createElementNS(MATHML, 'mrow');
    row.textContent = glyphsOf(math);
    const annotation = doc.createElementNS(MATHML, 'annotation');
    annotation.setAttribute('encoding', 'application/x-tex');
    annotation.textContent = math;
    semantics.append(row, annotation);
    mathml.append(semantics);
    mathmlCopy.append(mathml);
    const html = Object.assign(doc.createElement('span'), { className: 'katex-html', textContent: glyphsOf(math) });
    html.setAttribute('aria-hidden', 'true');
    katex.append(mathmlCopy, html);
    if (!display) return katex;
    const block = Object.assign(doc.createElement('span'), { className: 'katex-display' });
    block.append(katex);
    return block;
  });
}
