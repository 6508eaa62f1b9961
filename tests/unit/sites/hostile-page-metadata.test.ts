// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { arxivAbs } from '../../../src/sites/arxiv-abs';
import { arxivListing } from '../../../src/sites/arxiv-listing';
import { readArxivAbsPage } from '../../../src/feed/arxiv-paper';
import { placeholderTitle } from '../../../src/papers/ids';
import { PagePaperSchema, SaveInputSchema } from '../../../src/schema';
import { loadFixture } from './load-fixture';

// Page text is bounded where it is read (boundPaper, the listing's details) so that what a page
// says never fails the schemas the worker checks a save, a citation or a page's answer against.
// These pages carry a value longer than the store keeps: the paper must still be read and saved.

const LONG_PDF_URL = `https://arxiv.org/pdf/2310.01779v3?utm_source=${'x'.repeat(2100)}`;

describe('page metadata longer than the store keeps', () => {
  test("an abstract page whose citation_pdf_url is past 2,048 characters: the page's paper still passes the page schema and can be saved", async () => {
    const { doc, url } = await loadFixture('arxiv-abs-2310.01779v3.html');
    doc.querySelector('meta[name="citation_pdf_url"]')!.setAttribute('content', LONG_PDF_URL);
    const paper = arxivAbs.extract(doc, url)!;
    expect(paper.title).toMatch(/^HallE-Control/);
    // What the shortcut and the link menu answer for the tab (PageAnswerSchema).
    const answer = PagePaperSchema.safeParse(paper);
    expect(answer.success ? null : answer.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toBeNull();
    // What the card's Save and Copy BibTeX send (card-controller savedPaper / citation).
    const save = SaveInputSchema.safeParse({ id: paper.id, title: paper.title, authors: paper.authors, published: paper.published, primaryCategory: paper.primaryCategory, doi: paper.doi, journalRef: paper.journalRef, pdfUrl: paper.pdfUrl });
    expect(save.success ? null : save.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toBeNull();
  });

  test("the worker's reading of that arXiv page (PDF tabs, completing saved papers) still gives its paper", async () => {
    const html = (await readFile(resolve('tests/fixtures/arxiv-abs-2310.01779v3.html'), 'utf8')).replace(
      /(<meta name="citation_pdf_url" content=")[^"]*"/,
      `$1${LONG_PDF_URL}"`,
    );
    expect(html).toContain(LONG_PDF_URL);
    const paper = readArxivAbsPage(html, '2310.01779');
    expect(paper?.title).toMatch(/^HallE-Control/);
  });

  test("a listing entry whose primary subject names a category past 100 characters: the badge's Save still passes the save schema", async () => {
    const { doc } = await loadFixture('listings/arxiv-list-cs.CL-new.html');
    const subject = doc.querySelector('dd .primary-subject')!;
    subject.textContent = `Computation and Language (cs.CL ${'and more '.repeat(20)})`;
    const entry = arxivListing.entries(doc).find((candidate) => candidate.element.contains(subject))!;
    const details = arxivListing.details(entry, doc);
    // What the badge's Save sends (badges/controller toggleSave).
    const save = SaveInputSchema.safeParse({
      id: entry.id,
      title: details.title || placeholderTitle(entry.id),
      authors: details.authors,
      tldr: '',
      sourceUrl: 'https://arxiv.org/list/cs.CL/new',
      primaryCategory: details.primaryCategory,
      pdfUrl: `https://arxiv.org/pdf/${entry.id}`,
    });
    expect(save.success ? null : save.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toBeNull();
  });
});
