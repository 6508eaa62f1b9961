// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import type { PaperLensDatabase } from '../../../src/db/database';
import { EXPORT_FORMATS, EXPORT_ORDER } from '../../../src/ui/reading-list/export-files';
import { ImportPanel } from '../../../src/ui/reading-list/import-panel';

afterEach(cleanup);

test('the import file picker offers every file the export writes, the Markdown list included', () => {
  // The panel reads the store only once a file is picked.
  render(<ImportPanel db={{} as PaperLensDatabase} />);
  const accepted = (screen.getByTestId('import-file') as HTMLInputElement).accept.split(',');
  for (const format of EXPORT_ORDER) expect(accepted).toContain(`.${EXPORT_FORMATS[format].extension}`);
});
