// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { EXPORT_FORMATS, EXPORT_ORDER } from '../../../src/ui/reading-list/export-files';

vi.mock('../../../src/messaging/client', () => ({ sendRequest: async () => null }));
const { ImportPanel } = await import('../../../src/ui/reading-list/import-panel');

let db: PaperLensDatabase;
let counter = 0;

beforeEach(() => {
  db = new PaperLensDatabase(`import-panel-${++counter}`);
});

afterEach(() => {
  cleanup();
  db.close();
});

test('the import file picker offers every file the export writes, the Markdown list included', () => {
  // The panel reads the store only once a file is picked.
  render(<ImportPanel db={db} />);
  const accepted = (screen.getByTestId('import-file') as HTMLInputElement).accept.split(',');
  for (const format of EXPORT_ORDER) expect(accepted).toContain(`.${EXPORT_FORMATS[format].extension}`);
});

async function pick(name: string, text: string): Promise<HTMLButtonElement> {
  render(<ImportPanel db={db} />);
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
