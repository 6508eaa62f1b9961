import { useEffect, useState } from 'preact/hooks';
import type { PaperLensDatabase } from '../../db/database';
import { listSaved, lookupPapers, trendingPapers } from '../../db/papers';
import { sendRequest } from '../../messaging/client';
import { arxivAbsUrl } from '../../papers/ids';
import { useLiveQuery } from '../live-query';
import { activeTabPaper, type TabPaper } from './active-tab';
import { PaperRow, SaveToggle, StatusSelect } from './paper-row';
import { SearchResults, useSearch } from './search';

type Section = 'trending' | 'saved';

function Problem({ text }: { text: string | null }) {
  return text ? <p class="problem" role="alert">{text}</p> : null;
}

function ThisTab({ db, tab }: { db: PaperLensDatabase; tab: TabPaper }) {
  const { value, error } = useLiveQuery(() => lookupPapers(db, [{ id: tab.id }]), [tab.id]);
  const view = value?.[0] ?? null;
  const title = view?.title ?? (tab.tabTitle || `arXiv ${tab.id}`);
  return (
    <section class="this-tab" data-testid="this-tab" data-arxiv-id={tab.id} aria-label="This tab">
      <h2>This tab</h2>
      <Problem text={error} />
      <a class="title" href={arxivAbsUrl(tab.id)} target="_blank" rel="noopener noreferrer">{title}</a>
      <p class="meta">
        arXiv {tab.id}
        {view?.rank != null ? ` · #${view.rank} trending${view.snapshot ? ` · ${view.snapshot}` : ''}` : view?.inStore ? '' : ' · not in the snapshot'}
      </p>
      {view?.tldr && <p class="tldr">{view.tldr}</p>}
      <div class="row-actions">
        <SaveToggle paper={{ id: tab.id, title, status: view?.status ?? null }} tldr={view?.tldr ?? ''} sourceUrl={tab.url} />
        {view?.status && <StatusSelect id={tab.id} status={view.status} />}
      </div>
    </section>
  );
}

function Trending({ db }: { db: PaperLensDatabase }) {
  const { value, error } = useLiveQuery(() => trendingPapers(db), []);
  if (error) return <Problem text={error} />;
  if (!value) return <p class="empty">Loading…</p>;
  if (value.length === 0) return <p class="empty">No trending papers yet: the bundled snapshot is still loading.</p>;
  return (
    <ol class="papers" aria-label="Trending papers">
      {value.map((paper) => <PaperRow key={paper.id} paper={paper} testId="trending-item" />)}
    </ol>
  );
}

function Saved({ db }: { db: PaperLensDatabase }) {
  const { value, error } = useLiveQuery(() => listSaved(db), []);
  if (error) return <Problem text={error} />;
  if (!value) return <p class="empty">Loading…</p>;
  if (value.length === 0) return <p class="empty">Nothing saved yet. Save a paper from its card, from Trending or from This tab.</p>;
  return (
    <ul class="papers" aria-label="Saved papers">
      {value.map((item) => (
        <li key={item.id} class="paper" data-testid="saved-item" data-arxiv-id={item.id}>
          <a class="title" href={arxivAbsUrl(item.id)} target="_blank" rel="noopener noreferrer">{item.title}</a>
          <p class="meta">Saved {new Date(item.addedAt).toLocaleDateString()}</p>
          <div class="row-actions">
            <StatusSelect id={item.id} status={item.status} />
            <SaveToggle paper={item} tldr={item.tldr} sourceUrl={item.sourceUrl} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function PopupApp({ db }: { db: PaperLensDatabase }) {
  const [section, setSection] = useState<Section>('trending');
  const [tab, setTab] = useState<TabPaper | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    activeTabPaper().then(setTab, () => setTab(null));
    // Asking for health also wakes the background, which seeds the store on first use.
    sendRequest({ type: 'health' }).then(
      (health) => setProblem(health.ok ? null : health.error ?? 'PaperLens store is unavailable'),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  }, []);

  const savedCount = useLiveQuery(() => db.saved.count(), []).value;
  const [query, setQuery] = useState('');
  const search = useSearch(db, query);
  return (
    <main>
      <header class="top">
        <span class="brand">PaperLens</span>
        <input
          type="search"
          class="search"
          data-testid="search"
          placeholder="Search papers: title, TL;DR, topic, author"
          aria-label="Search papers"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </header>
      <Problem text={problem} />
      {tab ? <ThisTab db={db} tab={tab} /> : <p class="hint">Open an arXiv or Hugging Face paper to save it from here.</p>}
      <nav class="sections" role="tablist">
        <button type="button" role="tab" aria-selected={section === 'trending'} data-testid="tab-trending" onClick={() => setSection('trending')}>
          Trending
        </button>
        <button type="button" role="tab" aria-selected={section === 'saved'} data-testid="tab-saved" onClick={() => setSection('saved')}>
          Saved{savedCount ? ` (${savedCount})` : ''}
        </button>
      </nav>
      {query.trim() !== '' ? (
        <>
          <Problem text={search.error} />
          {search.results ? <SearchResults results={search.results} /> : <p class="empty">Searching…</p>}
        </>
      ) : section === 'trending' ? (
        <Trending db={db} />
      ) : (
        <Saved db={db} />
      )}
    </main>
  );
}
