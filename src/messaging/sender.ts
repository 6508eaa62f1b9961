import type { HandlerDeps } from './handler';

/** The parts of a message's sender the handler needs. */
export interface MessageSender {
  url?: string;
  tab?: { incognito?: boolean };
}

/**
 * Who sent a message, as the handler weighs it: a page's script (a content script, on arXiv or
 * Hugging Face) may ask for less than the extension's own pages; a sender without an address counts
 * as a page. `extensionOrigin`: the extension's own base URL (runtime.getURL('/')).
 */
export function senderContext(sender: MessageSender, extensionOrigin: string): Pick<HandlerDeps, 'senderUrl' | 'fromPage' | 'senderIncognito'> {
  return { senderUrl: sender.url, fromPage: !sender.url?.startsWith(extensionOrigin), senderIncognito: sender.tab?.incognito };
}
