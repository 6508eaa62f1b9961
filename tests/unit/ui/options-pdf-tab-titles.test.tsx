// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { PaperLensDatabase } from '../../../src/db/database';
import { OptionsApp } from '../../../src/ui/options/options-app';

const db = new PaperLensDatabase('options-pdf-tab-titles');

afterEach(cleanup);

const pdfSwitch = async () => (await screen.findByTestId('setting-pdfTabTitles')) as HTMLInputElement;

test('in Firefox (no extension script runs in its PDF viewer) the PDF tab titles switch is off, cannot be turned on, and says why', async () => {
  render(<OptionsApp db={db} pdfTabTitles={false} />);
  const setting = await pdfSwitch();
  expect(setting.disabled).toBe(true);
  expect(setting.checked).toBe(false);
  expect(setting.closest('label')?.textContent).toContain('not in Firefox');
});

test('elsewhere the switch works as the setting says', async () => {
  render(<OptionsApp db={db} />);
  const setting = await pdfSwitch();
  expect(setting.disabled).toBe(false);
  expect(setting.checked).toBe(true);
  expect(setting.closest('label')?.textContent).toContain('named after its paper');
});
