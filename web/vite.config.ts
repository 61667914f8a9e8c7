/**
 * Vite config for the fanzha web app (Preact without a plugin: esbuild does the JSX).
 * Build: `npm run build:web` → web/dist, served by `fanzha serve` at `/`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { knowledgeData } from '../src/knowledge/generated/knowledge-data.js';

const VIRTUAL = 'virtual:fanzha-knowledge';

/**
 * Only the parts of the knowledge the pages show (categories for Learn and the verdict line, and the
 * directory's public contacts), so the rule packs never reach the browser bundle.
 */
function knowledgePlugin(): Plugin {
  return {
    name: 'fanzha-knowledge',
    resolveId: (id) => (id === VIRTUAL ? '\0' + VIRTUAL : null),
    load(id) {
      if (id !== '\0' + VIRTUAL) return null;
      const directory = knowledgeData.directory.map((d) => ({
        id: d.id,
        kind: d.kind,
        name: d.name,
        app: d.app ?? null,
        phones: d.phones.map((p) => ({ number: p.number, display: p.display })),
        domains: d.domains,
        neverDoes: d.neverDoes,
        impersonatedAs: d.impersonatedAs ?? null,
      }));
      const data = { version: knowledgeData.version, categories: knowledgeData.categories, directory };
      return `export default ${JSON.stringify(data)};`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [knowledgePlugin()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev:web` style development against a local `fanzha serve`.
    proxy: { '/v1': 'http://127.0.0.1:8080' },
  },
});
