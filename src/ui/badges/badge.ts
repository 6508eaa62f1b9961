import type { BadgeInfo, ReadingStatus } from '../../schema';
import { safeHref } from '../shadow-host';
import { STATUS_LABELS, STATUS_ORDER } from '../status';
import badgeCss from './badge.css?inline';

/** What one badge shows when it is created. */
export interface BadgeModel {
  id: string;
  /** The store's answer; null when it could not be asked. */
  info: BadgeInfo | null;
  /** A code link from the page itself, shown when the store knows none. */
  pageCodeLink: string | null;
  /** Why the store could not be asked: shown, and Save and TL;DR still offered. */
  problem: string | null;
}

export interface TldrResult {
  text: string;
  /** Where the text comes from, when the reader should know (a summary of this page's abstract). */
  note: string | null;
}

/** What a badge's controls do. The controller implements them and updates every badge of the paper. */
export interface BadgeActions {
  /** Saves the paper, or removes it from the reading list when it is saved. */
  toggleSave: (badge: Badge) => Promise<void>;
  setStatus: (badge: Badge, status: ReadingStatus) => Promise<void>;
  tldr: (badge: Badge) => Promise<TldrResult>;
}

// One stylesheet shared by every badge's shadow root where constructable stylesheets work; a
// `<style>` per root elsewhere (and where adopting a sheet from a content script is refused).
let sharedSheet: CSSStyleSheet | null | undefined;

function styleRoot(root: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(badgeCss);
      root.adoptedStyleSheets = [sheet];
      sharedSheet = root.adoptedStyleSheets.length === 1 ? sheet : null;
    } catch {
      sharedSheet = null;
    }
    if (sharedSheet) return;
  } else if (sharedSheet) {
    root.adoptedStyleSheets = [sharedSheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = badgeCss;
  root.append(style);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One listing entry's badge: plain DOM in an open shadow root (a listing holds up to 2,000 of
 * them, so no UI framework root per entry). Page text only ever reaches it as textContent.
 */
export class Badge {
  readonly id: string;
  readonly host: HTMLElement;
  private readonly line: HTMLElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly tldrToggle: HTMLButtonElement;
  private readonly tldrPanel: HTMLElement;
  private statusSelect: HTMLSelectElement | null = null;
  private problemLine: HTMLElement | null = null;
  private tldrLoaded = false;
  private status: ReadingStatus | null;

  constructor(model: BadgeModel, private readonly actions: BadgeActions) {
    this.id = model.id;
    this.status = model.info?.status ?? null;
    this.host = document.createElement('paperlens-badge');
    this.host.setAttribute('data-paperlens', 'badge');
    this.host.setAttribute('data-arxiv-id', model.id);
    const root = this.host.attachShadow({ mode: 'open' });
    styleRoot(root);

    this.line = element('div', 'pl-badge');
    this.line.setAttribute('role', 'group');
    this.line.setAttribute('aria-label', `PaperLens: ${model.id}`);
    const mark = element('span', 'pl-mark', 'PL');
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', 'PaperLens');
    mark.title = 'PaperLens';
    this.line.append(mark);

    const info = model.info;
    if (info?.rank != null) {
      const rank = element('span', 'pl-rank', `#${info.rank}${info.snapshot ? ` · ${info.snapshot}` : ''}`);
      rank.dataset.testid = 'badge-rank';
      rank.title = `#${info.rank} in the Hugging Face Daily Papers trending list${info.snapshot ? ` of ${info.snapshot}` : ''}`;
      this.line.append(rank);
    }
    if (info?.seen) {
      const seen = element('span', 'pl-seen', 'Seen');
      seen.dataset.testid = 'badge-seen';
      seen.title = "You opened this paper's abstract page";
      this.line.append(seen);
    }

    this.tldrToggle = element('button', 'pl-tldr-toggle', 'TL;DR ▸');
    this.tldrToggle.type = 'button';
    this.tldrToggle.dataset.testid = 'badge-tldr-toggle';
    this.tldrToggle.setAttribute('aria-expanded', 'false');
    this.tldrToggle.setAttribute('aria-controls', 'pl-tldr');
    this.line.append(this.tldrToggle);

    const code = safeHref(info?.codeLink ?? model.pageCodeLink);
    if (code) {
      const link = element('a', 'pl-code', 'Code');
      link.href = code;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.title = code;
      link.dataset.testid = 'badge-code-link';
      this.line.append(link);
    }

    this.saveButton = element('button', 'pl-save');
    this.saveButton.type = 'button';
    this.saveButton.dataset.testid = 'badge-save';
    this.line.append(this.saveButton);
    this.showStatus(this.status);
    if (model.problem) this.showProblem(`PaperLens store unavailable: ${model.problem}`, false);

    this.tldrPanel = element('p', 'pl-tldr');
    this.tldrPanel.id = 'pl-tldr';
    this.tldrPanel.dataset.testid = 'badge-tldr';
    this.tldrPanel.hidden = true;
    root.append(this.line, this.tldrPanel);

    root.addEventListener('click', (event) => this.onClick(event));
    root.addEventListener('change', (event) => this.onChange(event));
    // Keys and clicks in our controls are ours: page shortcuts and card click handlers must not react.
    for (const type of ['keydown', 'keyup', 'keypress', 'click'] as const) {
      this.host.addEventListener(type, (event) => event.stopPropagation());
    }
  }

  /** Shows the paper's reading status (after a change made by this badge or another one of the paper). */
  showStatus(status: ReadingStatus | null): void {
    this.status = status;
    this.saveButton.textContent = status === null ? 'Save' : 'Saved';
    this.saveButton.setAttribute('aria-pressed', String(status !== null));
    this.saveButton.title = status === null ? 'Save to your PaperLens reading list' : 'Remove from your reading list';
    if (status === null) {
      this.statusSelect?.remove();
      this.statusSelect = null;
      return;
    }
    if (!this.statusSelect) {
      this.statusSelect = element('select', 'pl-status');
      this.statusSelect.dataset.testid = 'badge-status';
      this.statusSelect.setAttribute('aria-label', 'Reading status');
      for (const value of STATUS_ORDER) {
        const option = element('option', '', STATUS_LABELS[value]);
        option.value = value;
        this.statusSelect.append(option);
      }
      this.saveButton.after(this.statusSelect);
    }
    this.statusSelect.value = status;
  }

  private showProblem(message: string | null, announce: boolean): void {
    if (message === null) {
      this.problemLine?.remove();
      this.problemLine = null;
      return;
    }
    if (!this.problemLine) {
      this.problemLine = element('span', 'pl-problem pl-error');
      this.line.append(this.problemLine);
    }
    if (announce) this.problemLine.setAttribute('role', 'alert');
    this.problemLine.textContent = message;
    this.problemLine.title = message;
  }

  private async busy(work: () => Promise<void>): Promise<void> {
    this.saveButton.disabled = true;
    if (this.statusSelect) this.statusSelect.disabled = true;
    this.showProblem(null, false);
    try {
      await work();
    } catch (error) {
      this.showProblem(describe(error), true);
    } finally {
      this.saveButton.disabled = false;
      if (this.statusSelect) this.statusSelect.disabled = false;
    }
  }

  private async toggleTldr(): Promise<void> {
    const open = this.tldrPanel.hidden;
    this.tldrPanel.hidden = !open;
    this.tldrToggle.setAttribute('aria-expanded', String(open));
    this.tldrToggle.textContent = open ? 'TL;DR ▾' : 'TL;DR ▸';
    if (!open || this.tldrLoaded) return;
    this.tldrLoaded = true;
    this.tldrPanel.className = 'pl-tldr pl-note';
    this.tldrPanel.textContent = 'Summarizing…';
    try {
      const { text, note } = await this.actions.tldr(this);
      this.tldrPanel.className = 'pl-tldr';
      this.tldrPanel.textContent = text;
      if (note) this.tldrPanel.append(' ', element('span', 'pl-note', note));
    } catch (error) {
      this.tldrLoaded = false; // let the next expand try again
      this.tldrPanel.className = 'pl-tldr pl-error';
      this.tldrPanel.textContent = `No TL;DR: ${describe(error)}`;
    }
  }

  private onClick(event: Event): void {
    const target = event.target;
    if (target === this.saveButton) void this.busy(() => this.actions.toggleSave(this));
    else if (target === this.tldrToggle) void this.toggleTldr();
  }

  private onChange(event: Event): void {
    const select = this.statusSelect;
    if (!select || event.target !== select) return;
    const status = STATUS_ORDER.find((value) => value === select.value);
    if (status) void this.busy(() => this.actions.setStatus(this, status));
  }

  /** The status this badge shows (the controller saves with it). */
  get readingStatus(): ReadingStatus | null {
    return this.status;
  }
}
