// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Settings } from '../../../src/schema';

// The setting from storage.local, when the test lets it arrive.
let arrive: (theme: Settings['theme']) => void = () => undefined;
vi.mock('../../../src/settings/settings', () => ({
  loadSettings: () => new Promise((resolve) => (arrive = (theme) => resolve({ theme }))),
  watchSettings: () => () => undefined,
}));
const { followThemeSetting } = await import('../../../src/ui/theme-setting');

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});
afterEach(() => vi.clearAllMocks());

test('a page takes the last theme it was set to before the setting is read, so a forced dark theme draws no light first frame', async () => {
  localStorage.setItem('paperlens:theme', 'dark');
  followThemeSetting();
  expect(document.documentElement.dataset.theme).toBe('dark');
  arrive('light');
  await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
  expect(localStorage.getItem('paperlens:theme')).toBe('light');
});

test('the setting read replaces the copy; "auto" leaves the page to the system, and a copy that is no theme is ignored', async () => {
  localStorage.setItem('paperlens:theme', '<b>dark</b>');
  followThemeSetting();
  expect(document.documentElement.dataset.theme).toBeUndefined();
  arrive('auto');
  await vi.waitFor(() => expect(localStorage.getItem('paperlens:theme')).toBe('auto'));
  expect(document.documentElement.dataset.theme).toBeUndefined();
});
