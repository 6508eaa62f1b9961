import { describe, expect, test } from 'vitest';
import { paperLink } from '../../../src/export/paper-link';

describe('a paper link to paste into notes', () => {
  test('Markdown and an anchor of the title, on one line', () => {
    expect(paperLink('Attention Is\n  All You Need', 'https://arxiv.org/abs/1706.03762')).toEqual({
      markdown: '[Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
      html: '<a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a>',
    });
  });

  test('a title with brackets, emphasis marks or markup stays the link text, as written', () => {
    const link = paperLink('[RE] *Fast* <b>k_NN</b> & `code` \\o/ $O(n)$ ~~x~~ | !', 'https://arxiv.org/abs/2401.00001');
    expect(link.markdown).toBe('[\\[RE\\] \\*Fast\\* \\<b\\>k\\_NN\\</b\\> \\& \\`code\\` \\\\o/ \\$O(n)\\$ \\~\\~x\\~\\~ \\| \\!](https://arxiv.org/abs/2401.00001)');
    expect(link.html).toBe('<a href="https://arxiv.org/abs/2401.00001">[RE] *Fast* &lt;b&gt;k_NN&lt;/b&gt; &amp; `code` \\o/ $O(n)$ ~~x~~ | !</a>');
  });
});
