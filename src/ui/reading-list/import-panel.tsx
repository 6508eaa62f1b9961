import { useRef, useState } from 'preact/hooks';
import type { PaperLensDatabase } from '../../db/database';
import { sendRequest } from '../../messaging/client';
import type { ImportRejection } from '../../schema';
import { importChangesList, previewImport, type ImportPreview } from './import-preview';
import { errorMessage } from '../../messaging/error-message';
import { grouped } from '../count';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; abstracts?: { done: number; total: number } }
  | { kind: 'failed'; fileName: string; error: string }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'applying'; preview: ImportPreview }
  | { kind: 'applied'; fileName: string; summary: string };

function rejectionText(rejection: ImportRejection): string {
  return rejection.line > 0 ? `line ${rejection.line}: ${rejection.reason}` : rejection.reason;
}

/** What a preview found wrong, line by line (the first 500), folded under a count; nothing when there is nothing. */
function Problems({ title, testId, problems }: { title: string; testId: string; problems: readonly ImportRejection[] }) {
  if (problems.length === 0) return null;
  return (
    <details class="rejections">
      <summary>
        {title} ({problems.length})
      </summary>
      <ul data-testid={testId}>
        {problems.slice(0, 500).map((problem, index) => (
          <li key={index}>{rejectionText(problem)}</li>
        ))}
      </ul>
    </details>
  );
}

/** What a screen reader is told of the import's step (a failure is said by its alert). */
function importAnnouncement(stage: Stage): string {
  switch (stage.kind) {
    case 'reading':
      return `Reading ${stage.fileName}…`;
    case 'preview':
      return `${stage.preview.fileName}: ${stage.preview.plan.summary}`;
    case 'applied':
      return `Imported ${stage.fileName}: ${stage.summary}`;
    default:
      return '';
  }
}

/** What Apply does, said on it: the rejected entries are left out, not imported half-read. */
function applyLabel(stage: { kind: 'preview' | 'applying'; preview: ImportPreview }): string {
  if (stage.kind === 'applying') return 'Importing…';
  if (!importChangesList(stage.preview)) return 'Nothing to import';
  const rejected = stage.preview.plan.rejected.length;
  return rejected === 0 ? 'Apply import' : `Apply import, leaving out the ${rejected === 1 ? 'rejected entry' : `${rejected} rejected`}`;
}

/**
 * Import: pick a file → a preview of what it would do (nothing written yet) → apply, which the
 * background does all or nothing. A file that cannot be read says exactly why and changes nothing.
 */
export function ImportPanel({ db, applied }: { db: PaperLensDatabase; applied: (ids: ReadonlySet<string>, sentAt: number) => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  // Only the file picked last is previewed: one picked before it may take longer to read.
  const lastPick = useRef(0);
  // Apply and Cancel go away when pressed: the focus goes back to "Import file…", not to the page's start.
  const refocus = () => fileInput.current?.focus();

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // picking the same file again reads it again
    if (!file) return;
    const ticket = ++lastPick.current;
    setStage({ kind: 'reading', fileName: file.name });
    const outcome = await previewImport(db, file, Date.now(), (done, total) => {
      if (ticket === lastPick.current) setStage({ kind: 'reading', fileName: file.name, abstracts: { done, total } });
    });
    if (ticket !== lastPick.current) return;
    setStage(outcome.ok ? { kind: 'preview', preview: outcome.preview } : { kind: 'failed', fileName: file.name, error: outcome.error });
  };

  const apply = async (preview: ImportPreview) => {
    const ticket = ++lastPick.current;
    setStage({ kind: 'applying', preview });
    let next: Stage;
    try {
      const sentAt = Date.now();
      const result = await sendRequest({ type: 'importApply', items: preview.parse.items, rejected: preview.parse.rejected });
      next = { kind: 'applied', fileName: preview.fileName, summary: result.summary };
      // Every paper the file lists was listed by it (one removed since, as its answer came, is not).
      applied(new Set(preview.parse.items.map((item) => item.id)), sentAt);
    } catch (failure) {
      next = { kind: 'failed', fileName: preview.fileName, error: `nothing was imported: ${errorMessage(failure)}` };
    }
    // A file picked meanwhile shows its own preview instead (its Apply plans against the list as it then is).
    if (ticket !== lastPick.current) return;
    setStage(next);
    refocus();
  };

  return (
    <section class="import" aria-label="Import">
      <label class="button file-button">
        Import file…
        <input
          ref={fileInput}
          type="file"
          class="visually-hidden"
          data-testid="import-file"
          accept=".json,.bib,.bibtex,.ris,.csv,.tsv,.txt,.md,application/json,text/csv,text/plain,text/markdown"
          onChange={(event) => void pick(event.currentTarget)}
        />
      </label>
      <span class="hint">PaperLens JSON backup, BibTeX, RIS, CSV (ours, Zotero's or a spreadsheet with an id, URL, DOI or title column), a PaperMemory memory file, or a list of arXiv ids or URLs</span>
      {/* One region, there before its text, says each step to a screen reader as it comes: a region
          shown together with its text is not announced. */}
      <p class="visually-hidden" role="status" data-testid="import-announcement">
        {importAnnouncement(stage)}
      </p>
      {stage.kind === 'reading' && (
        <p class="import-status" data-testid="import-reading">
          Reading {stage.fileName}…
          {stage.abstracts && ` TL;DRs from abstracts: ${grouped(stage.abstracts.done)} of ${grouped(stage.abstracts.total)}`}
        </p>
      )}
      {stage.kind === 'failed' && (
        <p class="import-status error" role="alert" data-testid="import-error">
          {stage.fileName}: {stage.error}
        </p>
      )}
      {stage.kind === 'applied' && (
        <p class="import-status" data-testid="import-result">
          Imported {stage.fileName}: {stage.summary}
        </p>
      )}
      {(stage.kind === 'preview' || stage.kind === 'applying') && (
        <div class="import-preview" data-testid="import-preview">
          <p class="import-summary" data-testid="import-summary">
            {stage.preview.fileName}: {stage.preview.plan.summary}
          </p>
          <Problems title="What was rejected" testId="import-rejections" problems={stage.preview.plan.rejected} />
          <Problems title="Left out of imported papers" testId="import-left-out" problems={stage.preview.parse.leftOut ?? []} />
          <div class="actions">
            <button
              type="button"
              class="primary"
              data-testid="import-apply"
              disabled={stage.kind === 'applying' || !importChangesList(stage.preview)}
              onClick={() => void apply(stage.preview)}
            >
              {applyLabel(stage)}
            </button>
            <button
              type="button"
              data-testid="import-cancel"
              disabled={stage.kind === 'applying'}
              onClick={() => {
                setStage({ kind: 'idle' });
                refocus();
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
