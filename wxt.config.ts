import { defineConfig } from 'wxt';
import { minify } from 'terser';
import type { Plugin } from 'vite';
import { SEED_ASSET_PATH, writeSeedAsset } from './scripts/seed-build';

/**
 * Content scripts load with every page of their sites (the card's, with the summarizer, about 21 KB
 * gzipped; a listing's 17 KB): terser, run over Vite's minified output, takes a few hundred bytes more off each. It
 * runs after WXT's own plugins, which make each script an anonymous IIFE, and keeps it one.
 */
const terserContentScripts: Plugin = {
  name: 'paperlens:terser-content-scripts',
  enforce: 'post',
  async generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.fileName.startsWith('content-scripts/')) {
        chunk.code = (await minify(chunk.code, { compress: { passes: 3, negate_iife: false } })).code ?? chunk.code;
      }
    }
  },
};

// `npm run bench` builds a separate copy with a benchmark page; the shipped build never has it.
const BENCH_BUILD = process.env.PAPERLENS_BENCH === '1';

export default defineConfig({
  srcDir: '.',
  vite: ({ command }) => ({
    // CSS for the browsers PaperLens runs in (light-dark(): Chrome 123+, Firefox 120+; the Firefox
    // build asks for 140): for older ones lightningcss would add a color-scheme polyfill to every
    // stylesheet, in each content script too.
    build: { cssTarget: ['chrome123', 'firefox140'] },
    // The benchmark hooks of the worker (bench/worker-hooks.ts): a constant, so the shipped build drops them.
    define: { 'import.meta.env.PAPERLENS_BENCH': JSON.stringify(BENCH_BUILD) },
    // Not in development (`wxt`), where the scripts stay readable.
    plugins: command === 'build' ? [terserContentScripts] : [],
  }),
  entrypointsDir: 'entrypoints',
  outDir: BENCH_BUILD ? '.output/bench' : '.output',
  manifest: ({ browser }) => ({
    name: 'PaperLens',
    description: 'Summary cards, trending ranks and a reading list for machine-learning papers on arXiv and Hugging Face.',
    // scripting: the content scripts run in the paper tabs open at an install or update (Firefox does that itself).
    // offscreen: a large search index is built in a worker, which Chrome's service worker cannot start (src/search/snapshot-offscreen.ts).
    permissions: ['storage', 'activeTab', 'alarms', 'contextMenus', ...(browser === 'firefox' ? [] : ['scripting', 'offscreen'])],
    commands: {
      'save-paper': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the paper in this tab to your PaperLens reading list',
      },
    },
    host_permissions: ['https://arxiv.org/*', 'https://huggingface.co/*'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: {
          gecko: {
            id: 'paperlens@paperlens.dev',
            strict_min_version: '140.0',
            // PaperLens collects nothing: it only fetches public pages (arXiv, the Hugging Face feed); the reading list stays in the browser.
            data_collection_permissions: { required: ['none'] },
          },
        }, }
      : // The card's colours are CSS light-dark() (see cssTarget above).
        { minimum_chrome_version: '123' }),
  }),
  hooks: {
    'entrypoints:resolved': (_wxt, entrypoints) => {
      const bench = entrypoints.findIndex((entrypoint) => entrypoint.name === 'bench');
      if (!BENCH_BUILD && bench >= 0) entrypoints.splice(bench, 1);
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(`/${SEED_ASSET_PATH}`);
    },
    // The seed snapshot is compiled from seeds/ on every build; a malformed seed fails the build.
    'build:publicAssets': async (_wxt, files) => {
      files.push(await writeSeedAsset());
    },
  },
  zip: {
    excludeSources: ['.output/**', 'test-results/**', 'bench/results/**', 'node_modules/**'],
  },
});
