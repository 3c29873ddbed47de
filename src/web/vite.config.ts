/**
 * Builds the classroom page into dist/web: one classic script (an IIFE, so the
 * page also runs when opened from disk, where module scripts are refused), one
 * stylesheet and index.html (copied from public/). The CLI adds data.js.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  publicDir: here('public'),
  logLevel: 'warn',
  // Libraries (immer) read process.env.NODE_ENV; library mode leaves it alone unless told.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    lib: {
      entry: here('main.ts'),
      name: 'casusPage',
      formats: ['iife'],
      fileName: () => 'casus.js',
      cssFileName: 'casus',
    },
  },
});
