/**
 * analyzeBatch's group size: short-SMS throughput of the built core when each call is one group of the given size
 * (the engine's own groups stop at 256, so larger calls measure two or more groups), sizes alternated round by round.
 *   npx tsc -p tsconfig.build.json && npx tsx bench/batch-groups.ts [--rounds 7]
 */
import { parseArgs } from 'node:util';
import { SHORT_SMS } from './samples.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const dist = new URL('../dist/src/', import.meta.url).href;
const core = (await import(`${dist}core/analyze.js`)) as typeof import('../src/core/analyze.js');
const { defaultKnowledge } = (await import(`${dist}knowledge/default.js`)) as typeof import('../src/knowledge/default.js');
const { intelChecker } = (await import(`${dist}intel/index.js`)) as typeof import('../src/intel/index.js');
const { modelScorer } = (await import(`${dist}model/index.js`)) as typeof import('../src/model/index.js');

const parts = { checkers: [intelChecker], model: modelScorer };
const texts = Array.from({ length: 8192 }, (_, i) => SHORT_SMS[i % SHORT_SMS.length] ?? '');
const sizes = [1, 16, 64, 128, 256, 512];
const rates = new Map<number, number[]>(sizes.map((s) => [s, []]));
for (let r = 0; r < Number(values.rounds); r++) {
  for (const size of sizes) {
    const t = performance.now();
    for (let i = 0; i < texts.length; i += size) core.analyzeBatchWith(texts.slice(i, i + size), defaultKnowledge, {}, parts);
    if (r > 0) rates.get(size)?.push(texts.length / ((performance.now() - t) / 1000)); // round 0 warms up
  }
}
console.log('| messages per call | short SMS/s (median round) |\n|---:|---:|');
for (const [size, v] of rates) {
  v.sort((a, b) => a - b);
  console.log(`| ${size} | ${Math.round(v[Math.floor(v.length / 2)] ?? 0).toLocaleString('en')} |`);
}
