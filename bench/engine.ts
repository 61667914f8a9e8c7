/**
 * The engine a benchmark measures: as it ships (dist/, built by tsc; `npm run bench` builds it first) or, with
 * `fromSource`, the TypeScript sources through tsx (0–10% slower than tsc's output in session 5's runs).
 */
import { existsSync } from 'node:fs';

export type Engine = typeof import('../src/index.js');

export async function loadEngine(tool: string, fromSource = false): Promise<Engine> {
  const url = new URL(fromSource ? '../src/index.js' : '../dist/src/index.js', import.meta.url);
  if (!fromSource && !existsSync(url)) {
    console.error(`${tool}: dist/src/index.js is missing: run \`npx tsc -p tsconfig.build.json\` first (npm run bench does)`);
    process.exit(2);
  }
  return (await import(url.href)) as Engine;
}
