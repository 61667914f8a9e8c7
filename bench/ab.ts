/**
 * In-process A/B: this checkout's built engine (dist/) against another checkout's, alternated in short rounds inside
 * one process so that the shared VM's drift (2–3× within minutes, README "Quality and speed") hits both alike.
 *   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   (cd /tmp/base && npx tsc -p tsconfig.build.json) && npx tsc -p tsconfig.build.json
 *   npx tsx bench/ab.ts --base /tmp/base [--rounds 30] [--workload sms|transcripts]
 * Prints each side's rate and the median (and interquartile range) of the per-round speed-up, this / base. Two copies
 * of the same code measured this way differ by ±1–2% (session 11).
 */
import { parseArgs } from 'node:util';
import { SHORT_SMS, TRANSCRIPTS } from './samples.js';
import { loadEngine, type Engine } from './engine.js';

const { values } = parseArgs({
  options: { base: { type: 'string' }, rounds: { type: 'string', default: '30' }, workload: { type: 'string', default: 'sms' } },
});
if (!values.base) {
  console.error('bench/ab.ts: --base DIR (a checkout built with `npx tsc -p tsconfig.build.json`) is required');
  process.exit(2);
}
const engines = [await loadEngine('bench/ab.ts', false, values.base), await loadEngine('bench/ab.ts')];
const transcripts = values.workload === 'transcripts';
const perRound = transcripts ? 300 : 3_000;
const run = (e: Engine, i: number): unknown =>
  transcripts ? e.analyzeConversation(TRANSCRIPTS[i % TRANSCRIPTS.length] ?? []) : e.analyze(SHORT_SMS[i % SHORT_SMS.length] ?? '');

for (const e of engines) for (let i = 0; i < perRound * 2; i++) run(e, i); // JIT warm-up, both sides
const rounds = Math.max(2, Number(values.rounds));
const ratios: number[] = [];
const total = [0, 0];
for (let r = 0; r < rounds; r++) {
  const took = [0, 0];
  // Alternate which side goes first: whichever runs second in a pair tends to do better.
  for (const side of r % 2 === 0 ? [0, 1] : [1, 0]) {
    const start = performance.now();
    for (let i = 0; i < perRound; i++) run(engines[side] as Engine, i);
    took[side] = performance.now() - start;
    total[side] = (total[side] ?? 0) + (took[side] ?? 0);
  }
  ratios.push((took[0] ?? 0) / (took[1] ?? 1));
}
ratios.sort((a, b) => a - b);
const rate = (ms: number): string => Math.round((rounds * perRound) / (ms / 1000)).toLocaleString('en');
const at = (q: number): string => (ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))] ?? 0).toFixed(3);
console.log(`${transcripts ? '30-turn transcripts' : 'short SMS'}/s: base ${rate(total[0] ?? 1)}, this ${rate(total[1] ?? 1)}; speed-up this/base median ${at(0.5)} (IQR ${at(0.25)}–${at(0.75)}, ${rounds} rounds)`);
