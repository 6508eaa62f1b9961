// happy-dom and Node have no idle callbacks; the popup and the reading list build search text while idle.
globalThis.requestIdleCallback ??= (callback: IdleRequestCallback) => setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 0) as unknown as number;
globalThis.cancelIdleCallback ??= (handle: number) => clearTimeout(handle);
