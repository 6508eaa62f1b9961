// Letters of the scripts written right to left (Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam, …).
const RIGHT_TO_LEFT = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}\p{sc=Adlam}\p{sc=Samaritan}\p{sc=Mandaic}]/u;
const LETTER = /\p{L}/u;

/** The direction `dir="auto"` gives a text: its first letter's ('ltr' without one). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = LETTER.exec(text)?.[0];
  return first !== undefined && RIGHT_TO_LEFT.test(first) ? 'rtl' : 'ltr';
}
