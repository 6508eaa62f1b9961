/**
 * WCAG 2.1 colour contrast for checks that run in the page: self-contained, so its source
 * (`colourTools.toString()`) can be sent with page.evaluate and rebuilt there with `new Function`.
 */
export function colourTools() {
  type Colour = { r: number; g: number; b: number; a: number };
  const parse = (color: string): Colour | null => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color);
    return m ? { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: m[4] === undefined ? 1 : +m[4] } : null;
  };
  const luminance = (c: Colour) => {
    const f = (v: number) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const contrast = (a: Colour, b: Colour) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  /** The first background drawn at or behind `start` (through shadow hosts), white when none is. */
  const backgroundOf = (start: Element | null): Colour => {
    let node = start;
    while (node) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg.a > 0.5) return bg;
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  return { parse, contrast, backgroundOf };
}

export type ColourTools = ReturnType<typeof colourTools>;
