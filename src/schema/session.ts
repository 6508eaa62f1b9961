import * as z from 'zod/mini';
import { text } from './common';

/** What the background keeps in storage.session: it outlives a stopped worker, not the browser. */

/** What a tab's toolbar icon shows: its badge text, the badge colour and the tooltip. */
export const ToolbarLookSchema = z.object({ text: text(8), color: text(32), title: text(10_000) });
export type ToolbarLook = z.infer<typeof ToolbarLookSchema>;

/** Notices on show on the toolbar icon, by tab id, with when each ends. */
export const ToolbarNoticesSchema = z.record(z.string().check(z.maxLength(20)), z.object({ look: ToolbarLookSchema, endsAt: z.number() }));

/** PDF tabs that loaded out of sight, by tab id (a window's tabs at most). */
export const WaitingPdfTabsSchema = z.array(z.int()).check(z.maxLength(10_000));

/** Until when arXiv asked to wait (ms since the epoch). */
export const ArxivNotBeforeSchema = z.number();
