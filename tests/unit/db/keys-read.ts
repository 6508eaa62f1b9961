/**
 * Keys and rows IndexedDB hands out while `read` runs (cursor steps and getAll/getAllKeys
 * results), and how many requests it was asked (a cursor counts once, each read by key once).
 */
export async function keysRead<T>(read: () => Promise<T>): Promise<{ result: T; keys: number; requests: number }> {
  let keys = 0;
  let requests = 0;
  const restore: (() => void)[] = [];
  const countRequests = (proto: object, names: readonly string[], onSuccess?: (request: IDBRequest<unknown[]>) => void) => {
    const methods = proto as Record<string, (...args: unknown[]) => IDBRequest<unknown[]>>;
    for (const name of names) {
      const original = methods[name]!;
      methods[name] = function (this: unknown, ...args: unknown[]) {
        requests++;
        const request = original.apply(this, args);
        if (onSuccess) request.addEventListener('success', () => onSuccess(request));
        return request;
      };
      restore.push(() => (methods[name] = original));
    }
  };
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    countRequests(proto, ['getAll', 'getAllKeys'], (request) => (keys += request.result.length));
    countRequests(proto, ['get', 'getKey', 'count', 'openCursor', 'openKeyCursor']);
  }
  const cursorContinue = IDBCursor.prototype.continue;
  IDBCursor.prototype.continue = function (this: IDBCursor, key?: IDBValidKey) {
    keys++;
    cursorContinue.call(this, key);
  };
  restore.push(() => (IDBCursor.prototype.continue = cursorContinue));
  try {
    return { result: await read(), keys, requests };
  } finally {
    for (const undo of restore) undo();
  }
}
