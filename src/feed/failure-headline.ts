import { STORE_FAILURE_REASON, type FeedFailureKind, type FeedRefreshState } from '../schema/feed';

/**
 * A failed refresh in a few words for the popup, from its stored kind and reason; the full reason
 * (the browser's error, a JSON position, the first unreadable item) goes under "Details".
 */
export function feedFailureHeadline(kind: FeedFailureKind, reason: string): string {
  switch (kind) {
    case 'offline':
      if (/^the browser is offline/.test(reason)) return 'the browser is offline';
      if (/^the connection dropped/.test(reason)) return 'the connection dropped during the download';
      return 'huggingface.co could not be reached';
    case 'dns':
      return 'huggingface.co could not be found';
    case 'http': {
      const status = /HTTP \d{3}/.exec(reason);
      return status ? `the feed answered ${status[0]}` : 'the feed answered with an error';
    }
    case 'rate-limited':
      return 'Hugging Face is rate-limiting requests';
    case 'invalid-json':
      if (/web page/.test(reason)) return 'the feed sent a web page, not JSON';
      if (/^the feed's answer is too large/.test(reason)) return 'the feed sent an answer too large to read';
      return /body is empty/.test(reason) ? 'the feed sent an empty answer' : 'the feed sent data that is not valid JSON';
    case 'schema':
      // The refresher records a failed write of a good list under this kind too: not the feed's fault.
      return reason.startsWith(STORE_FAILURE_REASON) ? 'PaperLens could not store the list' : 'the feed sent papers PaperLens could not read';
    case 'timeout':
    case 'empty':
    case 'bad-options':
      return reason;
  }
}

/**
 * Whether a failed refresh is no trouble to speak of: the live list was never fetched (the bundled
 * snapshot is all there is, as on the first day offline), no connection was had, and nobody pressed
 * Refresh. The popup says so quietly; failures after a live list, a server's errors and a pressed
 * Refresh's failure stay errors.
 */
export function isFirstFetchWaiting(state: Pick<FeedRefreshState, 'lastSuccessAt' | 'lastFailure'>): boolean {
  const failure = state.lastFailure;
  return state.lastSuccessAt === null && failure !== null && (failure.kind === 'offline' || failure.kind === 'dns') && !failure.pressed;
}
