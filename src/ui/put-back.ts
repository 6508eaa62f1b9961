/**
 * How often injected UI that the page took out may be put back. A page that takes it out again
 * each time (a framework reconciling its DOM, a guard against foreign nodes) does not want it:
 * our observer putting it back and the page's taking it out would answer each other forever, in
 * one microtask checkpoint, and the page would never run another task. After `limit` put-backs
 * within a second, none for good (a new page, a new allowance).
 */
export function putBackAllowance(limit: number): () => boolean {
  let since = 0;
  let used = 0;
  return () => {
    const now = performance.now();
    if (used <= limit && now - since > 1000) {
      since = now;
      used = 0;
    }
    return ++used <= limit;
  };
}
