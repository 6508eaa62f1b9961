/**
 * Numbers the questions a page asks about the same thing, so that only the answer to the latest
 * one is used: answers to questions sent close together can come back in any order.
 * `ask()` returns a check that is true while no later question was asked.
 */
export function latestQuestion(): () => () => boolean {
  let latest = 0;
  return () => {
    const mine = ++latest;
    return () => mine === latest;
  };
}
