import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedItem } from '../../src/schema';
import { summarize } from '../../src/summarize';
import { zoteroLibraryOfAbstracts } from '../../bench/tldr-data';
import { launchExtension, type ExtensionBrowser, sendFromPage, listSavedFrom, listedItem, readStore, LISTED_AT } from './harness';

let browser: ExtensionBrowser;
let page: Page;
const BASE = LISTED_AT;

const EXISTING: SavedItem[] = [
  listedItem('1706.03762', 'Attention Is All You Need', { authors: ['Ashish Vaswani', 'Noam Shazeer'], status: 'reading', tags: ['nlp'], notes: 'My own note', tldr: 'Attention alone is enough.' }),
  listedItem('hep-th/9901001', 'Conformal Field Theory on the Plane', { authors: ['A. Author'], status: 'read', readAt: BASE, tags: ['physics'] }),
  listedItem('2310.01779', 'arXiv:2310.01779'),
];

const listed = () => listSavedFrom(page);

async function preview(name: string, text: string): Promise<string> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
  await page.getByTestId('import-summary').filter({ hasText: name }).waitFor();
  return (await page.getByTestId('import-summary').textContent())!;
}

beforeAll(async () => {
  browser = await launchExtension();
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/reading-list.html`);
  await page.getByTestId('empty').waitFor();
});

afterAll(async () => {
  await browser?.close();
});

async function reset(): Promise<void> {
  await sendFromPage(page, { type: 'clearReadingData' });
  expect((await sendFromPage(page, { type: 'importApply', items: EXISTING, rejected: [] })).ok).toBe(true);
  await page.reload();
  await page.locator('[data-testid="reading-list"][data-count="3"]').waitFor();
}

/** Applies the preview shown, if it offers a change, and waits for the background's answer (the write is over then). */
async function applyIfOffered(): Promise<void> {
  if (!(await page.getByTestId('import-apply').isEnabled())) return;
  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-result').waitFor();
}

// As Zotero 7 exports arXiv preprints (Better BibTeX off): the id in url, doi and note; versioned url for the old-style one.
const ZOTERO_BIB = String.raw`
@misc{vaswani_attention_2023,
	title = {Attention {Is} {All} {You} {Need}},
	url = {http://arxiv.org/abs/1706.03762},
	doi = {10.48550/arXiv.1706.03762},
	abstract = {The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.},
	urldate = {2024-05-02},
	publisher = {arXiv},
	author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
	month = aug,
	year = {2023},
	note = {arXiv:1706.03762 [cs]},
	keywords = {Computer Science - Computation and Language, Computer Science - Machine Learning, transformers},
	annote = {Comment: 15 pages, 5 figures},
	file = {Full Text PDF:/home/me/Zotero/storage/ABCD/Vaswani et al. - 2023 - Attention Is All You Need.pdf:application/pdf},
}

@article{author_conformal_1999,
	title = {Conformal {Field} {Theory} on the {Plane}},
	url = {http://arxiv.org/abs/hep-th/9901001v2},
	journal = {arXiv:hep-th/9901001},
	author = {Author, A.},
	month = jan,
	year = {1999},
	note = {arXiv: hep-th/9901001},
	keywords = {High Energy Physics - Theory},
}

@misc{zhai_halle-switch_2023,
	title = {{HallE}-{Switch}: {Controlling} {Object} {Hallucination} in {Large} {Vision} {Language} {Models}},
	shorttitle = {{HallE}-{Switch}},
	url = {http://arxiv.org/abs/2310.01779},
	doi = {10.48550/arXiv.2310.01779},
	publisher = {arXiv},
	author = {Zhai, Bohan and Yang, Shijia},
	month = oct,
	year = {2023},
	note = {arXiv:2310.01779 [cs]},
}
`;

describe('a Zotero library merged into the reading list', () => {
  test('Zotero BibTeX: the three papers already listed are updated, none added; the list keeps its statuses, tags, notes and TL;DR; a placeholder title gets Zotero\'s', async () => {
    await reset();
    const summary = await preview('My Library.bib', ZOTERO_BIB);
    expect(summary).toMatch(/^My Library\.bib: 0 new, [0-3] updated/);
    await applyIfOffered();
    const after = new Map((await listed()).map((entry) => [entry.id, entry]));
    expect(after.size).toBe(3);
    expect(after.get('1706.03762')).toMatchObject({ title: 'Attention Is All You Need', status: 'reading', notes: expect.stringContaining('My own note'), tldr: 'Attention alone is enough.' });
    expect(after.get('1706.03762')!.tags).toContain('nlp');
    expect(after.get('hep-th/9901001')).toMatchObject({ status: 'read', title: 'Conformal Field Theory on the Plane' });
    expect(after.get('hep-th/9901001')!.tags).toContain('physics');
    expect(after.get('2310.01779')!.title).toMatch(/^HallE-Switch: /);
    expect(after.get('2310.01779')!.authors).toEqual(['Bohan Zhai', 'Shijia Yang']);
  });

  test('the same Zotero BibTeX imported again (a weekly re-export of the library) changes nothing: no note or tag added twice', async () => {
    await reset();
    await preview('My Library.bib', ZOTERO_BIB);
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-result').waitFor();
    const once = await listed();
    const summary = await preview('My Library.bib', ZOTERO_BIB);
    await applyIfOffered();
    const byId = (a: SavedItem, b: SavedItem) => a.id.localeCompare(b.id);
    expect({ summary, items: (await listed()).sort(byId) }).toEqual({ summary: expect.stringMatching(/0 new, 0 updated/), items: once.sort(byId) });
  });

  test('Zotero RIS of the same papers: merged the same way, nothing duplicated', async () => {
    await reset();
    const ris = [
      'TY  - PREP', 'TI  - Attention Is All You Need', 'AU  - Vaswani, Ashish', 'AU  - Shazeer, Noam', 'AB  - The dominant sequence transduction models.', 'DA  - 2023/08/02/', 'PY  - 2023', 'DO  - 10.48550/arXiv.1706.03762', 'DP  - arXiv.org', 'PB  - arXiv', 'UR  - http://arxiv.org/abs/1706.03762', 'Y2  - 2024/05/02/', 'KW  - Computer Science - Computation and Language', 'KW  - transformers', 'N1  - <p>Comment: 15 pages, 5 figures</p>', 'N1  - arXiv:1706.03762 [cs]', 'ER  - ', '',
      'TY  - JOUR', 'TI  - Conformal Field Theory on the Plane', 'AU  - Author, A.', 'T2  - arXiv:hep-th/9901001', 'UR  - http://arxiv.org/abs/hep-th/9901001v2', 'PY  - 1999', 'ER  - ', '',
      'TY  - PREP', 'TI  - HallE-Switch: Controlling Object Hallucination in Large Vision Language Models', 'AU  - Zhai, Bohan', 'AU  - Yang, Shijia', 'UR  - http://arxiv.org/abs/2310.01779', 'DO  - 10.48550/arXiv.2310.01779', 'ER  - ', '',
    ].join('\r\n');
    const summary = await preview('Exported Items.ris', ris);
    expect(summary).toMatch(/^Exported Items\.ris: 0 new, [0-3] updated/);
    await applyIfOffered();
    const after = new Map((await listed()).map((entry) => [entry.id, entry]));
    expect(after.size).toBe(3);
    expect(after.get('1706.03762')).toMatchObject({ title: 'Attention Is All You Need', status: 'reading', tldr: 'Attention alone is enough.' });
    expect(after.get('1706.03762')!.notes).toContain('My own note');
    expect(after.get('hep-th/9901001')).toMatchObject({ status: 'read' });
    expect(after.get('2310.01779')!.title).toMatch(/^HallE-Switch: /);
  });
});

describe('a Zotero library imported into an empty list', () => {
  // Zotero keeps each paper's abstract: the list shows the TL;DR the card would pick from it, and
  // arXiv is not asked for 3,000 pages (one every 3 s) to say what the file already said.
  const ABSTRACTS = {
    '1706.03762': [
      'Attention Is All You Need',
      'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. We propose a new simple network architecture, the {Transformer}, based solely on attention mechanisms. Experiments on two machine translation tasks show these models to be superior in quality, reaching 28.4 {BLEU} and 50\\% less training time.',
    ],
    '2006.11239': [
      'Denoising Diffusion Probabilistic Models',
      'We present high quality image synthesis results using diffusion probabilistic models, a class of latent variable models inspired by considerations from nonequilibrium thermodynamics. On the unconditional {CIFAR10} dataset, we obtain an Inception score of 9.46 and a state-of-the-art {FID} score of 3.17.',
    ],
  } as const;
  const LIBRARY = Object.entries(ABSTRACTS)
    .map(([id, [title, abstract]]) => `@misc{key_${id.replace('.', '_')},\n\ttitle = {${title}},\n\turl = {http://arxiv.org/abs/${id}},\n\tdoi = {10.48550/arXiv.${id}},\n\tabstract = {${abstract}},\n\tauthor = {Doe, Jane and Roe, Richard},\n\tnote = {arXiv:${id} [cs]},\n}\n`)
    .join('\n');

  test('Zotero BibTeX with abstracts: each row shows its TL;DR at once, and no arXiv page is queued or requested', async () => {
    await sendFromPage(page, { type: 'clearReadingData' });
    await page.reload();
    await page.getByTestId('empty').waitFor();
    await preview('My Library.bib', LIBRARY);
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-result').waitFor();
    await page.locator('[data-testid="reading-list"][data-count="2"]').waitFor();
    for (const [id, [title, abstract]] of Object.entries(ABSTRACTS)) {
      const tldr = summarize(title, abstract.replace(/[{}]/g, '').replace('\\%', '%')).tldr;
      expect(tldr).not.toBe('');
      await expect.poll(() => page.locator(`[data-arxiv-id="${id}"] .tldr`).innerText()).toBe(tldr);
    }
    // (The queue may still hold the bare papers earlier tests listed.)
    const ids = Object.keys(ABSTRACTS);
    const queue = (await readStore<{ key: string; value: string }[]>(browser, 'meta')).find((row) => row.key === 'arxivFillQueue')?.value;
    expect((queue === undefined ? [] : (JSON.parse(queue) as { ids: string[] }).ids).filter((id) => ids.includes(id))).toEqual([]);
    // The queue's worker would have asked by now (it goes on 2 s after a change, a page every 3 s).
    await page.waitForTimeout(4_000);
    expect(browser.requests.map((request) => request.url()).filter((url) => url.includes('arxiv.org') && ids.some((id) => url.includes(id)))).toEqual([]);
  }, 30_000);

  test('a library of 3,000 abstracts: the preview counts the TL;DRs as they are picked (the page is not frozen meanwhile), then lists all 3,000', async () => {
    const library = zoteroLibraryOfAbstracts(3000);
    await page.getByTestId('import-file').setInputFiles({ name: 'Big Library.bib', mimeType: 'application/octet-stream', buffer: Buffer.from(library) });
    // What the page shows while it reads, sampled until the preview comes.
    const counts = new Set<string>();
    for (;;) {
      const shown = await page.evaluate(() => ({
        reading: document.querySelector('[data-testid="import-reading"]')?.textContent ?? null,
        previewed: document.querySelector('[data-testid="import-summary"]')?.textContent?.includes('Big Library.bib') ?? false,
      }));
      if (shown.previewed) break;
      const count = /TL;DRs from abstracts: ([\d,]+) of 3,000/.exec(shown.reading ?? '')?.[1];
      if (count) counts.add(count);
      await page.waitForTimeout(20);
    }
    expect(counts.size).toBeGreaterThan(2);
    expect(await page.getByTestId('import-summary').textContent()).toMatch(/3,000 new/);
    await page.getByTestId('import-cancel').click();
  }, 60_000);
});

describe('one paper twice in a Zotero library (its v1 and its v5, as two items)', () => {
  const TWICE = String.raw`
@misc{vaswani_attention_2017,
	title = {Attention {Is} {All} {You} {Need}},
	url = {http://arxiv.org/abs/1706.03762v1},
	author = {Vaswani, Ashish and Shazeer, Noam},
	year = {2017},
	keywords = {classic},
	annote = {First read in 2017.},
}

@misc{vaswani_attention_2023,
	title = {Attention {Is} {All} {You} {Need}},
	url = {http://arxiv.org/abs/1706.03762v5},
	author = {Vaswani, Ashish and Shazeer, Noam},
	year = {2023},
	keywords = {transformers},
	annote = {Re-read for the course.},
}
`;
  test('imported into an empty list: one paper, with both entries\' keywords and notes, and the preview counts one', async () => {
    await sendFromPage(page, { type: 'clearReadingData' });
    await page.reload();
    await page.getByTestId('empty').waitFor();
    const summary = await preview('Library.bib', TWICE);
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-result').waitFor();
    const items = await listed();
    expect({ summary, ids: items.map((item) => item.id) }).toEqual({ summary: expect.stringMatching(/^Library\.bib: 1 new/), ids: ['1706.03762'] });
    expect([...items[0]!.tags].sort()).toEqual(['classic', 'transformers']);
    expect(items[0]!.notes).toContain('First read in 2017.');
    expect(items[0]!.notes).toContain('Re-read for the course.');
  });
});
