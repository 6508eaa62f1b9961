import { defineConfig } from 'wxt';
import base from '../wxt.config';

/**
 * The bench build unminified, for readable CPU profiles of the worker (`npx tsx bench/year-store.ts
 * --unminified`): `npx wxt build -c bench/year-store.wxt.config.ts` with PAPERLENS_BENCH=1. Timings
 * come from the shipped (minified) bench build; this one only names the functions.
 */
export default defineConfig({
  ...base,
  outDir: '.output/bench-unminified',
  vite: async (env) => {
    const vite = base.vite ? await base.vite(env) : {};
    return { ...vite, build: { ...vite.build, minify: false } };
  },
});
