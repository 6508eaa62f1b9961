import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SavedItem } from '../src/schema';
import { filterItems, sortItems } from '../src/ui/reading-list/query';
import { median, round } from './stats';
import { loadTldr } from './tldr-data';

/**
 * The popup's (and the reading list's) first search over 2,000 saved papers with notes of about
 * 4 KB each (SciTLDR dev abstracts), when the search text was not built ahead (a search typed right
 * after opening the popup builds it then, and the page waits): in Node, the same code. Notes as
 * typed (ASCII), with curly quotes and dashes (pasted from a PDF or a page), and with one accented
 * name each. Each run is a process of its own, as each popup is a page of its own: nothing read
 * before is reused.
 */

const PAPERS = 2_000;
const NOTE_CHARACTERS = 4_000;
const RUNS = 5;

type NoteKind = 'ascii' | 'typographic' | 'accented';

function notesOf(kind: NoteKind): string[] {
  // As typed: what little the abstracts hold past ASCII (ﬁ, é, ε in one in ten) left out.
  const abstracts = loadTldr(fileURLToPath(new URL('../data/scitldr/dev.jsonl', import.meta.url))).map((record) => record.source.join(' ').replace(/[^\x00-\x7f]/g, ''));
  return abstracts.map((_, first) => {
    let note = '';
    for (let at = first; note.length < NOTE_CHARACTERS; at = (at + 1) % abstracts.length) note += `${abstracts[at]}\n`;
    if (kind === 'typographic') note = note.replace(/"([^"]*)"/g, '“$1”').replace(/'/g, '’').replace(/ - /g, ' – ').replace(/\n/g, '\n• ');
    // In the first paragraph (of four or five): "… as in Schölkopf’s work. …"
    if (kind === 'accented') note = note.replace('. ', '. As in Schölkopf’s work. ');
    return note;
  });
}

function savedItems(notes: readonly string[]): SavedItem[] {
  return Array.from({ length: PAPERS }, (_, index) => {
    const id = `2501.${String(index).padStart(5, '0')}`;
    return {
      id, title: `Paper ${index} on efficient long-context inference`, authors: ['Ada Lovelace', 'Alan Turing'], tldr: 'We make decoding faster.', status: 'to-read', tags: ['to-cite'], notes: notes[index % notes.length]!,
      addedAt: index, updatedAt: index, readAt: null, sourceUrl: null, published: null, primaryCategory: null, doi: null, journalRef: null, pdfUrl: null,
    };
  });
}

export interface SavedTextReport {
  papers: number;
  noteCharacters: number;
  /** Median and slowest of the runs, ms: the first search (search text built for every paper). */
  firstSearchMs: Record<NoteKind, { median: number; max: number }>;
}

/** One run: the first search's time, ms. */
function firstSearchMs(kind: NoteKind): number {
  const items = sortItems(savedItems(notesOf(kind)), 'added');
  const start = performance.now();
  filterItems(items, { status: 'all', tag: null, text: 'speculative decoding' });
  return performance.now() - start;
}

const NOTE_KINDS: readonly NoteKind[] = ['ascii', 'typographic', 'accented'];

export function benchSavedText(): SavedTextReport {
  const firstSearchMs = {} as SavedTextReport['firstSearchMs'];
  for (const kind of NOTE_KINDS) {
    const times = Array.from({ length: RUNS }, () => Number(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), kind], { encoding: 'utf8' })));
    firstSearchMs[kind] = { median: round(median(times)), max: round(Math.max(...times)) };
  }
  return { papers: PAPERS, noteCharacters: NOTE_CHARACTERS, firstSearchMs };
}

const runKind = process.argv[2] as NoteKind | undefined;
if (process.argv[1] === fileURLToPath(import.meta.url) && runKind !== undefined && NOTE_KINDS.includes(runKind)) process.stdout.write(String(firstSearchMs(runKind)));
