/**
 * How much of a paper PaperLens keeps: the schemas check these bounds, and the (Zod-free) content
 * scripts cut page text to them.
 */
export const MAX_TITLE = 1000;
/** The longest TL;DR kept (a summary's, a reading-list item's). */
export const MAX_TLDR = 2000;
export const MAX_ABSTRACT = 20_000;
/** The longest author lists on arXiv (particle-physics collaborations) run past 5,000 names. */
export const MAX_AUTHORS = 10_000;
export const MAX_AUTHOR_NAME = 300;
/** A visited paper's first authors, kept with its seen mark: enough to recognise it in a list. */
export const SEEN_AUTHORS = 5;
/** Code links read off a paper's page (its abstract and comments link a few at most). */
export const MAX_PAGE_CODE_LINKS = 10;
/** A withdrawn paper's reason as its page gives it (arXiv's comments field), as a card shows it. */
export const MAX_WITHDRAWAL = 500;
/** Code links a paper's summary keeps. */
export const MAX_CODE_LINKS = 10;
/** The longest link kept (a page's, a feed's, an import's); longer ones are not links people follow. */
export const MAX_URL_LENGTH = 2048;
/** The most names a summary keeps of one abstract (a table's worth of model names is not what it is about). */
export const MAX_ABSTRACT_NAMES = 24;
/** The longest name kept (longer runs are pieces of URLs or hashes, not names). */
export const MAX_NAME_LENGTH = 40;
// A day's daily-papers list (Hugging Face lists tens; its API answers 1,000 at most).
export const MAX_FEED_PAPERS = 1000;

/**
 * How many keys Copy BibTeX gave are kept (the oldest go first; such a paper may then be given another
 * key if it is copied again before it is saved). 5,000 is years of citing, a row of ~200 KB.
 */
export const MAX_GIVEN_CITE_KEYS = 5_000;
