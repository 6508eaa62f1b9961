/** Whether two lists hold the same values in the same order (compared by `key`, as given by default). */
export function equalLists<T>(a: readonly T[], b: readonly T[], key: (value: T) => unknown = (value) => value): boolean {
  return a.length === b.length && a.every((value, index) => key(value) === key(b[index]!));
}
