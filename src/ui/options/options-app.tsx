import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperLensDatabase } from '../../db/database';
import { listSaved } from '../../db/papers';
import { keptRemovedCount } from '../../db/removed';
import { sendRequest } from '../../messaging/client';
import { SettingsSchema, type Settings, type SiteKey } from '../../schema';
import { loadSettings, saveSettings, watchSettings } from '../../settings/settings';
import { useLiveQuery } from '../live-query';
import { exportItems } from '../reading-list/export-files';
import { errorMessage } from '../../messaging/error-message';
import { showReadingList } from '../popup/active-tab';
import { countOf } from '../count';
import { SITE_LABELS } from '../../settings/site-labels';

/** Where each site switch acts (its label: SITE_LABELS). */
const SITES: readonly { key: SiteKey; where: string }[] = [
  { key: 'arxivAbs', where: 'summary card on arxiv.org/abs/… and the HTML view, /html/…' },
  { key: 'hfPaper', where: 'summary card on huggingface.co/papers/…' },
  { key: 'arxivListing', where: 'badges on arxiv.org/list/…, /catchup, /search, author pages /a/…' },
  { key: 'hfList', where: 'badges on huggingface.co/papers (daily, weekly, monthly, trending)' },
];

/** A switch; `onChange` is told the change in the reader's words too ("Daily-papers feed off"). */
function Switch({ name, label, hint, checked, onChange, disabled = false }: { name: string; label: string; hint: string; checked: boolean; onChange: (on: boolean, what: string) => void; disabled?: boolean }) {
  return (
    <label class="setting">
      {/* Named by its label; the hint describes it (as the name, all of it was read as the switch's name: accessibility QA). */}
      <input
        type="checkbox"
        role="switch"
        aria-labelledby={`${name}-label`}
        aria-describedby={`${name}-hint`}
        data-testid={`setting-${name}`}
        checked={checked}
        disabled={disabled}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          onChange(on, `${label} ${on ? 'on' : 'off'}`);
        }}
      />
      <span>
        <span class="setting-label" id={`${name}-label`}>
          {label}
        </span>
        <span class="hint" id={`${name}-hint`}>
          {hint}
        </span>
      </span>
    </label>
  );
}

const THEME_LABELS: Readonly<Record<Settings['theme'], string>> = { auto: 'Auto: as the page or system', light: 'Light', dark: 'Dark' };

/** ", N recently removed papers" in the Clear question and result; nothing when there are none. */
const removedPart = (count: number) => (count > 0 ? `, ${countOf(count, 'recently removed paper')}` : '');

function ClearData({ db }: { db: PaperLensDatabase }) {
  // Unknown (still being counted, or the count failed) is not "0": the question then names no
  // number and still offers the export, rather than read as if there were nothing to lose.
  const savedCount = useLiveQuery(() => db.saved.count(), []);
  const seenCount = useLiveQuery(() => db.seen.count(), []);
  // Recently removed papers go too (their notes and tags with them): named when there are any.
  const removed = useLiveQuery(() => keptRemovedCount(db, Date.now()), []).value ?? 0;
  const saved = savedCount.value;
  const seen = seenCount.value;
  const removedToo = removedPart(removed);
  const countProblem = savedCount.error ?? seenCount.error;
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  // Focus follows the question: to its safe answer when it opens, back to its button when it closes.
  const openButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (asking) cancelButton.current?.focus();
    else if (opened.current) openButton.current?.focus();
    opened.current ||= asking;
  }, [asking]);

  const exportFirst = async () => {
    setProblem(null);
    try {
      const { name, reimportProblem } = exportItems(await listSaved(db), 'json');
      // Before clearing: a backup that cannot restore the list is no backup.
      setExported(reimportProblem ? `${name}. Note: ${reimportProblem}; export the reading list in parts from its page (filter it, then export the papers shown) before clearing` : name);
    } catch (failure) {
      setProblem(`Could not export: ${errorMessage(failure)}`);
    }
  };
  const clear = async () => {
    setProblem(null);
    try {
      const cleared = await sendRequest({ type: 'clearReadingData' });
      setResult(`Cleared ${countOf(cleared.saved, 'saved paper')}${removedPart(cleared.removed)} and ${countOf(cleared.seen, 'seen mark')}.`);
      setAsking(false);
    } catch (failure) {
      setProblem(`Nothing was cleared: ${errorMessage(failure)}`);
    }
  };

  return (
    <section class="card danger-zone" aria-labelledby="clear-heading">
      <h2 id="clear-heading">Clear PaperLens data</h2>
      <p class="hint">
        Deletes your reading list{saved === undefined ? '' : saved === 0 ? ' (empty)' : ` (${countOf(saved, 'paper')}, with ${saved === 1 ? 'its' : 'their'} notes and tags)`}
        {removed > 0 && `, the ${countOf(removed, 'paper')} removed from it in the last 30 days (Recently removed)`} and the “seen” marks
        {seen === undefined ? '' : ` (${countOf(seen, 'page')})`}, which are also the popup's Recent list. The bundled papers stay.
      </p>
      {!asking ? (
        <button type="button" class="danger" data-testid="setting-clear" ref={openButton} onClick={() => { setAsking(true); setResult(null); setExported(null); }}>
          Clear PaperLens data…
        </button>
      ) : (
        // Escape answers the question as Cancel does. Tab goes round its answers until one is given
        // (an alertdialog: Tab had left it open behind the reader, accessibility QA).
        <div
          class="confirm"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="clear-question"
          data-testid="clear-dialog"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setAsking(false);
            if (event.key !== 'Tab') return;
            const answers = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
            const at = answers.indexOf(event.target as HTMLButtonElement);
            const next = event.shiftKey ? (at <= 0 ? answers.at(-1) : undefined) : at === answers.length - 1 ? answers[0] : undefined;
            if (next) {
              event.preventDefault();
              next.focus();
            }
          }}
        >
          <p id="clear-question">
            <strong>
              Delete {saved === undefined ? 'your saved papers' : countOf(saved, 'saved paper')}
              {removedToo} and {seen === undefined ? 'seen marks' : countOf(seen, 'seen mark')}?
            </strong>{' '}
            This cannot be undone.
            {saved !== 0 && ' Export your reading list first to keep a copy you can import later.'}
          </p>
          <div class="actions">
            {saved !== 0 && (
              <button type="button" data-testid="clear-export" onClick={() => void exportFirst()}>
                Export reading list (JSON)
              </button>
            )}
            <button type="button" class="danger" data-testid="clear-confirm" onClick={() => void clear()}>
              Delete everything
            </button>
            <button type="button" data-testid="clear-cancel" ref={cancelButton} onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
          {/* Live regions that are there before their text, so that a screen reader says it. */}
          <div role="status">{exported && <p class="hint">Downloaded {exported}.</p>}</div>
        </div>
      )}
      <div role="status" data-testid="clear-status">
        {result && <p data-testid="clear-result">{result}</p>}
      </div>
      {(problem ?? countProblem) && (
        <p class="error" role="alert">
          {problem ?? `Could not count your data: ${countProblem}`}
        </p>
      )}
    </section>
  );
}

/**
 * The options page: where PaperLens acts, how its card looks, the feed, seen marks, and clearing data.
 * `pdfTabTitles`: whether this browser lets PaperLens name PDF tabs. Firefox runs no extension
 * script in its PDF viewer, so there the switch would do nothing: it is shown off, and says why.
 */
export function OptionsApp({ db, pdfTabTitles = true }: { db: PaperLensDatabase; pdfTabTitles?: boolean }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // What the last change saved, named, so that each change reads differently in the live region (a
  // screen reader says a live region's text when it changes, not when the same text is set again);
  // `count` makes a new node of it even then (the same change made again after another window undid it).
  const [saved, setSaved] = useState<{ what: string; count: number } | null>(null);

  useEffect(() => {
    loadSettings().then(setSettings, (error: unknown) => setProblem(`Could not read the settings: ${errorMessage(error)}`));
    return watchSettings(setSettings);
  }, []);

  /** Saves `next`; `what`: the change in the reader's words ("Theme: Dark", "Daily-papers feed off"). */
  const change = async (next: Settings, what: string) => {
    setProblem(null);
    const checked = SettingsSchema.safeParse(next);
    if (!checked.success) {
      setProblem(`Not saved: ${checked.error.issues[0]?.message ?? 'invalid settings'}`);
      return;
    }
    const before = settings;
    setSettings(checked.data);
    try {
      await saveSettings(checked.data);
      setSaved((previous) => ({ what, count: (previous?.count ?? 0) + 1 }));
    } catch (error) {
      // The page shows what is stored, and does not say an earlier change was the last word.
      setSettings(before);
      setSaved(null);
      setProblem(`Not saved: ${errorMessage(error)}`);
    }
  };

  if (!settings) {
    return <main class="options">{problem ? <p class="error" role="alert">{problem}</p> : <p class="muted">Loading settings…</p>}</main>;
  }
  return (
    <main class="options">
      <header class="top">
        <h1>
          <span class="brand">PaperLens</span> Settings
        </h1>
        <a
          href="reading-list.html"
          target="_blank"
          rel="noopener"
          data-testid="open-reading-list"
          onClick={(event) => {
            // A plain click brings back the tab that has the list, as the popup's link does; Ctrl or
            // a middle click opens another, as links do.
            if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            showReadingList().catch((error: unknown) => setProblem(`Could not open the reading list: ${errorMessage(error)}`));
          }}
        >
          Open the reading list
        </a>
      </header>
      {problem && <p class="error" role="alert">{problem}</p>}
      <p class="saved-note muted" role="status" data-testid="saved-note">
        {saved ? <span key={saved.count}>{saved.what}. Saved. Open pages follow at once.</span> : 'Changes are saved as you make them.'}
      </p>

      <section class="card" aria-labelledby="sites-heading">
        <h2 id="sites-heading">Where PaperLens works</h2>
        {SITES.map(({ key, where }) => (
          <Switch key={key} name={key} label={SITE_LABELS[key]} hint={where} checked={settings.sites[key]} onChange={(on, what) => void change({ ...settings, sites: { ...settings.sites, [key]: on } }, what)} />
        ))}
        <Switch
          name="pdfTabTitles"
          label="arXiv PDF tab titles"
          hint={
            pdfTabTitles
              ? 'the tab named after its paper (“Title | arXiv 2310.01779v3”), not the file, on arxiv.org/pdf/…'
              : 'not in Firefox: its PDF viewer runs no extension scripts, so a PDF tab keeps the title Firefox gives it'
          }
          checked={pdfTabTitles && settings.pdfTabTitles}
          disabled={!pdfTabTitles}
          onChange={(on, what) => void change({ ...settings, pdfTabTitles: on }, what)}
        />
      </section>

      <section class="card" aria-labelledby="look-heading">
        <h2 id="look-heading">Card and badges</h2>
        <label class="setting choice">
          <span class="setting-label">Summary cards start</span>
          <select
            data-testid="setting-cardCollapsed"
            value={settings.cardCollapsed ? 'collapsed' : 'expanded'}
            onChange={(event) => {
              const collapsed = event.currentTarget.value === 'collapsed';
              void change({ ...settings, cardCollapsed: collapsed }, `Summary cards start ${collapsed ? 'collapsed to one line' : 'expanded'}`);
            }}
          >
            <option value="expanded">expanded</option>
            <option value="collapsed">collapsed to one line</option>
          </select>
        </label>
        <label class="setting choice">
          <span class="setting-label">Theme</span>
          <select
            data-testid="setting-theme"
            value={settings.theme}
            onChange={(event) => {
              const theme = SettingsSchema.shape.theme.safeParse(event.currentTarget.value);
              if (theme.success) void change({ ...settings, theme: theme.data }, `Theme: ${THEME_LABELS[theme.data]}`);
            }}
          >
            {Object.entries(THEME_LABELS).map(([theme, label]) => (
              <option key={theme} value={theme}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </section>

      <section class="card" aria-labelledby="list-heading">
        <h2 id="list-heading">Reading list</h2>
        <Switch
          name="readingListKeys"
          label="One-letter keys"
          hint="j and k move between papers, x selects, b goes to the selected papers' actions, / to the search. Off: letters typed outside a text field do nothing (speech input, whose words would press them)."
          checked={settings.readingListKeys}
          onChange={(on, what) => void change({ ...settings, readingListKeys: on }, what)}
        />
      </section>

      <section class="card" aria-labelledby="data-heading">
        <h2 id="data-heading">Data</h2>
        <Switch
          name="feedEnabled"
          label="Daily-papers feed"
          hint="Refresh trending papers from Hugging Face's daily-papers feed. Off: only the bundled snapshot."
          checked={settings.feedEnabled}
          onChange={(on, what) => void change({ ...settings, feedEnabled: on }, what)}
        />
        <Switch
          name="completeFromArxiv"
          label="Complete papers from arXiv"
          hint="A paper saved from a PDF tab, a link or a list of ids gets its title, authors, date and TL;DR from its arXiv page, one request every 3 seconds; a PDF tab of a paper PaperLens does not know gets its title from there too, and a badge's TL;DR on a list that shows no abstracts (arXiv's /recent, Hugging Face's lists) comes from there. Off: no requests; a saved paper gets them when you open its page, or once this is on again."
          checked={settings.completeFromArxiv}
          onChange={(on, what) => void change({ ...settings, completeFromArxiv: on }, what)}
        />
        <Switch
          name="seenEnabled"
          label="“Seen” marks"
          hint="Remember which papers you opened (arXiv abstract pages, HTML views and PDFs, Hugging Face paper pages), with their titles, to mark them in listings and list the latest in the popup’s Recent tab (5,000 pages at most)."
          checked={settings.seenEnabled}
          onChange={(on, what) => void change({ ...settings, seenEnabled: on }, what)}
        />
      </section>

      <ClearData db={db} />
    </main>
  );
}
