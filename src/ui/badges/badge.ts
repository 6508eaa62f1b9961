import type { BadgeInfo, ReadingStatus } from '../../schema';
import { safeHref } from '../../papers/ids';
import { describeCodeLink, type CodeLinkKind } from '../../summarize/links';
import { STATUS_LABELS, STATUS_ORDER, UNDO_MS } from '../status';
import { HeldTimeout, holdWhileOn } from '../held-timeout';
import badgeCss from './badge.css?inline';
import { errorMessage } from '../../messaging/error-message';
import { holdsFocus } from '../focus';
import { isRepeatClick } from '../repeat-click';
import { latexToText } from '../../papers/latex';
import { dailyRankSaid, dailyRankShort } from '../daily-rank';

/** What one badge shows when it is created, before the store has answered. */
export interface BadgeModel {
  id: string;
  /** The entry's title as the page shows it ('' when none is read): it names the badge's controls. */
  title: string;
  /** A code link from the page itself; the store's link replaces it. */
  pageCodeLink: string | null;
  /** The reason the page gives when the paper was withdrawn (its results may not hold), else null. */
  withdrawal: string | null;
}

export interface TldrResult {
  text: string;
  /** Where the text comes from, when the reader should know (a summary of this page's abstract). */
  note: string | null;
  /** A stand-in (an earlier version's TL;DR, arXiv not answering): asked again on the next expand or "Try again". */
  askAgain?: boolean;
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

function withAttributes<T extends Element>(node: T, attributes: Record<string, string>): T {
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

const SAVE_TITLE = 'Save to your PaperLens reading list';

// A TL;DR the store answers with comes in a few milliseconds: "Summarizing…" shown first would
// flash for a frame (QA: the TL;DR opened in two steps). Only a slower one (arXiv asked) says so.
export const SUMMARIZING_AFTER_MS = 300;

// Code links to a site's page rather than to code ("GitHub"): named "GitHub page of “<title>”".
const SITE_KINDS: ReadonlySet<CodeLinkKind> = new Set<CodeLinkKind>(['GitHub', 'GitLab', 'Hugging Face']);

/** What every badge starts from, built once and cloned (much cheaper than building 2,000 times). */
interface BadgeTemplate {
  host: HTMLElement;
  content: DocumentFragment;
}

let template: BadgeTemplate | null = null;

function badgeTemplate(): BadgeTemplate {
  if (template) return template;
  const host = withAttributes(document.createElement('paperlens-badge'), { 'data-paperlens': 'badge' });
  const line = withAttributes(element('div', 'pl-badge'), { role: 'group' });
  const mark = withAttributes(element('span', 'pl-mark', 'PL'), { role: 'img', 'aria-label': 'PaperLens', title: 'PaperLens' });
  const toggle = withAttributes(element('button', 'pl-tldr-toggle', 'TL;DR '), {
    type: 'button',
    'data-testid': 'badge-tldr-toggle',
    'aria-expanded': 'false',
    'aria-controls': 'pl-tldr',
  });
  // The arrow is drawn, not said ("black right-pointing small triangle"): aria-expanded says it.
  toggle.append(withAttributes(element('span', 'pl-arrow', '▸'), { 'aria-hidden': 'true' }));
  const save = withAttributes(element('button', 'pl-save', 'Save'), {
    type: 'button',
    'data-testid': 'badge-save',
    'aria-pressed': 'false',
    title: SAVE_TITLE,
  });
  // Always there, so a screen reader announces "Removed · Undo" when it comes (a live region
  // inserted together with its text is not announced).
  const live = withAttributes(element('span', 'pl-live'), { role: 'status' });
  line.append(mark, toggle, save, live);
  // Polite live region: the TL;DR comes after the toggle was pressed, and a screen reader says it.
  const panel = withAttributes(element('p', 'pl-tldr'), { id: 'pl-tldr', 'data-testid': 'badge-tldr', 'aria-live': 'polite', hidden: '' });
  const content = document.createDocumentFragment();
  content.append(line, panel);
  template = { host, content };
  return template;
}

// One handler of each kind for all badges (not a closure per badge): listeners sit on each shadow
// root, which is on the event path before the host, so stopping there keeps events from the page.
// (The status select, only there for saved papers, listens for its own changes.)
const badgeOfRoot = new WeakMap<EventTarget, Badge>();

function onBadgeClick(event: Event): void {
  event.stopPropagation();
  // The control clicked, also when the click is on a part of it (the TL;DR arrow).
  const target = event.target instanceof Element ? (event.target.closest('button') ?? event.target) : event.target;
  badgeOfRoot.get(event.currentTarget!)?.handleClick(target, event instanceof UIEvent && isRepeatClick(event));
}

/** Keys typed in our controls are ours: page shortcuts must not react to them. */
function keepKeyInside(event: Event): void {
  event.stopPropagation();
}

/** As keepKeyInside; Escape also closes an open TL;DR (not during an input method's composition). */
function onBadgeKeydown(event: Event): void {
  event.stopPropagation();
  if (event instanceof KeyboardEvent && event.key === 'Escape' && !event.isComposing && badgeOfRoot.get(event.currentTarget!)?.closeTldr()) {
    event.preventDefault();
  }
}

// A title past this is cut in the controls' names: each control says it, and the list of a
// screen reader's buttons reads better with the title's start than with all of it.
const NAME_TITLE_CHARS = 80;

/**
 * "“Attention Is All You Need”", a long title cut at a word; "arXiv 1706.03762" when no title was
 * read. TeX in the title is said as text, as the reading list stores it ("O(n log n)", not
 * "$\mathcal{O}(n \log n)$").
 */
function paperName({ id, title: shown }: BadgeModel): string {
  const title = latexToText(shown) || shown;
  if (title === '') return `arXiv ${id}`;
  if (title.length <= NAME_TITLE_CHARS) return `“${title}”`;
  const cut = title.slice(0, NAME_TITLE_CHARS);
  return `“${cut.slice(0, Math.max(cut.lastIndexOf(' '), NAME_TITLE_CHARS / 2)).trimEnd()}…”`;
}

/**
 * One listing entry's badge: plain DOM in an open shadow root (a listing holds up to 2,000 of
 * them, so no UI framework root per entry). Page text only ever reaches it as textContent.
 */
export class Badge {
  readonly id: string;
  readonly host: HTMLElement;
  /** What the controls' names call the paper (its title, else its arXiv id), among a listing's many. */
  private readonly paperName: string;
  private readonly line: HTMLElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly liveRegion: HTMLElement;
  private readonly tldrToggle: HTMLButtonElement;
  private readonly tldrPanel: HTMLElement;
  private statusSelect: HTMLSelectElement | null = null;
  /** A save, removal or status change is under way (one at a time). */
  private working = false;
  /** "Removed · Undo" after an unsave, with what Undo does and the timer that withdraws it. */
  private undoOffer: { element: HTMLElement; button: HTMLButtonElement; undo: () => Promise<void>; timer: HeldTimeout } | null = null;
  private problemLine: HTMLElement | null = null;
  /** The problem line says the store could not be asked (an answer from it ends that). */
  private storeProblem = false;
  private tldrLoaded = false;
  /** "Try again" after a TL;DR that could not be had (arXiv or the store not answering). */
  private tldrRetry: HTMLButtonElement | null = null;
  private status: ReadingStatus | null = null;
  private codeLink: HTMLAnchorElement | null = null;
  /** What the last showInfo added (rank, seen mark, upvotes, project link), and from what. */
  private infoShown: HTMLElement[] = [];
  private infoKey = '';

  constructor(model: BadgeModel, private readonly actions: BadgeActions) {
    this.id = model.id;
    this.paperName = paperName(model);
    const { host, content } = badgeTemplate();
    this.host = host.cloneNode(false) as HTMLElement;
    this.host.setAttribute('data-arxiv-id', model.id);
    const root = this.host.attachShadow({ mode: 'open' });
    styleRoot(root);
    // The template's shape: line (mark, TL;DR toggle, save, live region), then the TL;DR panel.
    const parts = content.cloneNode(true) as DocumentFragment;
    this.line = parts.firstElementChild as HTMLElement;
    this.tldrPanel = this.line.nextElementSibling as HTMLElement;
    const mark = this.line.firstElementChild!;
    this.tldrToggle = mark.nextElementSibling as HTMLButtonElement;
    this.saveButton = this.tldrToggle.nextElementSibling as HTMLButtonElement;
    this.liveRegion = this.saveButton.nextElementSibling as HTMLElement;
    // Which paper a "Save" is for, among a listing's many: a screen reader names the group first,
    // and each control, since its list of buttons reads names alone ("Save, Save, Save…").
    this.line.setAttribute('aria-label', `PaperLens, ${this.paperName}`);
    this.tldrToggle.setAttribute('aria-label', `TL;DR of ${this.paperName}`);
    this.saveButton.setAttribute('aria-label', `Save ${this.paperName}`);
    root.append(parts);

    this.showCodeLink(model.pageCodeLink);
    if (model.withdrawal !== null) {
      // After the mark, where a narrow window does not cut it off; the reason on hover, as the card's mark.
      mark.after(withAttributes(element('span', 'pl-withdrawn', 'Withdrawn'), { 'data-testid': 'badge-withdrawn', title: model.withdrawal }));
    }

    badgeOfRoot.set(root, this);
    root.addEventListener('click', onBadgeClick);
    root.addEventListener('keydown', onBadgeKeydown);
    root.addEventListener('keyup', keepKeyInside);
    root.addEventListener('keypress', keepKeyInside);
  }

  /**
   * Shows what the store knows: trending rank, seen mark, code link, reading status. Shown again
   * (the store changed: a feed refresh, a save elsewhere), it replaces what it showed before.
   */
  showInfo(info: BadgeInfo): void {
    if (this.storeProblem) this.showProblem(null);
    // Every change in the store asks again about all of a listing's papers: a badge whose answer
    // is the same is left as it is (2,000 of them remade cost the page a long task on each save).
    const key = JSON.stringify([info.rank, info.snapshot, info.seen, info.upvotes, info.codeLink, info.projectPage]);
    if (key !== this.infoKey) this.showKnown(info, key);
    if (info.status !== this.status) this.showStatus(info.status);
  }

  private showKnown(info: BadgeInfo, key: string): void {
    this.infoKey = key;
    // A control about to be remade (the project link) keeps the keyboard focus.
    const focused = (this.host.shadowRoot?.activeElement ?? null) as HTMLElement | null;
    const refocus = focused && this.infoShown.includes(focused) ? focused.getAttribute('data-testid') : null;
    for (const shown of this.infoShown) shown.remove();
    this.infoShown = [];
    const mark = this.line.firstElementChild!;
    const show = <T extends HTMLElement>(node: T): T => {
      this.infoShown.push(node);
      return node;
    };
    if (info.seen) {
      mark.after(show(withAttributes(element('span', 'pl-seen', 'Seen'), { 'data-testid': 'badge-seen', title: "You opened this paper (its page or its arXiv PDF)" })));
    }
    // The rank and upvotes are said as their tooltips tell them ("#3 daily · Jul 30" and "▲ 12" say
    // little to a screen reader): an image of text, named.
    if (info.rank !== null) {
      const said = dailyRankSaid(info.rank, info.snapshot);
      mark.after(show(withAttributes(element('span', 'pl-rank', dailyRankShort(info.rank, info.snapshot, Date.now())), { 'data-testid': 'badge-rank', title: said, role: 'img', 'aria-label': said })));
    }
    if (info.upvotes !== null) {
      const rank = this.line.querySelector('[data-testid="badge-rank"]') ?? mark;
      const said = `${info.upvotes} upvote${info.upvotes === 1 ? '' : 's'} on Hugging Face Daily Papers`;
      rank.after(show(withAttributes(element('span', 'pl-votes', `▲ ${info.upvotes}`), { 'data-testid': 'badge-upvotes', title: said, role: 'img', 'aria-label': said })));
    }
    if (info.codeLink) this.showCodeLink(info.codeLink);
    const project = this.projectLink(info.projectPage);
    if (project) (this.codeLink ?? this.tldrToggle).after(show(project));
    if (refocus) this.host.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${refocus}"]`)?.focus();
  }

  /** The store could not be asked: say so (Save and TL;DR still try). */
  showStoreProblem(problem: string): void {
    this.showProblem(`PaperLens store unavailable: ${problem}`);
    this.storeProblem = true;
  }

  private showCodeLink(url: string | null): void {
    const href = safeHref(url);
    if (!href) return;
    if (!this.codeLink) {
      this.codeLink = withAttributes(element('a', 'pl-code', ''), { target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'badge-code-link' });
      this.tldrToggle.after(this.codeLink);
    }
    const { kind } = describeCodeLink(href);
    this.codeLink.textContent = kind;
    // Named by the paper, as the other controls: a screen reader's list of links reads "Code, Code, Code…" else.
    this.codeLink.setAttribute('aria-label', `${SITE_KINDS.has(kind) ? `${kind} page` : kind} of ${this.paperName}`);
    this.codeLink.href = href;
    this.codeLink.title = href;
  }

  private projectLink(url: string | null): HTMLAnchorElement | null {
    const href = safeHref(url);
    if (!href) return null;
    const link = withAttributes(element('a', 'pl-code', 'Project'), {
      target: '_blank',
      rel: 'noopener noreferrer',
      'data-testid': 'badge-project-link',
      title: href,
      'aria-label': `Project page of ${this.paperName}`,
    });
    link.href = href;
    return link;
  }

  /** Shows the paper's reading status (after a change made by this badge or another one of the paper). */
  showStatus(status: ReadingStatus | null): void {
    this.status = status;
    // A message about the last action no longer says what the badge shows (the store made a
    // removal whose answer was lost, "PaperLens did not answer", and told the page since).
    this.showProblem(null);
    if (status !== null) this.withdrawUndo();
    this.saveButton.textContent = status === null ? 'Save' : 'Saved';
    this.saveButton.setAttribute('aria-label', `${this.saveButton.textContent} ${this.paperName}`);
    this.saveButton.setAttribute('aria-pressed', String(status !== null));
    this.saveButton.title = status === null ? SAVE_TITLE : 'Remove from your reading list';
    if (status === null) {
      this.statusSelect?.remove();
      this.statusSelect = null;
      return;
    }
    if (!this.statusSelect) {
      this.statusSelect = element('select', 'pl-status');
      this.statusSelect.dataset.testid = 'badge-status';
      this.statusSelect.setAttribute('aria-label', `Reading status of ${this.paperName}`);
      this.statusSelect.addEventListener('change', () => this.changeStatus());
      for (const value of STATUS_ORDER) {
        const option = element('option', '', STATUS_LABELS[value]);
        option.value = value;
        this.statusSelect.append(option);
      }
      this.saveButton.after(this.statusSelect);
    }
    this.statusSelect.value = status;
  }

  private showProblem(message: string | null, announce?: boolean): void {
    this.storeProblem = false;
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
    this.problemLine.textContent = this.problemLine.title = message;
  }

  // Marked busy with aria-disabled, not disabled: the browser drops focus from a disabled control,
  // and a keyboard user pressing Save would be sent back to the top of the page.
  private async busy(work: () => Promise<void>): Promise<void> {
    if (this.working) return;
    this.working = true;
    this.saveButton.setAttribute('aria-disabled', 'true');
    this.statusSelect?.setAttribute('aria-disabled', 'true');
    this.showProblem(null);
    try {
      await work();
    } catch (error) {
      this.showProblem(errorMessage(error), true);
    } finally {
      this.working = false;
      this.saveButton.removeAttribute('aria-disabled');
      this.statusSelect?.removeAttribute('aria-disabled');
    }
  }

  private async toggleTldr(): Promise<void> {
    const open = this.tldrPanel.hidden;
    this.tldrPanel.hidden = !open;
    this.tldrToggle.setAttribute('aria-expanded', String(open));
    this.tldrToggle.lastElementChild!.textContent = open ? '▾' : '▸';
    if (open) await this.loadTldr();
  }

  /** Closes the TL;DR if it is open, the focus back on its toggle; whether it was open. */
  closeTldr(): boolean {
    if (this.tldrPanel.hidden) return false;
    if (holdsFocus(this.tldrPanel)) this.tldrToggle.focus();
    void this.toggleTldr();
    return true;
  }

  /** Asks for the TL;DR, unless it was had or is being asked for; a failure is asked again on the next expand or "Try again". */
  private async loadTldr(): Promise<void> {
    if (this.tldrLoaded) return;
    this.tldrLoaded = true;
    // "Try again" goes with the text it follows: its focus stays in the badge, on the toggle.
    if (this.tldrRetry && holdsFocus(this.tldrRetry)) this.tldrToggle.focus();
    this.tldrRetry = null;
    // Empty (and so not drawn) until the TL;DR or "Summarizing…" comes.
    this.tldrPanel.className = 'pl-tldr pl-note';
    this.tldrPanel.textContent = '';
    const summarizing = setTimeout(() => (this.tldrPanel.textContent = 'Summarizing…'), SUMMARIZING_AFTER_MS);
    try {
      const { text, note, askAgain } = await this.actions.tldr(this).finally(() => clearTimeout(summarizing));
      this.tldrPanel.className = 'pl-tldr';
      this.tldrPanel.textContent = text;
      if (note) this.tldrPanel.append(' ', element('span', 'pl-note', note));
      if (askAgain) this.offerRetry();
    } catch (error) {
      this.tldrPanel.className = 'pl-tldr pl-error';
      const reason = errorMessage(error);
      // A full stop before "Try again", which follows on the same line.
      this.tldrPanel.textContent = `No TL;DR: ${/[.!?]$/.test(reason) ? reason : `${reason}.`}`;
      this.offerRetry();
    }
  }

  /** "Try again" after the TL;DR panel's text, which the next expand does too. */
  private offerRetry(): void {
    this.tldrLoaded = false;
    this.tldrRetry = withAttributes(element('button', 'pl-tldr-retry', 'Try again'), {
      type: 'button',
      'data-testid': 'badge-tldr-retry',
      'aria-label': `Try the TL;DR of ${this.paperName} again`,
    });
    this.tldrPanel.append(' ', this.tldrRetry);
  }

  /** A click inside this badge (see onBadgeClick); `repeat`: the second click of a double click. */
  handleClick(target: EventTarget | null, repeat = false): void {
    if (target === this.saveButton) {
      // The first click saved (or removed) the paper: the second would undo it.
      if (!repeat) void this.busy(() => this.actions.toggleSave(this));
    } else if (target === this.tldrToggle) void this.toggleTldr();
    else if (this.tldrRetry && target === this.tldrRetry) void this.loadTldr();
    else if (this.undoOffer && target === this.undoOffer.button) {
      const { undo } = this.undoOffer;
      void this.busy(async () => {
        await undo();
        this.withdrawUndo();
      });
    }
  }

  /** Offers "Removed · Undo" for a while after this badge removed its paper from the reading list. */
  offerUndo(undo: () => Promise<void>): void {
    this.withdrawUndo();
    const button = withAttributes(element('button', 'pl-undo', 'Undo'), { type: 'button', 'data-testid': 'badge-undo', 'aria-label': `Undo removal of ${this.paperName}` });
    const offer = element('span', 'pl-undo-offer', 'Removed · ');
    offer.append(button);
    this.liveRegion.append(offer);
    // It waits while the reader's focus or pointer is on it (accessibility QA: it went at 10 s with the focus on Undo).
    const timer = new HeldTimeout(UNDO_MS, () => this.withdrawUndo());
    holdWhileOn(offer, timer);
    this.undoOffer = { element: offer, button, undo, timer };
  }

  private withdrawUndo(): void {
    if (!this.undoOffer) return;
    this.undoOffer.timer.clear();
    // Focus on Undo goes to Save rather than to the top of the page.
    const hadFocus = holdsFocus(this.undoOffer.element);
    this.undoOffer.element.remove();
    this.undoOffer = null;
    if (hadFocus) this.saveButton.focus();
  }

  private changeStatus(): void {
    const select = this.statusSelect;
    if (this.working && select) {
      select.value = this.status ?? select.value; // one change at a time
      return;
    }
    const status = STATUS_ORDER.find((value) => value === select?.value);
    if (!status) return;
    void this.busy(async () => {
      try {
        await this.actions.setStatus(this, status);
      } catch (error) {
        // Not changed: the select goes back to the status the paper has (the problem line says why).
        if (this.statusSelect && this.status) this.statusSelect.value = this.status;
        throw error;
      }
    });
  }

  /** The status this badge shows (what a click on Save acts on). */
  get readingStatus(): ReadingStatus | null {
    return this.status;
  }
}
