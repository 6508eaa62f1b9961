// Letters of the scripts written right to left (Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam, …).
const RIGHT_TO_LEFT = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}\p{sc=Adlam}\p{sc=Samaritan}\p{sc=Mandaic}]/u;
// A letter, or a mark that sets the direction (left-to-right, right-to-left, Arabic letter mark).
const STRONG = /[\p{L}\u200e\u200f\u061c]/u;

/** The direction `dir="auto"` gives a text: its first letter's or direction mark's ('ltr' without one). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = STRONG.exec(text)?.[0];
  return first !== undefined && (first === '\u200f' || first === '\u061c' || RIGHT_TO_LEFT.test(first)) ? 'rtl' : 'ltr';
}
