// Browsers name every failed request alike ("Failed to fetch" in Chromium, "NetworkError when
// attempting to fetch resource." in Firefox, "Load failed" in Safari): the reader is told what that means.
const BARE_NETWORK_ERROR = /^(?:TypeError: )?(?:Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/;

/** Why a request to `site` (arXiv, huggingface.co) got no answer, from the browser's error: its bare "Failed to fetch" in words, a named cause kept. */
export function unreachableReason(site: string, detail: string): string {
  return BARE_NETWORK_ERROR.test(detail) ? `no connection to ${site}, or the request was blocked` : `could not reach ${site}: ${detail}`;
}
