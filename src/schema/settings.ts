import * as z from 'zod/mini';

/** The user's settings (options page), in `storage.local` under `settings` (read by settings/settings.ts). */
export const SettingsSchema = z.object({
  /** Per-site switches: where PaperLens adds cards and badges. */
  sites: z.object({
    arxivAbs: z.boolean(),
    hfPaper: z.boolean(),
    arxivListing: z.boolean(),
    hfList: z.boolean(),
  }),
  /** Cards start collapsed to their header line. */
  cardCollapsed: z.boolean(),
  /** `auto` follows the page and prefers-color-scheme. */
  theme: z.enum(['auto', 'light', 'dark']),
  /** Refresh trending from the Hugging Face daily-papers feed; off = bundled snapshot only, no requests. */
  feedEnabled: z.boolean(),
  /** Complete papers saved without their page (a PDF tab, a link, an id) from their arXiv page. */
  completeFromArxiv: z.boolean(),
  /** Name arXiv PDF tabs after their paper's title. */
  pdfTabTitles: z.boolean(),
  /** Remember which abstract pages and arXiv PDFs were opened, to mark them "seen" in listings. */
  seenEnabled: z.boolean(),
  /** The reading list's one-letter keys (j, k, x, b, /); off for speech input, whose words would press them. */
  readingListKeys: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SiteKey = keyof Settings['sites'];
/** The sites with a paper's own page (a card), as opposed to listings (badges). */
export const PaperPageSiteKeySchema = z.enum(['arxivAbs', 'hfPaper']);
export type PaperPageSiteKey = z.infer<typeof PaperPageSiteKeySchema>;
export type ListingSiteKey = Exclude<SiteKey, PaperPageSiteKey>;
