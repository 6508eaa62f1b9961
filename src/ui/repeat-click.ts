/**
 * The second (or later) click of a double click, which repeats the first: a toggle that took it as
 * another press undid the first (a double-clicked Save saved the paper, then removed it). Enter
 * and Space click with detail 0, and a keyboard user's every press counts.
 */
export const isRepeatClick = (event: UIEvent): boolean => event.detail > 1;
