// Why a Copy BibTeX was refused: said by the background, read by the popup (which adds what to do).

/**
 * Why a citation was refused: what is missing, and where it comes from (arXiv, which had no page
 * for it or was not to be asked: the popup names the setting when that is off).
 */
export const CITATION_STUB_ERROR = "PaperLens knows neither this paper's title nor its authors, and could not read them from arXiv";

/** A citation refused because arXiv did not answer (offline, 503): asking again later may help. */
export function citationUnreachableError(reason: string): string {
  return `PaperLens knows neither this paper's title nor its authors, and arXiv did not give them (${reason}) — try again later`;
}
