// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchStoreChanges } from '../../../src/messaging/store-changes';

afterEach(() => fakeBrowser.reset());

describe('store-change announcements in content scripts', () => {
  test('a card hears saves and feed refreshes but not seen marks; a listing hears both', async () => {
    const ctx = new ContentScriptContext('store-changes-test');
    const card: string[] = [];
    const listing: string[] = [];
    watchStoreChanges(ctx, () => card.push('changed'));
    watchStoreChanges(ctx, () => listing.push('changed'), { seen: true });
    await fakeBrowser.runtime.sendMessage({ type: 'paperlens:storeChanged', onlySeen: false });
    await fakeBrowser.runtime.sendMessage({ type: 'paperlens:storeChanged', onlySeen: true });
    await fakeBrowser.runtime.sendMessage({ type: 'something else' });
    expect(card).toEqual(['changed']);
    expect(listing).toEqual(['changed', 'changed']);
  });

  test('a page restored from the back/forward cache asks again (announcements made meanwhile were lost); a fresh load does not', () => {
    const ctx = new ContentScriptContext('store-changes-test');
    const heard: string[] = [];
    watchStoreChanges(ctx, () => heard.push('changed'));
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    expect(heard).toEqual([]);
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(heard).toEqual(['changed']);
  });
});
