import { createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { PaperView, SaveInput } from '../../schema';
import { sendRequest } from '../../messaging/client';
import { arxivAbsUrl } from '../../papers/ids';
import { StatusSelect } from '../status-select';
import { errorMessage } from '../../messaging/error-message';
import { useOneAtATime } from '../one-at-a-time';
import { isRepeatClick } from '../repeat-click';
import { dailyRankSaid, dailyRankText } from '../daily-rank';

/** How rows remove a paper: through the popup's undoable remove ("Removed · Undo"), which the popup provides. */
export const RemoveContext = createContext<(ids: string[]) => Promise<void>>(async () => {
  throw new Error('a row is shown outside the popup, which removes papers');
});

/** Told of each save made from a row (the paper's id): its removal's Undo goes, and a removal after it is not put back with one made before it. */
export const SavedContext = createContext<(id: string) => void>(() => undefined);

/** Save / Saved; `details` are what the paper's page says beyond its title (authors, dates…). */
export function SaveToggle({ paper, tldr, sourceUrl, details = {} }: { paper: Pick<PaperView, 'id' | 'title' | 'status'>; tldr: string; sourceUrl: string | null; details?: Partial<SaveInput> }) {
  const { busy, run } = useOneAtATime();
  const [error, setError] = useState<string | null>(null);
  const remove = useContext(RemoveContext);
  const saved = useContext(SavedContext);
  const toggle = (event: MouseEvent) => {
    // The first click of a double click saved (or removed) the paper: the second would undo it.
    if (isRepeatClick(event)) return;
    void run(async () => {
      setError(null);
      try {
        if (paper.status === null) {
          await sendRequest({ type: 'save', paper: { ...details, id: paper.id, title: paper.title, tldr, sourceUrl } }, true);
          saved(paper.id);
        } else {
          await remove([paper.id]);
        }
      } catch (failure) {
        setError(errorMessage(failure));
      }
    });
  };
  return (
    <>
      <button type="button" class={paper.status === null ? 'save' : 'save saved'} data-testid="save" aria-pressed={paper.status !== null} aria-disabled={busy} aria-label={`${paper.status === null ? 'Save' : 'Saved'}: ${paper.title}`} onClick={toggle}>
        {paper.status === null ? 'Save' : 'Saved'}
      </button>
      {error && <span class="error" role="alert">{error}</span>}
    </>
  );
}

/**
 * One paper in a popup list: title link, TL;DR, save toggle. `rankSource`: where rows of several
 * lists mix (search results), the rank says which list it is from ("#3 daily · 2025-07-30") on a
 * line of its own, so that titles line up whether a row has a rank or not and whatever its width.
 * `meta`: a line under the title (Recent: when the page was opened).
 */
export function PaperRow({ paper, testId, rankSource = false, meta }: { paper: Pick<PaperView, 'id' | 'title' | 'tldr' | 'topics' | 'rank' | 'snapshot' | 'status'>; testId: string; rankSource?: boolean; meta?: string }) {
  return (
    <li class="paper" data-testid={testId} data-arxiv-id={paper.id}>
      <div class="paper-head">
        {paper.rank !== null && !rankSource && (
          <span class="rank" data-testid="rank">
            #{paper.rank}
          </span>
        )}
        {/* dir="auto": a right-to-left title (Arabic, Hebrew) is laid out and punctuated as such. */}
        <a class="title" dir="auto" href={arxivAbsUrl(paper.id)} target="_blank" rel="noopener noreferrer">
          {paper.title}
        </a>
      </div>
      {paper.rank !== null && rankSource && (
        <p class="meta" data-testid="rank" title={dailyRankSaid(paper.rank, paper.snapshot)}>
          {dailyRankText(paper.rank, paper.snapshot, Date.now())}
        </p>
      )}
      {meta && <p class="meta">{meta}</p>}
      {paper.tldr && <p class="tldr" dir="auto">{paper.tldr}</p>}
      {paper.topics.length > 0 && <p class="topics">{paper.topics.join(' · ')}</p>}
      <div class="row-actions">
        <SaveToggle paper={paper} tldr={paper.tldr} sourceUrl={null} />
        {paper.status !== null && <StatusSelect id={paper.id} status={paper.status} label={`Reading status of ${paper.title}`} />}
      </div>
    </li>
  );
}
