// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { EXPORT_FORMATS, EXPORT_ORDER } from '../../../src/ui/reading-list/export-files';

// The requests Apply sent (each answered as the background answers one new paper).
const applied: unknown[] = [];
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: unknown) => {
    applied.push(request);
    return { added: 1, updated: 0, unchanged: 0, rejected: [], summary: '1 new, 0 updated' };
  },
}));
const { ImportPanel } = await import('../../../src/ui/reading-list/import-panel');

let db: PaperLensDatabase;
let counter = 0;

beforeEach(() => {
  db = new PaperLensDatabase(`import-panel-${++counter}`);
  applied.length = 0;
});

afterEach(() => {
  cleanup();
  db.close();
});

test('the import file picker offers every file the export writes, the Markdown list included', () => {
  // The panel reads the store only once a file is picked.
  render(<ImportPanel db={db} applied={() => undefined} />);
  const accepted = (screen.getByTestId('import-file') as HTMLInputElement).accept.split(',');
  for (const format of EXPORT_ORDER) expect(accepted).toContain(`.${EXPORT_FORMATS[format].extension}`);
});

async function pick(name: string, text: string): Promise<HTMLButtonElement> {
  render(<ImportPanel db={db} applied={() => undefined} />);
  const input = screen.getByTestId('import-file');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/plain' })] } });
  await screen.findByTestId('import-preview', {}, { timeout: 3000 });
  return screen.getByTestId('import-apply') as HTMLButtonElement;
}

test('with entries rejected, Apply says they are left out: the reader does not take it for importing the whole file', async () => {
  const apply = await pick('ids.txt', '1706.03762\nnot a paper\n2310.01779\nnor this\n');
  expect(screen.getByTestId('import-summary').textContent).toMatch(/^ids\.txt: 2 new, 0 updated, 2 rejected: line 2: /);
  expect(apply.textContent).toBe('Apply import, leaving out the 2 rejected');
  cleanup();
  expect((await pick('one.txt', '1706.03762\nnot a paper\n')).textContent).toBe('Apply import, leaving out the rejected entry');
  cleanup();
  expect((await pick('clean.txt', '1706.03762\n')).textContent).toBe('Apply import');
});

/** A picked file whose bytes take `ms` to read (a large file on a slow disk). */
function slowFile(name: string, text: string, ms: number): File {
  const file = new File([text], name, { type: 'text/plain' });
  const bytes = file.arrayBuffer();
  Object.defineProperty(file, 'arrayBuffer', { value: () => new Promise((resolve) => setTimeout(() => resolve(bytes), ms)) });
  return file;
}

test('a file picked while the one picked before is still being read: the preview, and Apply, are of the file picked last', async () => {
  render(<ImportPanel db={db} applied={() => undefined} />);
  const input = screen.getByTestId('import-file');
  fireEvent.change(input, { target: { files: [slowFile('wrong-library.txt', '1706.03762\n2310.01779\n', 300)] } });
  fireEvent.change(input, { target: { files: [slowFile('right.txt', '2401.00001\n', 10)] } });
  await screen.findByTestId('import-preview', {}, { timeout: 3000 });
  // Once both are read.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(screen.getByTestId('import-summary').textContent).toMatch(/^right\.txt: /);
  fireEvent.click(screen.getByTestId('import-apply'));
  await waitFor(() => expect(applied).toHaveLength(1));
  expect(applied[0]).toMatchObject({ type: 'importApply', items: [{ id: '2401.00001' }] });
});

test('a preview the store cannot plan (its database closed under the page) says why, instead of "Reading …" for ever', async () => {
  await db.open();
  db.close();
  render(<ImportPanel db={db} applied={() => undefined} />);
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['1706.03762\n'], 'ids.txt', { type: 'text/plain' })] } });
  expect((await screen.findByTestId('import-error', {}, { timeout: 2000 })).textContent).toMatch(/^ids\.txt: your reading list could not be read to compare: /);
});

test('Apply or Cancel pressed from the keyboard leaves the focus on "Import file…", not at the page\'s start', async () => {
  (await pick('ids.txt', '2401.00001\n')).focus();
  fireEvent.click(screen.getByTestId('import-apply'));
  await screen.findByTestId('import-result');
  expect(document.activeElement).toBe(screen.getByTestId('import-file'));
  cleanup();
  await pick('ids.txt', '2401.00001\n');
  screen.getByTestId('import-cancel').focus();
  fireEvent.click(screen.getByTestId('import-cancel'));
  await waitFor(() => expect(screen.queryByTestId('import-preview')).toBeNull());
  expect(document.activeElement).toBe(screen.getByTestId('import-file'));
});
