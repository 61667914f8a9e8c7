/**
 * The Check page (the home page) must stay small for phones on slow networks: everything index.html
 * loads before the first check (HTML, entry script, its static imports and CSS; not the lazily loaded
 * pages) is at most 250 kB gzipped. A size budget, not a timing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, ROOT } from './server-harness.js';

const BUDGET = 250 * 1000;

export function checkPageAssets(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  // Follow static imports of the entry chunk (Vite emits them as import"./x.js" / from"./x.js").
  const seen = new Set<string>();
  const queue = [...refs];
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    if (!f.endsWith('.js')) continue;
    const code = readFileSync(join(dist, f), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
  return ['index.html', ...seen];
}

test('the check page loads at most 250 kB gzipped', (t) => {
  ensureWebBuild();
  const dist = join(ROOT, 'web/dist');
  const files = checkPageAssets(dist);
  assert.ok(files.some((f) => f.endsWith('.js')), 'the entry script is found');
  let total = 0;
  const rows: string[] = [];
  for (const f of files) {
    const gz = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
    total += gz;
    rows.push(`${f} ${gz} B`);
  }
  t.diagnostic(`check page ${(total / 1000).toFixed(1)} kB gzipped (${rows.join(', ')})`);
  assert.ok(total <= BUDGET, `check page is ${total} bytes gzipped, budget ${BUDGET}`);
});
