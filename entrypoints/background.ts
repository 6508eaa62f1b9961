import { browser } from 'wxt/browser';
import { PaperLensDatabase } from '../src/db/database';
import { createStore } from '../src/db/open';
import { parseSeedAsset } from '../src/db/seed';
import { handleMessage } from '../src/messaging/handler';
import { showStoreError, clearStoreError } from '../src/ui/action-badge';

export default defineBackground(() => {
  const store = createStore({
    db: new PaperLensDatabase(),
    loadSeed: async () => parseSeedAsset(await (await fetch(browser.runtime.getURL('/seed.json'))).json()),
    onError: showStoreError,
    onRecovered: clearStoreError,
  });

  browser.runtime.onInstalled.addListener(() => {
    // A failure is already shown on the toolbar icon by onError.
    store.refreshSeed().catch(() => undefined);
  });

  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    handleMessage(message, { ready: store.ready, health: store.health, now: Date.now, relatedForPage: store.related.forPage }).then(sendResponse);
    return true;
  });

  // Open the store while the first message is still on its way.
  store.ready().catch(() => undefined);
});
