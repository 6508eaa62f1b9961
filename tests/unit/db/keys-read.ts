/** Keys and rows IndexedDB hands out while `read` runs: cursor steps and getAll/getAllKeys results. */
export async function keysRead<T>(read: () => Promise<T>): Promise<{ result: T; keys: number }> {
  let keys = 0;
  const restore: (() => void)[] = [];
  const countResults = (proto: { getAll: unknown; getAllKeys: unknown }) => {
    for (const name of ['getAll', 'getAllKeys'] as const) {
      const original = proto[name] as (...args: unknown[]) => IDBRequest<unknown[]>;
      proto[name] = function (this: unknown, ...args: unknown[]) {
        const request = original.apply(this, args);
        request.addEventListener('success', () => (keys += request.result.length));
        return request;
      };
      restore.push(() => (proto[name] = original));
    }
  };
  countResults(IDBObjectStore.prototype);
  countResults(IDBIndex.prototype);
  const cursorContinue = IDBCursor.prototype.continue;
  IDBCursor.prototype.continue = function (this: IDBCursor, key?: IDBValidKey) {
    keys++;
    cursorContinue.call(this, key);
  };
  restore.push(() => (IDBCursor.prototype.continue = cursorContinue));
  try {
    return { result: await read(), keys };
  } finally {
    for (const undo of restore) undo();
  }
}
