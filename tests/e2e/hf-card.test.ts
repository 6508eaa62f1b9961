import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedItem } from '../../src/schema';
import { card, cardText, fixture, launchExtension, pressSaveShortcut, readStore, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  browser.serve('https://huggingface.co/papers/2310.01779', await fixture('hf-paper-2310.01779.html'));
});

afterAll(async () => {
  await browser?.close();
});

/** A new tab on the first paper's page (HallE-Switch), once its card shows. */
async function openFirstPaper() {
  const page = await browser.context.newPage();
  await page.goto('https://huggingface.co/papers/2310.01779');
  await expect.poll(() => cardText(page)).toContain('HallE-Switch');
  return page;
}

describe('summary card on Hugging Face paper pages', () => {
  test('shows the seeded paper, then exactly one card for the second paper after client-side navigation, and the first one as it is now on the way back', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://huggingface.co/papers/2310.01779');
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await card(page).getByTestId('rank').textContent()).toContain('#1 daily');
    expect(await cardText(page)).toContain('HallE-Switch');
    // arXiv's PDF is another site's file here: the browser would not name it, so no Download PDF.
    expect(await card(page).getByTestId('pdf-download').count()).toBe(0);
    await card(page).getByTestId('save').click();
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');

    await page.getByRole('link', { name: 'Scaling Laws with Vocabulary' }).click();
    await expect.poll(() => page.url()).toBe('https://huggingface.co/papers/2407.13623');
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Scaling Laws with Vocabulary');
    expect(await card(page).count()).toBe(1);
    expect(await cardText(page)).not.toContain('HallE-Switch');
    // 2407.13623 is in the seed: its rank comes from the store, not from the stale embedded JSON.
    expect(await card(page).getByTestId('rank').textContent()).toMatch(/#\d+ daily · Jul 30, 2025/);

    // Back to the first paper: its card shows it saved (not the answer from before the save).
    await page.goBack();
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('HallE-Switch');
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');
    await card(page).getByTestId('save').click();
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Save');
    await page.close();
  });

  test('a site that renders the next paper into the same elements, title first, gets that paper\'s card, never a mix', async () => {
    const page = await openFirstPaper();
    // Client-side navigation, then the text nodes of the same h1 and abstract are updated, apart.
    await page.evaluate(() => history.pushState({}, '', '/papers/2407.13623'));
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      (document.querySelector('#paper-section h1')!.firstChild as Text).data = 'Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies';
    });
    await page.waitForTimeout(300);
    // Title new, abstract still the previous paper's: no card that mixes them.
    expect(await card(page).count()).toBe(0);
    await page.evaluate(() => {
      (document.querySelector('#paper-section p.text-gray-600')!.firstChild as Text).data =
        'Research on scaling large language models has focused on parameters and data. We propose three approaches for predicting the compute-optimal vocabulary size.';
    });
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Scaling Laws with Vocabulary');
    expect(await cardText(page)).not.toContain('HallE');
    expect(await card(page).count()).toBe(1);

    // A next paper that shares its abstract with this one (a rare duplicate) still gets its card, a moment later.
    await page.evaluate(() => history.pushState({}, '', '/papers/2407.21001'));
    await page.waitForTimeout(200);
    await page.evaluate(() => {
      (document.querySelector('#paper-section h1')!.firstChild as Text).data = 'A Twin Paper With the Same Abstract';
    });
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('A Twin Paper With the Same Abstract');
    expect(await card(page).count()).toBe(1);
    await page.close();
  });

  test('a site that renders the next paper in place, in one go, never shows the previous paper\'s card under it', async () => {
    const page = await openFirstPaper();
    // URL, title and abstract change in one task; the card is read at each frame after that.
    const frames: string[] = await page.evaluate(`(async () => {
      history.pushState({}, '', '/papers/2501.00001');
      document.querySelector('#paper-section h1').firstChild.data = 'An Unknown Paper About Something Else';
      document.querySelector('#paper-section p.text-gray-600').firstChild.data = 'We study something else entirely. Our method improves accuracy by 12% on five benchmarks.';
      const frames = [];
      for (let i = 0; i < 60; i++) {
        await new Promise((frame) => requestAnimationFrame(frame));
        frames.push(document.querySelector('[data-paperlens="card"]')?.shadowRoot?.querySelector('article')?.textContent ?? '');
      }
      return frames;
    })()`);
    expect(frames.filter((text) => text.includes('HallE'))).toEqual([]);
    await expect.poll(() => cardText(page)).toContain('An Unknown Paper About Something Else');
    expect(await card(page).count()).toBe(1);
    await page.close();
  });

  test('the card comes back when the page re-renders its content away', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://huggingface.co/papers/2310.01779');
    await expect.poll(() => card(page).count()).toBe(1);
    // The host app re-renders the abstract block, dropping nodes it does not own.
    const cardsRightAfter = await page.evaluate(() => {
      const block = document.querySelector('.pb-8.pr-4')!;
      const container = block.parentElement!;
      container.replaceChildren(block.cloneNode(true));
      return document.querySelectorAll('[data-paperlens="card"]').length;
    });
    expect(cardsRightAfter).toBe(0);
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await cardText(page)).toContain('HallE-Switch');
    await page.close();
  });

  test('a link within the page (a comment, #community) or a page option in the query (?sort=recent) keeps the card as the reader left it', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://huggingface.co/papers/2310.01779');
    await expect.poll(() => card(page).count()).toBe(1);
    await card(page).getByTestId('card-toggle').click();
    await expect.poll(() => card(page).locator('article').getAttribute('data-collapsed')).toBe('true');
    await page.evaluate(() => {
      location.hash = 'community';
      document.body.append(Object.assign(document.createElement('div'), { id: 'community' }));
    });
    await page.waitForTimeout(500);
    expect(await card(page).count()).toBe(1);
    expect(await card(page).locator('article').getAttribute('data-collapsed')).toBe('true');
    // The same card, focus in it: not one built anew, expanded, with the focus dropped to the page.
    await page.evaluate(() => Object.assign(document.querySelector('[data-paperlens="card"]')!, { keptAcross: true }));
    await card(page).getByTestId('card-toggle').focus();
    await page.evaluate(() => history.replaceState({}, '', '/papers/2310.01779?sort=recent'));
    await page.evaluate(() => history.pushState({}, '', '/papers/2310.01779?sort=top'));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => [...document.querySelectorAll('[data-paperlens="card"]')].map((host) => (host as HTMLElement & { keptAcross?: boolean }).keptAcross === true))).toEqual([true]);
    expect(await card(page).locator('article').getAttribute('data-collapsed')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-testid'))).toBe('card-toggle');
    await page.close();
  });
});

/** The reading list, read from the store in the worker. */
function listed(): Promise<SavedItem[]> {
  return readStore<SavedItem[]>(browser, 'saved');
}

/**
 * Hugging Face's router on a slow connection: the next paper's URL is pushed at once, its page
 * rendered in place when its data has come (here 2 s later).
 */
const NAVIGATE_SLOWLY = `(() => {
  history.pushState({}, '', '/papers/2407.13623');
  setTimeout(() => {
    document.querySelector('#paper-section h1').textContent = 'Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies';
    for (const author of document.querySelectorAll('#paper-section .author')) author.textContent = 'Chaofan Tao';
    document.querySelector('#paper-section p.text-gray-600').textContent = 'Research on scaling large language models has focused on parameters and data. We propose three approaches for predicting the compute-optimal vocabulary size.';
  }, 2000);
})()`;

describe('Hugging Face: the next paper still loading after a client-side navigation', () => {
  test("the next paper's title shown while its abstract still loads: the previous paper's card goes at once (its Save would save that paper), and the next paper's comes with its abstract", async () => {
    const page = await openFirstPaper();
    await page.evaluate(`(() => {
      history.pushState({}, '', '/papers/2407.13623');
      document.querySelector('#paper-section h1').textContent = 'Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies';
      const block = document.querySelector('#paper-section h2').parentElement;
      const abstract = [...block.childNodes];
      block.replaceChildren(Object.assign(document.createElement('div'), { className: 'animate-pulse' }));
      window.showAbstract = (text) => {
        block.replaceChildren(...abstract);
        block.querySelector('p.text-gray-600').textContent = text;
      };
    })()`);
    await expect.poll(() => card(page).count(), { timeout: 1000 }).toBe(0);
    await page.waitForTimeout(1000);
    expect(await card(page).count()).toBe(0);
    await page.evaluate(`window.showAbstract('Research on scaling large language models has focused on parameters and data. We propose three approaches for predicting the compute-optimal vocabulary size.')`);
    await expect.poll(() => cardText(page)).toContain('Scaling Laws with Vocabulary');
    expect(await cardText(page)).not.toContain('HallE');
    expect(await card(page).count()).toBe(1);
    await page.close();
  });

  test('the next paper by the same authors as the previous one gets them once its authors have had time to come', async () => {
    const page = await openFirstPaper();
    // Same three authors: the page leaves the list as it is.
    await page.evaluate(`(() => {
      history.pushState({}, '', '/papers/2501.07772');
      document.querySelector('#paper-section h1').textContent = 'A Second Paper By The Same Group';
      document.querySelector('#paper-section p.text-gray-600').textContent = 'We study the same group of problems again. Our method improves accuracy by 3% on two benchmarks.';
    })()`);
    await expect.poll(() => cardText(page)).toContain('Same Group');
    await card(page).getByTestId('save').click();
    await expect.poll(async () => (await listed()).find((item) => item.id === '2501.07772')?.authors, { timeout: 10_000 }).toEqual(['Bohan Zhai', 'Shijia Yang', 'Manling Li']);
    await page.close();
  });

  test("the next paper's authors shown after its title and abstract: Copy BibTeX, Save and Recent name them, never the previous paper's", async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://huggingface.co' });
    const page = await openFirstPaper();
    await page.evaluate(`(() => {
      history.pushState({}, '', '/papers/2501.07771');
      document.querySelector('#paper-section h1').textContent = 'An Unknown Paper About Protein Folding';
      document.querySelector('#paper-section p.text-gray-600').textContent = 'We study protein folding with diffusion models. Our method improves accuracy by 12% on three benchmarks.';
      window.showAuthors = () => {
        document.querySelector('#paper-section .author').parentElement.innerHTML = '<span class="author">Carol Newauthor</span>, <span class="author">Dan Second</span>';
      };
    })()`);
    await expect.poll(() => cardText(page)).toContain('Protein Folding');
    // Before the page names them, a copy names no one rather than the previous paper's authors.
    await page.bringToFront();
    await card(page).getByTestId('copy-bibtex').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Protein Folding');
    expect(await page.evaluate(() => navigator.clipboard.readText())).not.toContain('Zhai');
    await page.evaluate('window.showAuthors()');
    await page.waitForTimeout(300);
    await card(page).getByTestId('copy-bibtex').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('author = {Carol Newauthor and Dan Second}');
    await card(page).getByTestId('save').click();
    await expect.poll(async () => (await listed()).find((item) => item.id === '2501.07771')?.authors).toEqual(['Carol Newauthor', 'Dan Second']);
    const popup = await browser.popup();
    await popup.getByTestId('tab-recent').click();
    const recent = popup.getByRole('list', { name: 'Recently opened papers' }).locator('li').first();
    await expect.poll(() => recent.innerText()).toContain('Carol Newauthor');
    expect(await recent.innerText()).not.toContain('Zhai');
    await popup.close();
    await page.close();
  });

  test('the popup and the shortcut, while the previous paper is still on screen, do not name or save the next paper by the previous one’s title and authors', async () => {
    const page = await openFirstPaper();
    await page.bringToFront();
    await page.evaluate(NAVIGATE_SLOWLY);
    await expect.poll(() => page.url()).toBe('https://huggingface.co/papers/2407.13623');
    // The card of the previous paper is gone at once: the page is not yet the next paper's.
    await expect.poll(() => card(page).count()).toBe(0);
    // The popup opened now names the paper of the URL by the previous paper's title.
    const popup = await browser.popup();
    await expect.poll(() => popup.getByTestId('this-tab').getAttribute('data-arxiv-id')).toBe('2407.13623');
    const popupTitle = await popup.getByTestId('this-tab').locator('.title').textContent();
    await popup.close();
    await pressSaveShortcut(browser);
    await page.waitForTimeout(300);
    expect.soft(popupTitle).not.toMatch(/HallE/);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('Scaling Laws with Vocabulary');
    // Once the next paper shows, its card (which completes a saved item from its page) is there too.
    await expect.poll(() => card(page).getByTestId('save').textContent()).toBe('Saved');
    await page.waitForTimeout(500);
    const saved = (await listed()).map((item) => ({ id: item.id, title: item.title, authors: item.authors }));
    // Whatever was saved under 2407.13623 is that paper, not HallE-Switch.
    for (const item of saved) {
      if (item.id === '2407.13623') {
        expect(item.title).not.toMatch(/HallE/);
        expect(item.authors).not.toContain('Bohan Zhai');
      }
    }
    expect(saved.some((item) => item.id === '2310.01779')).toBe(false);
  });

  test('the code link only arXiv\'s comments give, once its arXiv page was opened, shows on the Hugging Face card too', async () => {
    browser.serve('https://arxiv.org/abs/2310.01779', await fixture('arxiv-abs-2310.01779v3.html'));
    const before = await openFirstPaper();
    expect(await card(before).getByTestId('code-link').count()).toBe(0);
    await before.close();
    const arxiv = await browser.context.newPage();
    await arxiv.goto('https://arxiv.org/abs/2310.01779');
    await expect.poll(() => card(arxiv).getByTestId('code-link').getAttribute('href')).toBe('https://github.com/bronyayang/HallE_Control');
    await arxiv.close();
    const after = await openFirstPaper();
    await expect.poll(() => card(after).getByTestId('code-link').getAttribute('href')).toBe('https://github.com/bronyayang/HallE_Control');
    await after.close();
  });
});
