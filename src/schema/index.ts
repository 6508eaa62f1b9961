/**
 * The one schema module: every shape that crosses a boundary (seed file, store, messages, feed,
 * files) is a Zod schema under src/schema/ and its TypeScript type is inferred from it. Content
 * scripts import types only (`import type`), so Zod stays out of their bundles.
 */
export * from './common';
export * from './papers';
export * from './messages';
export * from './feed';
export * from './reading-list';
export * from './settings';
export * from './session';
