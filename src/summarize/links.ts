/** Code and model links (GitHub, GitLab, Hugging Face) mentioned in an abstract or linked from a page. */
import { savedFromUrl } from '../papers/ids';

// Abstracts often leave out the scheme ("at github.com/a/b"): such a link is read as https. A host
// inside another address or an email ("docs.github.com", "?u=github.com/…", "git@github.com:") is not one.
const LINK = /(?<![\w.@/=?&%#:+~-])(?:https?:\/\/)?(?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co)(?:\/[^\s<>"'“”‘’]*)?/gi;

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** Strips sentence punctuation that follows a URL but is not part of it. */
function trimLink(url: string): string {
  // Brackets counted once and kept up to date: recounting per character is quadratic on a
  // page's "https://github.com/))))…".
  let parens = count(url, '(') - count(url, ')');
  let brackets = count(url, '[') - count(url, ']');
  // LaTeX's \url{…} leaves its closing brace on the link.
  let braces = count(url, '{') - count(url, '}');
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) break;
    if (last === ')' && parens < 0) parens++;
    else if (last === ']' && brackets < 0) brackets++;
    else if (last === '}' && braces < 0) braces++;
    else if (!'.,;:!?'.includes(last)) break;
    end--;
  }
  return url.slice(0, end);
}

/** What makes two code links the same repository: `https://github.com/A/b/`, `…/a/b.git` and `http://www.github.com/a/b` are one. */
export function repositoryKey(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\/(?:www\.)?/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

/** Code links each once (the first spelling of each repository), in order. */
export function uniqueCodeLinks(links: readonly string[]): string[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = repositoryKey(link);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** http(s) links to github.com, gitlab.com and huggingface.co, in order, deduplicated. */
export function findCodeLinks(abstract: string): string[] {
  const out: string[] = [];
  for (const match of abstract.matchAll(LINK)) {
    const url = trimLink(/^https?:/i.test(match[0]) ? match[0] : `https://${match[0]}`);
    // A bare host ("https://github.com/") is not a code link.
    if (!/^https?:\/\/[^/]+\/./i.test(url)) continue;
    out.push(url);
  }
  return uniqueCodeLinks(out);
}

/**
 * A page's link as a code link: http(s) to a code host (GitHub, GitLab, Hugging Face), else null;
 * without the sentence's punctuation a page's autolinker took in ("https://github.com/a/b.").
 */
export function pageCodeLink(href: string | null | undefined): string | null {
  const safe = savedFromUrl(href);
  if (!safe) return null;
  const found = findCodeLinks(safe)[0];
  return found !== undefined && safe.startsWith(found) ? found : null;
}

// A project page: a link the words right before it call the paper's ("Project page: …", "our website
// (…)", "Homepage: …", "project page is available at …"; not "the project page of DreamFusion (…)"), or
// one on GitHub or GitLab Pages a few lower-case words after the paper's own ("videos at", "our
// designated repository", "available at"; not "Our model extends LLaVA (…)", whose page it is). Other
// links in an abstract (a shortened link, a dataset's host, another project's site) are left out
// rather than named wrongly.
const PAGES_HOST = /(?:^|\.)(?:github|gitlab)\.io$/i;
const CALLED_PROJECT_PAGE =
  /\b(?:project(?:'s)?\s+(?:page|website|site|homepage|webpage)|(?:our|(?:this|the) (?:paper|work)'s)\s+(?:website|web site|webpage|web page|homepage|home page|project page|page)|(?:website|webpage|homepage|home page)\s*:)(?:\s+(?:is|are|at|can|be|found|available|here|online|hosted|publicly|freely|in|on))*[\s:(–—-]*$/i;
const OWN_WORD_BEFORE = /\b(?:our|we will|available|release[sd]?|project|page|website|demos?|videos?|visit|code|details|examples|samples)\b((?:\s+[^\s(:]+){0,3})[\s:(–—-]*$/i;

/** Whether the words before a GitHub or GitLab Pages link make it the paper's own (OWN_WORD_BEFORE, no name between). */
function ownPagesLink(before: string): boolean {
  const between = OWN_WORD_BEFORE.exec(before)?.[1];
  return between !== undefined && !/\p{Lu}/u.test(between);
}
const CODE_HOST = /(?:^|\.)(?:github\.com|gitlab\.com|huggingface\.co)$/i;
// A link with its scheme, or a bare address on GitHub or GitLab Pages ("at alice.github.io/flow").
// (Not the start of another host: "alice.github.io.evil.com".)
const WEB_LINK = /(?<![\w.@/=?&%#:+~-])(?:https?:\/\/[^\s<>"'“”‘’]+|(?:[a-z0-9-]+\.)+(?:github|gitlab)\.io(?![\w-]|\.[a-z0-9])(?:\/[^\s<>"'“”‘’]*)?)/gi;

/**
 * The link as the paper's project page (the address the store keeps), given the text just before
 * it; null when it is none. Never a code host (those are code links), arXiv or a DOI (other papers).
 */
export function projectPageHref(href: string, before: string): string | null {
  const safe = savedFromUrl(href);
  if (!safe) return null;
  const host = new URL(safe).hostname;
  if (CODE_HOST.test(host) || /(?:^|\.)(?:arxiv\.org|doi\.org)$/i.test(host)) return null;
  const words = before.slice(-80);
  return CALLED_PROJECT_PAGE.test(words) || (PAGES_HOST.test(host) && ownPagesLink(words)) ? safe : null;
}

/** The first link of an abstract that is the paper's project page (projectPageHref), or null. */
export function findProjectPage(text: string): string | null {
  // Most abstracts hold no link: one quick look spares them the full scan (a listing asks for 2,000).
  if (!text.includes('://') && !/\.io\b/i.test(text)) return null;
  for (const match of text.matchAll(WEB_LINK)) {
    const url = trimLink(/^https?:/i.test(match[0]) ? match[0] : `https://${match[0]}`);
    const page = projectPageHref(url, text.slice(Math.max(0, match.index - 80), match.index));
    if (page) return page;
  }
  return null;
}

/** What a code link leads to, as a card or badge names it. */
export type CodeLinkKind = 'Code' | 'Model' | 'Dataset' | 'Demo' | 'Collection' | 'Hugging Face' | 'GitHub' | 'GitLab';

const HF_SECTIONS = /^(datasets|spaces|collections)\/(.+)/;
const HF_KINDS: Record<string, CodeLinkKind> = { datasets: 'Dataset', spaces: 'Demo', collections: 'Collection' };
// Hugging Face's own pages, which are no repository.
const HF_PAGES = /^(?:papers|blog|docs|learn|posts|models|datasets|spaces|collections|tasks|organizations|settings|join|login|pricing|search)(?:\/|$)/;
// GitHub's own pages, whose paths look like "owner/repo" but hold no code.
const GITHUB_PAGES = /^(?:orgs|users|topics|sponsors|features|marketplace|collections|settings|apps|about|pricing|search|login|enterprise)(?:\/|$)/;

/**
 * A code link's kind and name (its path: "owner/repo", "org/model"). A Hugging Face repository
 * ("owner/name") is a model unless its path says it is a dataset, a Space (a demo) or a
 * collection; a user's or organisation's page, or the site's own pages, are just Hugging Face. On
 * GitHub and GitLab too, a user's or organisation's page (one path segment) or the site's own pages
 * are no code: they are named after the site.
 */
export function describeCodeLink(href: string): { kind: CodeLinkKind; name: string } {
  const url = new URL(href);
  const path = url.pathname.replace(/^\/|\/$/g, '');
  if (!/(?:^|\.)huggingface\.co$/.test(url.hostname)) {
    const site = /(?:^|\.)gitlab\.com$/.test(url.hostname) ? 'GitLab' : 'GitHub';
    const repository = path.includes('/') && !(site === 'GitHub' && GITHUB_PAGES.test(path));
    return { kind: repository ? 'Code' : site, name: path || url.host };
  }
  const [, section, name] = HF_SECTIONS.exec(path) ?? [];
  if (section && name) return { kind: HF_KINDS[section]!, name };
  return { kind: path.includes('/') && !HF_PAGES.test(path) ? 'Model' : 'Hugging Face', name: path || url.host };
}
