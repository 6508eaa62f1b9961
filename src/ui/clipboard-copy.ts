import type { PaperLink } from '../export/paper-link';
import { errorMessage } from '../messaging/error-message';
import { useRef } from 'preact/hooks';
import { useTimedOffer } from './timed-offer';

// How long "BibTeX copied" or "Link copied" shows.
const COPIED_MS = 2_500;

/**
 * Puts text on the clipboard as it comes (and gives it), started in the click: a slow answer (a
 * PDF tab's paper completed from arXiv) keeps the click's permission, which Firefox gives for 5 s
 * only. Where the browser has no ClipboardItem, once the text has come.
 */
export async function writeWhenReady(text: Promise<string>): Promise<string> {
  if (typeof ClipboardItem !== 'function') {
    const value = await text;
    await navigator.clipboard.writeText(value);
    return value;
  }
  // The text's own failure is the one to tell (the write fails with it).
  const [value] = await Promise.all([text, navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((value) => new Blob([value], { type: 'text/plain' })) })])]);
  return value;
}

/** Puts a paper's link on the clipboard: Markdown as its text, an anchor for editors that paste rich text. Gives the Markdown. */
export async function writeLink(link: PaperLink): Promise<string> {
  if (typeof ClipboardItem !== 'function') await navigator.clipboard.writeText(link.markdown);
  else {
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/plain': new Blob([link.markdown], { type: 'text/plain' }), 'text/html': new Blob([link.html], { type: 'text/html' }) }),
    ]);
  }
  return link.markdown;
}

/** What a copy puts on the clipboard, as its confirmation names it. */
export type CopiedThing = 'BibTeX' | 'Link';

/**
 * What a copy's confirmation says. A BibTeX entry without authors (a snapshot paper whose arXiv
 * page could not be read) is said to lack them: pasted into a paper unnoticed, it cites no one. A
 * link named by the paper's id alone ("[arXiv:2503.00021](…)", arXiv out of reach) is said to lack its title (QA).
 */
function copiedLabel(what: CopiedThing, written: string | void): string {
  if (typeof written !== 'string') return `${what} copied`;
  if (what === 'BibTeX' && !/^\s*author\s*=/m.test(written)) return 'Copied (no authors)';
  if (what === 'Link' && /^\[arXiv:[^\]\s]+\]\(/.test(written)) return 'Copied (no title)';
  return `${what} copied`;
}

/** A copy's text once it comes, unless a later copy was asked for meanwhile (then its write fails, unsaid). */
export type LatestText = (text: Promise<string>) => Promise<string>;

/**
 * The card's and the popup's copy buttons: `copy(what, write)` runs the clipboard write (which may
 * give the text written) and gives what to show after ("BibTeX copied" for a moment, else null); a
 * failure goes to `showError`. The last copy asked for wins: a BibTeX still waiting for arXiv when
 * Copy link is pressed is not written over the link, nor said.
 */
export function useClipboardCopy(showError: (message: string | null) => void): [string | null, (what: CopiedThing, write: (latest: LatestText) => Promise<string | void>) => Promise<void>] {
  const [copied, showCopied] = useTimedOffer<string>(COPIED_MS);
  const asked = useRef(0);
  const copy = async (what: CopiedThing, write: (latest: LatestText) => Promise<string | void>) => {
    const mine = ++asked.current;
    const isLatest = () => mine === asked.current;
    const latest: LatestText = async (text) => {
      const value = await text;
      if (!isLatest()) throw new Error('a later copy was asked for');
      return value;
    };
    showError(null);
    try {
      const written = await write(latest);
      if (isLatest()) showCopied(copiedLabel(what, written));
    } catch (failure) {
      if (!isLatest()) return;
      showCopied(null);
      showError(`${what} not copied: ${errorMessage(failure)}`);
    }
  };
  return [copied, copy];
}
