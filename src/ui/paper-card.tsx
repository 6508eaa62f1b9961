import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperView, ReadingStatus, RemovedItem } from '../schema';
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl, safeHref } from '../papers/ids';
import { describeCodeLink } from '../summarize/links';
import { STATUS_LABELS, STATUS_ORDER } from './status';
import { errorMessage } from '../messaging/error-message';
import { useTimedOffer } from './timed-offer';
import { holdHandlers } from './held-timeout';
import { useClipboardCopy, writeLink, type LatestText } from './clipboard-copy';
import { paperLink } from '../export/paper-link';
import { holdsFocus } from './focus';
import { useOneAtATime } from './one-at-a-time';
import { isRepeatClick } from './repeat-click';
import { PdfDownloadLink } from './pdf-download-link';
import { dailyRankSaid, dailyRankText } from './daily-rank';

/**
 * Everything the summary card shows: the store's view of the paper (its id null when the page names
 * none), and what the page and the card add.
 */
export type CardModel = Omit<PaperView, 'id'> & {
  id: string | null;
  /** Said on the related line while it has no links (still looking, or none found); null hides it. */
  relatedNote: string | null;
  /** Why the store could not be asked, shown instead of failing silently. */
  problem: string | null;
  /** The PDF to download under a name that says which paper it is; null where the browser would not name it (another site's PDF). */
  pdfDownload: { href: string; fileName: string } | null;
  /** The reason the page gives when its authors withdrew the paper (its results may not hold); null when not withdrawn. */
  withdrawal: string | null;
  /** The card is on the paper's latest arXiv abstract page, where its "arXiv" link leads: no link to the page itself. */
  onAbstractPage: boolean;
};

export interface CardActions {
  save: () => Promise<ReadingStatus | null>;
  /** Removes the paper from the reading list; answers with the item as it was (for undo). */
  unsave: () => Promise<RemovedItem | null>;
  /** Undo of unsave: puts the exact item back. */
  restore: (item: RemovedItem) => Promise<ReadingStatus | null>;
  setStatus: (status: ReadingStatus) => Promise<ReadingStatus | null>;
  /** The paper's BibTeX entry, for "Copy BibTeX" (built by the background). */
  citation: () => Promise<string>;
}

// Links open in a new tab, telling the page there nothing of this one.
const NEW_TAB = { target: '_blank', rel: 'noopener noreferrer' };

function TrendingLine({ rank, snapshot, inStore, upvotes, tldr }: Pick<CardModel, 'rank' | 'snapshot' | 'inStore' | 'upvotes' | 'tldr'>) {
  // A paper the store does not hold is summarized from the page, unless the page shows no abstract.
  const notInStore = tldr === '' ? 'Not trending · no abstract on this page' : 'Not trending · summary from this page';
  const votes = upvotes !== null && (
    <span class="pl-muted" data-testid="upvotes" title="Upvotes on Hugging Face Daily Papers">
      {/* The triangle is drawn, not said ("black up-pointing triangle"). */}
      <span aria-hidden="true">▲ </span>
      {upvotes} upvote{upvotes === 1 ? '' : 's'}
    </span>
  );
  return (
    <>
      <span class={rank === null ? 'pl-rank pl-muted' : 'pl-rank'} data-testid="rank" title={rank !== null ? dailyRankSaid(rank, snapshot) : undefined}>
        {rank !== null ? dailyRankText(rank, snapshot, Date.now()) : inStore ? 'Not ranked' : notInStore}
      </span>
      {votes}
    </>
  );
}

/** "Code: owner/repo", "Model: org/name", "Dataset: …". */
function linkText(href: string): string {
  const { kind, name } = describeCodeLink(href);
  return `${kind}: ${name}`;
}

function Links({ id, codeLinks, projectPage, pdfDownload, onAbstractPage }: Pick<CardModel, 'id' | 'codeLinks' | 'projectPage' | 'pdfDownload' | 'onAbstractPage'>) {
  const code = codeLinks.flatMap((link) => safeHref(link) ?? []);
  const project = safeHref(projectPage);
  return (
    <nav class="pl-links" aria-label="Links">
      {id && (
        <>
          {!onAbstractPage && (
            <a href={arxivAbsUrl(id)} {...NEW_TAB} data-testid="arxiv-link">
              arXiv
            </a>
          )}
          <a href={arxivPdfUrl(id)} {...NEW_TAB} data-testid="pdf-link">
            PDF
          </a>
          {pdfDownload && (
            <PdfDownloadLink href={pdfDownload.href} fileName={pdfDownload.fileName} />
          )}
          {/* Hugging Face has pages for new-style ids only. */}
          {!id.includes('/') && (
            <a href={hfPaperUrl(id)} {...NEW_TAB} data-testid="hf-link">
              Hugging Face
            </a>
          )}
        </>
      )}
      {code.map((href) => (
        <a key={href} href={href} {...NEW_TAB} data-testid="code-link">
          {linkText(href)}
        </a>
      ))}
      {project && (
        <a href={project} {...NEW_TAB} data-testid="project-link">
          Project page
        </a>
      )}
    </nav>
  );
}

/** A text's words and figures, lower-cased, for comparing phrases (an ellipsis and punctuation aside). */
const wordsOf = (text: string): string => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}%]+/gu, ' ').trim()} `;

/**
 * A key result as a list item begins: with a capital, as one taken from a sentence's start does
 * ("Training is 1.4x faster", beside "improves accuracy …" taken from its verb). A first word not
 * all in lower case is a name, kept as written ("nDCG@10 rises …", "iPhone").
 */
function capitalized(result: string): string {
  const firstWord = /^\S+/.exec(result)?.[0] ?? '';
  return /^[a-z][a-z'-]*[,;:]?$/.test(firstWord) ? result[0]!.toUpperCase() + result.slice(1) : result;
}

/** The key results the TL;DR does not state already, word for word: the card says each once. */
function resultsBesideTldr(tldr: string, results: readonly string[]): readonly string[] {
  const stated = wordsOf(tldr);
  return results.filter((result) => !stated.includes(wordsOf(result)));
}

export function PaperCard({ model, actions, collapsed: startCollapsed = false }: { model: CardModel; actions: CardActions; collapsed?: boolean }) {
  const [status, setStatusState] = useState(model.status);
  const { busy, running, run: once } = useOneAtATime();
  const [error, setError] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState(startCollapsed);
  // The option changed while the card is open: the card follows it (as the options page promises).
  useEffect(() => setCollapsed(startCollapsed), [startCollapsed]);
  // The item removed by the last unsave, offered back for a few seconds.
  const [removed, offerUndo, holdUndo] = useTimedOffer<RemovedItem>();
  const [copied, copy] = useClipboardCopy(setError);
  const copyCitation = async (latest: LatestText) => {
    const entry = await latest(actions.citation());
    await navigator.clipboard.writeText(entry);
    return entry;
  };
  const link = model.id === null ? null : paperLink(model.title, arxivAbsUrl(model.id));
  const keyResults = resultsBesideTldr(model.tldr, model.keyResults);
  // A change made elsewhere (popup, reading list, another tab) comes as a new model. Saved again
  // there, the paper is no longer this card's to put back: its Undo goes.
  // A message about the card's last action goes too: it no longer says what the card shows (an
  // action whose answer never came, though the store made the change: "PaperLens did not answer").
  useEffect(() => {
    setStatusState(model.status);
    setError(null);
    if (model.status !== null) offerUndo(null);
  }, [model.status]);

  const saveRef = useRef<HTMLButtonElement>(null);
  const run = (work: () => Promise<ReadingStatus | null>) =>
    once(async () => {
      setError(null);
      try {
        setStatusState(await work());
      } catch (failure) {
        setError(errorMessage(failure));
      }
    });
  const toggleSave = (event: MouseEvent) => {
    // The first click of a double click saved (or removed) the paper: the second would undo it.
    if (isRepeatClick(event)) return;
    void run(async () => {
      if (status === null) {
        offerUndo(null);
        return actions.save();
      }
      offerUndo(await actions.unsave());
      return null;
    });
  };
  const undo = (item: RemovedItem) =>
    run(async () => {
      const restored = await actions.restore(item);
      offerUndo(null);
      // Not listed after all: removed again elsewhere since (the copy kept is that removal's).
      if (restored === null) setError('Not put back: it was changed elsewhere after it was removed here');
      return restored;
    });
  // Undo going away with the focus on it (pressed, its 10 s over, saved elsewhere): the focus
  // moves to Save, not to the page's start. (The ref's cleanup runs as the button goes; the ref is
  // one function for the card's life, so a re-render does not run it.)
  const followUndo = useRef((node: HTMLElement | null) => () => {
    if (node && holdsFocus(node)) saveRef.current?.focus();
  }).current;
  const trending = <TrendingLine {...model} />;
  const toggle = (
    // Named for what it hides, its word first (a voice user says "Hide"); aria-expanded says the state.
    <button type="button" class="pl-toggle" data-testid="card-toggle" aria-label={collapsed ? 'Show summary' : 'Hide summary'} aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
      {collapsed ? 'Show' : 'Hide'}
      {/* The arrow is drawn, not said ("black down-pointing small triangle"): aria-expanded says it. */}
      <span aria-hidden="true">{collapsed ? ' ▸' : ' ▾'}</span>
    </button>
  );

  const saveButton = model.id && (
    <button type="button" class={status === null ? 'pl-save' : 'pl-save pl-saved'} data-testid="save" aria-pressed={status !== null} aria-disabled={busy} ref={saveRef} onClick={toggleSave}>
      {status === null ? 'Save' : 'Saved'}
    </button>
  );
  const shownError = error ?? model.problem;
  const undoAndError = (
    <>
      {/* Always there, so a screen reader announces "Removed" when it comes. */}
      {model.id && (
        <span class="pl-muted" role="status">
          {removed && status === null && (
            // It waits while the reader's focus or pointer is on it (accessibility QA: it went at 10 s with the focus on Undo).
            <span data-testid="undo-bar" {...holdHandlers(holdUndo)}>
              {'Removed · '}
              <button type="button" class="pl-undo" data-testid="undo" aria-disabled={busy} ref={followUndo} onClick={() => void undo(removed)}>
                Undo
              </button>
            </span>
          )}
        </span>
      )}
      {shownError && (
        <span class="pl-error" role="alert" title={shownError}>
          {shownError}
        </span>
      )}
    </>
  );

  if (collapsed) {
    // One line, and still one click to save (a collapsed card is how some readers keep the page quiet).
    return (
      <article class="pl-card pl-collapsed" data-collapsed="true">
        <header class="pl-head">
          <span class="pl-brand">PaperLens</span>
          <span class="pl-line-title" dir="auto">{model.title}</span>
          {model.withdrawal !== null && <strong class="pl-withdrawn-mark" data-testid="withdrawn" title={model.withdrawal}>Withdrawn</strong>}
          {trending}
          {toggle}
          {saveButton}
          {undoAndError}
        </header>
      </article>
    );
  }

  return (
    <article class="pl-card" data-collapsed="false">
      <header class="pl-head">
        <span class="pl-brand">PaperLens</span>
        {trending}
        {toggle}
      </header>
      <h2 class="pl-title" dir="auto">{model.title}</h2>
      {model.withdrawal !== null && (
        <p class="pl-withdrawn" data-testid="withdrawn">
          <strong>Withdrawn </strong>
          <bdi>{model.withdrawal}</bdi>
        </p>
      )}
      {model.tldr && (
        <p class="pl-tldr" data-testid="tldr">
          <strong>TL;DR </strong>
          <bdi>{model.tldr}</bdi>
        </p>
      )}
      {keyResults.length > 0 && (
        <ul class="pl-results" data-testid="key-results" aria-label="Key results">
          {keyResults.map((result) => (
            <li key={result} dir="auto">{capitalized(result)}</li>
          ))}
        </ul>
      )}
      {model.topics.length > 0 && (
        <ul class="pl-topics" data-testid="topics" aria-label="Topics">
          {model.topics.map((topic) => (
            <li key={topic}>{topic}</li>
          ))}
        </ul>
      )}
      <Links {...model} />
      <footer class="pl-actions">
        {saveButton}
        {status !== null && (
          <select
            class="pl-status"
            data-testid="status"
            aria-label="Reading status"
            value={status}
            aria-disabled={busy}
            onChange={(event) => {
              if (running()) {
                event.currentTarget.value = status; // one change at a time
                return;
              }
              const next = STATUS_ORDER.find((value) => value === event.currentTarget.value);
              if (next) void run(() => actions.setStatus(next));
            }}
          >
            {STATUS_ORDER.map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        )}
        {model.id && (
          <button type="button" class="pl-cite" data-testid="copy-bibtex" onClick={() => void copy('BibTeX', copyCitation)}>
            Copy BibTeX
          </button>
        )}
        {link && (
          <button type="button" class="pl-cite" data-testid="copy-link" onClick={() => void copy('Link', () => writeLink(link))}>
            Copy link
          </button>
        )}
        {/* Always there, so a screen reader announces the text when it comes. */}
        {model.id && (
          <span class="pl-muted" role="status" data-testid="copied">
            {copied}
          </span>
        )}
        {undoAndError}
      </footer>
      {/* Below the actions: related papers of a paper the store lacks join the card after it shows,
          and above Save they moved it down as a reader went to click it. */}
      {(model.related.length > 0 || model.relatedNote !== null) && (
        <nav class="pl-related" data-testid="related" aria-label="Related papers">
          <span class="pl-muted">Related: </span>
          {model.related.length === 0 && (
            <span class="pl-muted" data-testid="related-note">
              {model.relatedNote}
            </span>
          )}
          {model.related.map((paper, index) => (
            <span key={paper.id}>
              {index > 0 && ' · '}
              <a href={arxivAbsUrl(paper.id)} {...NEW_TAB} data-testid="related-link">
                <bdi>{paper.title}</bdi>
              </a>
            </span>
          ))}
        </nav>
      )}
    </article>
  );
}
