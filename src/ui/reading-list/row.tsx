import { Component, Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';
import { arxivAbsUrl } from '../../papers/ids';
import { EDITED_ELSEWHERE, MAX_NOTES_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, parseTagList, type SavedItem } from '../../schema';
import { errorMessage } from '../../messaging/error-message';
import { StatusSelect } from '../status-select';
import { useDebouncedWrite, type DebouncedWrite, type WriteState } from './pending-writes';
import { describeDay } from '../time';
import type { LostEdit } from './lost-edits';
import { textDirection } from '../text-direction';

/** Every row is this tall (px) in a wide window at the designed font sizes; all rows share one height, so the list can render only the rows on screen. */
const ROW_HEIGHT = 172;

/**
 * Every row's height (px) at the window's width: style.css's --row-height, set beside the layout
 * each width has (a narrow window gives the title more lines and the controls a line of their
 * own); ROW_HEIGHT without the style sheet.
 */
export function designedRowHeight(): number {
  return parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--row-height')) || ROW_HEIGHT;
}

const NOTES_DELAY_MS = 500;
const TAGS_DELAY_MS = 800;

function authorLine(authors: readonly string[]): string {
  if (authors.length === 0) return '';
  if (authors.length <= 3) return authors.join(', ');
  return `${authors.slice(0, 3).join(', ')} et al.`;
}

// Shown as typed; a screen reader is told only "saved" (a note typed is saved with no button pressed), not each burst of typing.
const STATE_TEXT: Record<WriteState, string> = { idle: '', pending: 'Editing…', saving: 'Saving…', saved: 'Saved', error: '' };

interface Draft {
  value: string;
  /** Whether typed text is shown (from the first keystroke until the stored value reflects it, or it is discarded). */
  active: boolean;
  edit: (value: string) => void;
  /** Editing is over and its write has landed: show the stored value again once it reflects the write. */
  release: () => void;
  /** The typed text is dropped: the stored value is shown at once. */
  discard: () => void;
}

/**
 * What an editor shows: what the user typed while they edit, the stored value otherwise. After
 * the edit the typed text stays until the stored value next changes (the live query brings the
 * write back a moment after it lands), so the field never flashes the old text. `asStored` is how
 * typed text is stored: text that stores as the value already there changes nothing, so the
 * field shows the stored value at once (", NLP" typed after "nlp" reads "nlp" again).
 */
function useDraft(stored: string, asStored: (typed: string) => string = (typed) => typed): Draft {
  const [draft, setDraft] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  const released = useRef(false);
  useEffect(() => {
    if (released.current && current.current !== null) {
      released.current = false;
      current.current = null;
      setDraft(null);
    }
  }, [stored]);
  return {
    value: draft ?? stored,
    active: draft !== null,
    edit: (value) => {
      released.current = false;
      current.current = value;
      setDraft(value);
    },
    release: () => {
      if (current.current === null) return;
      if (asStored(current.current) === stored) {
        current.current = null;
        setDraft(null);
      } else released.current = true;
    },
    discard: () => {
      released.current = false;
      current.current = null;
      setDraft(null);
    },
  };
}

/** Whether a write was refused as made over another tab's change. */
const editedElsewhere = (failure: unknown) => errorMessage(failure) === EDITED_ELSEWHERE;

/**
 * What the store must still hold for an editor's next write to go in: the stored value when the
 * edit began, then each value sent (a write follows the one sent before it, even one sent at once
 * as the page closes), for as long as the draft is shown. A write made over another tab's change
 * is refused (EDITED_ELSEWHERE): its text, and any typed before the refusal came, goes to the bar
 * of unsaved edits, never over the other tab's change; the next keystroke begins anew from the
 * value then shown.
 */
function useEditBase<T>(stored: T, draft: Draft) {
  const base = useRef<T | null>(null);
  const refused = useRef(false);
  if (!draft.active) base.current = null;
  return {
    began: () => {
      if (refused.current) base.current = null;
      refused.current = false;
      base.current ??= stored;
    },
    /**
     * Writes `value` by `send`, given what the store must hold; refused (now or by an earlier write
     * of this edit), the stored value is shown and `onRefused` hands the typed text to the bar. A
     * write that fails otherwise is tried again: the store still holds what it said.
     */
    write: async (value: T, send: (since: T | undefined) => Promise<unknown>, onRefused: () => void): Promise<void> => {
      if (refused.current) return onRefused();
      const since = base.current ?? undefined;
      base.current = value;
      try {
        await send(since);
      } catch (failure) {
        if (!editedElsewhere(failure)) {
          if (base.current === value) base.current = since ?? null;
          throw failure;
        }
        refused.current = true;
        base.current = null;
        draft.discard();
        onRefused();
      }
    },
  };
}

/**
 * Escape in an editor drops what was typed since it was focused while none of it has been sent
 * (text waiting for its write): the stored text shows again. Once a write has gone (a pause, Enter,
 * a blur), Escape leaves the field as it is: taking a saved edit back could write over a change
 * another tab made meanwhile.
 */
function useEscapeDropsUnwritten(draft: Draft) {
  const sent = useRef(false);
  return {
    onFocus: () => {
      sent.current = false;
    },
    /** Called as each write of the field goes. */
    onSent: () => {
      sent.current = true;
    },
    onKeyDown: (event: KeyboardEvent, cancel: DebouncedWrite<string>['cancel']) => {
      if (event.key !== 'Escape' || event.isComposing || sent.current || !draft.active) return;
      if (!cancel()) return;
      event.preventDefault();
      draft.discard();
    },
  };
}

/** How many characters of an insertion into `field` its maxLength will leave out (the browser cuts them without a word). */
function charactersLeftOut(field: HTMLTextAreaElement, event: InputEvent): number {
  const inserted = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
  const replaced = field.selectionEnd - field.selectionStart;
  return Math.max(0, field.value.length - replaced + inserted.length - field.maxLength);
}

function NotesEditor({ item, onLost }: { item: SavedItem; onLost: RowProps['onEditLost'] }) {
  const draft = useDraft(item.notes);
  const base = useEditBase(item.notes, draft);
  const lost = (notes: string, reason: string) => onLost({ item, notes, reason });
  const escape = useEscapeDropsUnwritten(draft);
  const write = useDebouncedWrite(
    (notes: string) => {
      escape.onSent();
      return base.write(
        notes,
        (since) => sendRequest({ type: 'setNotes', id: item.id, notes, since }, true),
        () => lost(notes, EDITED_ELSEWHERE),
      );
    },
    NOTES_DELAY_MS,
    lost,
  );
  const [leftOut, setLeftOut] = useState(0);
  const tooLong = leftOut > 0 ? `Notes hold ${MAX_NOTES_LENGTH.toLocaleString('en-US')} characters at most: the last ${leftOut.toLocaleString('en-US')} of what you entered were left out` : null;
  return (
    <label class="field notes-field">
      <span class="field-label">
        Notes <span class="write-state" aria-hidden="true" data-testid="notes-state" data-state={write.state}>{STATE_TEXT[write.state]}</span>
        <span class="visually-hidden" role="status">{write.state === 'saved' ? 'Notes saved' : ''}</span>
        {write.error && (
          <span class="error field-error" role="alert" title={`Notes not saved: ${write.error}`}>
            Notes not saved: {write.error}
          </span>
        )}
        {tooLong && !write.error && (
          <span class="error field-error" role="alert" data-testid="notes-too-long" title={tooLong}>
            {tooLong}
          </span>
        )}
      </span>
      <textarea
        data-testid="notes"
        aria-label={`Notes on ${item.title}`}
        // As dir="auto" would set it (its first letter's direction), which Chromium took seconds over
        // for a note of tens of thousands of lines.
        dir={textDirection(draft.value)}
        rows={2}
        maxLength={MAX_NOTES_LENGTH}
        placeholder="Your notes"
        value={draft.value}
        onBeforeInput={(event) => setLeftOut(charactersLeftOut(event.currentTarget, event))}
        onInput={(event) => {
          base.began();
          draft.edit(event.currentTarget.value);
          write.schedule(event.currentTarget.value);
        }}
        onFocus={escape.onFocus}
        onKeyDown={(event) => escape.onKeyDown(event, write.cancel)}
        onBlur={() => {
          void write.flush().then((landed) => landed && draft.release());
        }}
      />
    </label>
  );
}

/** Why these tags cannot be kept, in the reader's words (checked before asking the store); null when they can. */
export function tagsProblem(tags: readonly string[]): string | null {
  const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (long) return `a tag is at most ${MAX_TAG_LENGTH} characters; “${long.slice(0, 24)}…” has ${long.length}`;
  if (tags.length > MAX_TAGS) return `a paper has at most ${MAX_TAGS} tags; this one would have ${tags.length}`;
  return null;
}

function TagsEditor({ item, onLost }: { item: SavedItem; onLost: RowProps['onEditLost'] }) {
  const draft = useDraft(item.tags.join(', '), (typed) => parseTagList(typed, item.tags).join(', '));
  const base = useEditBase<readonly string[]>(item.tags, draft);
  const lost = (text: string, reason: string) => onLost({ item, tags: parseTagList(text, item.tags), reason });
  const escape = useEscapeDropsUnwritten(draft);
  const write = useDebouncedWrite(async (text: string) => {
    escape.onSent();
    const tags = parseTagList(text, item.tags);
    const problem = tagsProblem(tags);
    if (problem) throw new Error(problem);
    await base.write(
      tags,
      (since) => sendRequest({ type: 'setTags', id: item.id, tags, ...(since ? { since: [...since] } : {}) }, true),
      () => lost(text, EDITED_ELSEWHERE),
    );
  }, TAGS_DELAY_MS, lost);
  const commit = () => void write.flush().then((landed) => landed && draft.release());
  return (
    <label class="field tags-field">
      <span class="field-label">
        Tags <span class="write-state" aria-hidden="true" data-testid="tags-state" data-state={write.state}>{STATE_TEXT[write.state]}</span>
        <span class="visually-hidden" role="status">{write.state === 'saved' ? 'Tags saved' : ''}</span>
        {/* On the label's line: the row's height is fixed, and a line under the field would be cut off. */}
        {write.error && (
          <span class="error field-error" role="alert" title={`Tags not saved: ${write.error}`}>
            Tags not saved: {write.error}
          </span>
        )}
      </span>
      <input
        type="text"
        data-testid="tags"
        aria-label={`Tags of ${item.title}`}
        dir="auto"
        placeholder="Tags, comma-separated"
        value={draft.value}
        onInput={(event) => {
          base.began();
          draft.edit(event.currentTarget.value);
          write.schedule(event.currentTarget.value);
        }}
        onFocus={escape.onFocus}
        onKeyDown={(event) => {
          // Not the Enter that ends an input method's composition (Japanese, Chinese): that one
          // picks the characters, and the tag is not typed yet.
          if (event.key === 'Enter' && !event.isComposing) commit();
          escape.onKeyDown(event, write.cancel);
        }}
        onBlur={commit}
      />
    </label>
  );
}

export interface RowProps {
  item: SavedItem;
  index: number;
  /** How many rows the list has: only those in view are rendered, so a screen reader is told the whole count and each row's place. */
  setSize: number;
  /** Every row's height (px): rows are placed by index. */
  height: number;
  selected: boolean;
  current: boolean;
  /** `range`: Shift held, for every paper from the one last selected or cleared to this one. */
  onSelect: (id: string, selected: boolean, range: boolean) => void;
  onRemove: (id: string) => void;
  onFocusRow: (id: string) => void;
  /** A note or tags typed in the row whose write failed once the row was gone (its paper removed elsewhere), or was refused as made over another tab's change. */
  onEditLost: (lost: LostEdit) => void;
}

function RowView({ item, index, setSize, height, selected, current, onSelect, onRemove, onFocusRow, onEditLost }: RowProps) {
  const about = [`arXiv ${item.id}`, `added ${describeDay(item.addedAt)}`];
  if (item.readAt !== null) about.push(`read ${describeDay(item.readAt)}`);
  const authors = authorLine(item.authors);
  return (
    <li
      class={`item${selected ? ' selected' : ''}${current ? ' current' : ''}`}
      data-testid="reading-item"
      data-arxiv-id={item.id}
      data-status={item.status}
      aria-current={current ? 'true' : undefined}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{ top: `${index * height}px`, height: `${height}px` }}
      onFocusIn={() => onFocusRow(item.id)}
    >
      <input
        type="checkbox"
        class="select"
        data-testid="select"
        aria-label={`Select ${item.title}`}
        checked={selected}
        // The click, not the change, knows of Shift (a press of Space on the box is a click too).
        onClick={(event) => onSelect(item.id, event.currentTarget.checked, event.shiftKey)}
      />
      <div class="item-main">
        {/* dir="auto" on text from papers and readers: an Arabic or Hebrew title reads right to left, and
            when it is cut, its end goes, not its start. */}
        <a class="title" data-testid="title" dir="auto" href={arxivAbsUrl(item.id)} target="_blank" rel="noopener noreferrer" title={item.title}>
          {item.title}
        </a>
        {/* The authors give way to the id (style.css): in a narrow window the id is on a line of its own. */}
        <p class="meta">
          {authors && <span class="authors">{authors}</span>}
          <span class="about">
            {/* The separator starts the part it comes before: a wrapped line does not end in "·". */}
            {about.map((part, k) => (
              <Fragment key={k}>
                {k > 0 && ' '}
                <span class="about-part">{k > 0 ? `· ${part}` : part}</span>
              </Fragment>
            ))}
          </span>
        </p>
        <p class="tldr" dir="auto" title={item.tldr}>
          {item.tldr || <span class="muted">No TL;DR</span>}
        </p>
        <div class="editors">
          <TagsEditor key={`tags-${item.id}`} item={item} onLost={onEditLost} />
          <NotesEditor key={`notes-${item.id}`} item={item} onLost={onEditLost} />
        </div>
      </div>
      <div class="item-side">
        <StatusSelect id={item.id} status={item.status} label={`Reading status of ${item.title}`} />
        {/* Named for its paper: a screen reader's list of buttons otherwise reads "Remove" once per row. */}
        <button type="button" class="remove" data-testid="remove" aria-label={`Remove ${item.title}`} onClick={() => onRemove(item.id)}>
          Remove
        </button>
      </div>
    </li>
  );
}

/** One reading-list row; re-renders only when its item, place, selection or cursor changes. */
export class Row extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    const now = this.props;
    return next.item !== now.item || next.index !== now.index || next.height !== now.height || next.selected !== now.selected || next.current !== now.current;
  }

  override render() {
    return <RowView {...this.props} />;
  }
}
