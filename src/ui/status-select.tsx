import { useState } from 'preact/hooks';
import { sendRequest } from '../messaging/client';
import { errorMessage } from '../messaging/error-message';
import type { ReadingStatus } from '../schema';
import { STATUS_LABELS, STATUS_ORDER } from './status';

/**
 * A saved paper's reading status, changed in place (the popup's and the reading list's rows). The
 * new status shows when the store's live query brings it back; a change that fails says why.
 */
export function StatusSelect({ id, status, label }: { id: string; status: ReadingStatus; label: string }) {
  const [error, setError] = useState<string | null>(null);
  const choose = (value: string) => {
    const next = STATUS_ORDER.find((candidate) => candidate === value);
    if (!next) return;
    setError(null);
    // Only the reading list is written (a paper view would wait behind long writes of the papers).
    sendRequest({ type: 'setStatusMany', ids: [id], status: next }).catch((failure: unknown) => setError(`Status not changed: ${errorMessage(failure)}`));
  };
  return (
    <>
      <select class="status" data-testid="status" aria-label={label} value={status} onChange={(event) => choose(event.currentTarget.value)}>
        {STATUS_ORDER.map((value) => (
          <option key={value} value={value}>
            {STATUS_LABELS[value]}
          </option>
        ))}
      </select>
      {error && (
        <span class="error" role="alert" data-testid="status-error" title={error}>
          {error}
        </span>
      )}
    </>
  );
}
