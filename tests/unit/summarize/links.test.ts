import { describe, expect, it, test } from 'vitest';
import { findCodeLinks } from '../../../src/summarize/index';
import { findProjectPage, pageCodeLink, uniqueCodeLinks } from '../../../src/summarize/links';
import { describeCodeLink } from '../../../src/summarize/links';

describe('findCodeLinks', () => {
  it('finds a GitHub link and strips the sentence period', () => {
    expect(findCodeLinks('The source code is release here: https://github.com/sade-adrien/SteloCoder.')).toEqual([
      'https://github.com/sade-adrien/SteloCoder',
    ]);
  });
  it('keeps a trailing hyphen that is part of the path', () => {
    expect(findCodeLinks('Code: https://github.com/tjunlp-lab/Lexical-Unit-Decoding-LUD-.')).toEqual([
      'https://github.com/tjunlp-lab/Lexical-Unit-Decoding-LUD-',
    ]);
  });
  it('finds GitLab and Hugging Face links', () => {
    expect(
      findCodeLinks('See https://gitlab.com/a/b, and models at https://huggingface.co/org/model; data too.'),
    ).toEqual(['https://gitlab.com/a/b', 'https://huggingface.co/org/model']);
  });
  it('strips an unbalanced closing parenthesis but keeps a balanced one', () => {
    expect(findCodeLinks('(code: https://github.com/a/b) and https://github.com/a/c_(v2).')).toEqual([
      'https://github.com/a/b',
      'https://github.com/a/c_(v2)',
    ]);
  });
  it('strips the closing brace of LaTeX\'s \\url{…} but keeps a balanced one', () => {
    expect(findCodeLinks(String.raw`Code is at \url{https://github.com/jjy1994/Certify_Topk}. See also https://github.com/a/{b}.`)).toEqual([
      'https://github.com/jjy1994/Certify_Topk',
      'https://github.com/a/{b}',
    ]);
  });
  it('strips quotes and colons', () => {
    expect(findCodeLinks('at "https://github.com/a/b": done. Also “https://github.com/a/d”.')).toEqual([
      'https://github.com/a/b',
      'https://github.com/a/d',
    ]);
  });
  it('deduplicates', () => {
    expect(findCodeLinks('https://github.com/a/b. Again: https://github.com/a/b.')).toEqual(['https://github.com/a/b']);
    // The same repository written another way is one link, as first written.
    expect(findCodeLinks('https://github.com/OpenGVLab/InternVL and https://github.com/opengvlab/internvl/ (https://github.com/OpenGVLab/InternVL.git)')).toEqual(['https://github.com/OpenGVLab/InternVL']);
  });
  it('ignores other hosts, non-http schemes and bare hosts', () => {
    expect(
      findCodeLinks('See https://example.com/x, ftp://github.com/a/b, git@github.com:a/b.git and https://github.com.'),
    ).toEqual([]);
  });
  it('reads an abstract of the longest kind ending in a link and 20,000 closing brackets at once', () => {
    // A page's text (arXiv or Hugging Face: anyone's) runs through this in the content script.
    const abstract = `Code: https://github.com/a/b${')]'.repeat(9_985)}`;
    const started = performance.now();
    expect(findCodeLinks(abstract)).toEqual(['https://github.com/a/b']);
    expect(performance.now() - started).toBeLessThan(1000);
  });
  it('reads a link written without its scheme as https, but not a host inside another address or an email', () => {
    expect(findCodeLinks('Our models are at huggingface.co/LVSTCK and the code at github.com/LVSTCK/domestic-yak.')).toEqual([
      'https://huggingface.co/LVSTCK',
      'https://github.com/LVSTCK/domestic-yak',
    ]);
    expect(findCodeLinks('See https://example.com/go?u=github.com/a/b, docs.github.com/en and mail git@github.com.')).toEqual([]);
  });
  it('accepts http and www', () => {
    expect(findCodeLinks('http://www.github.com/a/b/tree/main/src.')).toEqual(['http://www.github.com/a/b/tree/main/src']);
  });
});

describe('describeCodeLink', () => {
  test.each([
    ['https://github.com/sail-sg/scaling-with-vocab', 'Code', 'sail-sg/scaling-with-vocab'],
    ['https://gitlab.com/group/sub/project/', 'Code', 'group/sub/project'],
    ['https://github.com/', 'GitHub', 'github.com'],
    // A user's or organisation's page, or GitHub's own pages, hold no code.
    ['https://github.com/OpenGVLab', 'GitHub', 'OpenGVLab'],
    ['https://github.com/orgs/OpenGVLab/repositories', 'GitHub', 'orgs/OpenGVLab/repositories'],
    ['https://github.com/topics/llm', 'GitHub', 'topics/llm'],
    ['https://gitlab.com/group', 'GitLab', 'group'],
    ['https://github.com/a/repo/tree/main/src', 'Code', 'a/repo/tree/main/src'],
    ['https://huggingface.co/meta-llama/Llama-2-7b', 'Model', 'meta-llama/Llama-2-7b'],
    ['https://huggingface.co/datasets/allenai/scitldr', 'Dataset', 'allenai/scitldr'],
    ['https://huggingface.co/spaces/org/demo', 'Demo', 'org/demo'],
    ['https://huggingface.co/collections/org/models-6650', 'Collection', 'org/models-6650'],
    // A user's page (seed paper 2411.17691 releases its checkpoints there), and the site's own pages.
    ['https://huggingface.co/Xu-Ouyang', 'Hugging Face', 'Xu-Ouyang'],
    ['https://huggingface.co/papers/2310.01779', 'Hugging Face', 'papers/2310.01779'],
    ['https://huggingface.co/blog/scaling-vocab', 'Hugging Face', 'blog/scaling-vocab'],
    ['https://huggingface.co/docs/transformers/model_doc/llama', 'Hugging Face', 'docs/transformers/model_doc/llama'],
    ['https://huggingface.co/datasets/', 'Hugging Face', 'datasets'],
  ])('%s is a %s link named %s', (href, kind, name) => {
    expect(describeCodeLink(href)).toEqual({ kind, name });
  });
});

describe('uniqueCodeLinks', () => {
  test("the card's links from the store and the page's own are one per repository: a trailing slash, .git, case or www. make no second 'Code'", () => {
    expect(uniqueCodeLinks(['https://github.com/a/B', 'https://www.github.com/a/b/', 'http://github.com/a/b.git', 'https://github.com/a/c', 'https://huggingface.co/a/b'])).toEqual([
      'https://github.com/a/B',
      'https://github.com/a/c',
      'https://huggingface.co/a/b',
    ]);
  });
});

describe('pageCodeLink', () => {
  test("a page's code link keeps its repository without the sentence punctuation an autolinker took in; another site's link is none", () => {
    expect(pageCodeLink('https://github.com/sail-sg/scaling-with-vocab.')).toBe('https://github.com/sail-sg/scaling-with-vocab');
    expect(pageCodeLink('https://huggingface.co/datasets/org/data:')).toBe('https://huggingface.co/datasets/org/data');
    expect(pageCodeLink('https://github.com/a/b')).toBe('https://github.com/a/b');
    expect(pageCodeLink('https://example.com/?u=https://github.com/a/b')).toBeNull();
    expect(pageCodeLink('javascript:alert(1)//github.com/a/b')).toBeNull();
  });
});

describe('findProjectPage', () => {
  test.each([
    ['a GitHub Pages site', 'We will release all checkpoints through our designated repository https://step-law.github.io/', 'https://step-law.github.io/'],
    ['a bare GitHub Pages address', 'Videos at alice.github.io/alpha-flow.', 'https://alice.github.io/alpha-flow'],
    ['a link called a project page', 'Project page: https://vision.cs.example.edu/flow3d.', 'https://vision.cs.example.edu/flow3d'],
    ['a link called the website', 'Demos are on our website (https://example.org/demo).', 'https://example.org/demo'],
    ['a link after "Homepage:"', 'Homepage: https://flow.example.org.', 'https://flow.example.org/'],
    ['a project page said to be available', 'The project page is available at https://flow.example.org/p.', 'https://flow.example.org/p'],
    ['videos on GitHub Pages', 'Game-play videos and code are at https://curiosity.github.io/large/.', 'https://curiosity.github.io/large/'],
  ])('finds %s', (_, abstract, expected) => {
    expect(findProjectPage(abstract)).toBe(expected);
  });

  test.each([
    ['a shortened link to models', 'We open-source these pretrained models at https://ibm.biz/BdKhLa.'],
    ['a code host', 'Project page: https://github.com/a/b and https://huggingface.co/spaces/a/b.'],
    ['another paper', 'Our project builds on https://arxiv.org/abs/2310.01779 and https://doi.org/10.1/x.'],
    ['a website named in another sentence', 'See our website. Data: https://zenodo.org/records/1.'],
    ['a script link', 'Project page: javascript:alert(1)'],
    ['another project\'s page on GitHub Pages', 'We build on LLaVA (https://llava-vl.github.io/) and extend it to video.'],
    ['a website the paper only names', 'We collect questions from a popular Q&A website https://stackexchange.com and the website of the WHO (https://www.who.int/data).'],
    ['a web page environment', 'We evaluate on WebArena, a realistic web page environment (https://webarena.dev).'],
    ['another host that starts like a GitHub Pages one', 'Videos at alice.github.io.evil.com/phish.'],
    ['the page of a model the paper extends', 'Our model extends LLaVA (https://llava-vl.github.io/) with a new decoder.'],
    ['the page of a library the paper uses', 'Our implementation is based on Detectron2 (https://detectron2.github.io/).'],
    ["another paper's project page", 'Unlike the project page of DreamFusion (https://dreamfusion3d.github.io/), we show videos.'],
  ])('leaves out %s', (_, abstract) => {
    expect(findProjectPage(abstract)).toBeNull();
  });
});
