import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * An update, reload or removal of the extension leaves this page's script without it, but WXT
 * tells (ctx.onInvalidated, where cards and badges leave the page) only once something asks
 * whether the extension is still there, and no event of the browser's does. Its interval asks
 * before each call (a no-op here), so within 2 s no Save that cannot work is left on the page.
 */
export function noticeExtensionGone(ctx: ContentScriptContext): void {
  ctx.setInterval(() => undefined, 2000);
}
