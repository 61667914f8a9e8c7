/**
 * The engine a benchmark measures: as it ships (dist/, built by tsc; `npm run bench` builds it first) or, with
 * `fromSource`, the TypeScript sources through tsx (0–10% slower than tsc's output in session 5's runs).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Engine = typeof import('../src/index.js');

/** `root`: another checkout's directory (bench/ab.ts compares two builds); this one by default. */
export async function loadEngine(tool: string, fromSource = false, root?: string): Promise<Engine> {
  const base = root ? pathToFileURL(`${resolve(root)}/`) : new URL('../', import.meta.url);
  const url = new URL(fromSource ? 'src/index.js' : 'dist/src/index.js', base);
  if (!fromSource && !existsSync(url)) {
    console.error(`${tool}: ${fileURLToPath(url)} is missing: run \`npx tsc -p tsconfig.build.json\` there first (npm run bench does)`);
    process.exit(2);
  }
  return (await import(url.href)) as Engine;
}
