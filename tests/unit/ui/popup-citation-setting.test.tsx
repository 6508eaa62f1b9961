// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { CITATION_STUB_ERROR } from '../../../src/messaging/citation-refusal';
import type { Request } from '../../../src/schema';
import { loadSettings, saveSettings } from '../../../src/settings/settings';

// The background with arXiv not to be asked: no page, and the citation refused for want of it.
vi.mock('../../../src/messaging/client', () => ({
  sendRequest: async (request: Request) => {
    if (request.type === 'citation') throw new Error(CITATION_STUB_ERROR);
    return null;
  },
}));

const { ThisTab } = await import('../../../src/ui/popup/popup-app');

const db = new PaperLensDatabase('popup-citation-setting');
const tab = { id: '2501.00042', url: 'https://arxiv.org/pdf/2501.00042v2', title: 'arXiv:2501.00042', titleFromTab: false, page: null };

afterEach(cleanup);
// The text is awaited before the write (happy-dom's ClipboardItem leaves the refused text's promise unhandled).
vi.stubGlobal('ClipboardItem', undefined);

const refusal = async () => {
  render(<ThisTab db={db} tab={tab} />);
  fireEvent.click(await screen.findByTestId('copy-bibtex'));
  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert.textContent).toContain(CITATION_STUB_ERROR));
  // The settings are read once the refusal comes.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return alert.textContent;
};

test('Copy BibTeX refused on a PDF tab of an unknown paper names "Complete papers from arXiv" only when that setting is off', async () => {
  expect(await refusal()).not.toContain('Complete papers from arXiv');
  cleanup();
  await saveSettings({ ...(await loadSettings()), completeFromArxiv: false });
  expect(await refusal()).toBe(`BibTeX not copied: ${CITATION_STUB_ERROR}: “Complete papers from arXiv” is off in settings; switch it on to read them from arXiv`);
});
