/**
 * Typesets `$…$` and `$$…$$` in an element's text the way arXiv's MathJax 2.7 (HTML-CSS output,
 * assistive MathML) leaves the DOM: an emptied preview, the rendered formula, its MathML copy for
 * screen readers, and the source kept in a `script[type^="math/tex"]`. The rendered formula is
 * reduced to its characters (MathJax wraps each in spans): what textContent would read.
 */
export function typesetLikeMathJax2(element: Element): void {
  const doc = element.ownerDocument;
  let count = 0;
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    const parts = (text.nodeValue ?? '').split(/(\$\$[^$]+\$\$|\$[^$]+\$)/);
    if (parts.length === 1) continue;
    const replacement = doc.createDocumentFragment();
    for (const part of parts) {
      const display = part.startsWith('$$');
      const math = /^\$\$?([^$]+)\$\$?$/.exec(part)?.[1];
      if (math === undefined) {
        replacement.append(part);
        continue;
      }
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
      const mathml = doc.createElementNS('http://www.w3.org/1998/Math/MathML', 'math');
      mathml.textContent = glyphs;
      assistive.append(mathml);
      frame.append(nobr, assistive);
      const script = doc.createElement('script');
      script.setAttribute('type', display ? 'math/tex; mode=display' : 'math/tex');
      script.id = `MathJax-Element-${count}`;
      script.textContent = math;
      replacement.append(preview, frame, script);
    }
    text.replaceWith(replacement);
  }
}
