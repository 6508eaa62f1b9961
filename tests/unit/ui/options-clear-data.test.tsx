// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { OptionsApp } from '../../../src/ui/options/options-app';
import { savedItem } from '../export/fixtures';

afterEach(cleanup);

test('Clear PaperLens data counts what it deletes, in words that fit one paper or many', async () => {
  const db = new PaperLensDatabase('options-clear-data');
  await db.saved.put(savedItem({ id: '2310.01779', title: 'HallE-Switch' }));
  render(<OptionsApp db={db} />);
  const section = await screen.findByRole('region', { name: 'Clear PaperLens data' });
  await waitFor(() => expect(section.textContent).toContain('(1 paper, with its notes and tags)'));
  await db.saved.put(savedItem({ id: '2402.18041', title: 'Datasets' }));
  await waitFor(() => expect(section.textContent).toContain('(2 papers, with their notes and tags)'));
});
