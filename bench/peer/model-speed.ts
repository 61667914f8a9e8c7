/**
 * npx tsx bench/peer/model-speed.ts — what the learned model costs: artefact import + decode (the one-time load),
 * and per short message, the model alone and the engine with vs without it (same messages, interleaved rounds).
 * Speed is measured here, never asserted in tests. `npm run bench` measures the whole engine.
 */
import { SHORT_SMS } from '../samples.js';

const t0 = performance.now();
const { modelArtifact } = await import('../../models/fanzha-model.js');
const t1 = performance.now();
const { decodeArtifact, LinearScorer } = await import('../../src/model/index.js');
const t2 = performance.now();
const model = decodeArtifact(modelArtifact);
const t3 = performance.now();
const { analyze } = await import('../../src/index.js');

const N = 20_000;
const msgs = SHORT_SMS;
for (let i = 0; i < 3000; i++) {
  analyze(msgs[i % msgs.length] ?? '');
  analyze(msgs[i % msgs.length] ?? '', { useModel: false });
}
const rounds: { rules: number; both: number }[] = [];
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  for (let i = 0; i < N; i++) analyze(msgs[i % msgs.length] ?? '', { useModel: false });
  const rules = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < N; i++) analyze(msgs[i % msgs.length] ?? '');
  rounds.push({ rules, both: performance.now() - t });
}
const best = (k: 'rules' | 'both'): number => Math.min(...rounds.map((r) => r[k]));
const scorer = new LinearScorer(model);
const inputs = msgs.map((t) => ({ compact: t.toLowerCase(), signals: [], entities: [] }));
const t4 = performance.now();
for (let i = 0; i < N; i++) scorer.predict(inputs[i % inputs.length] ?? { compact: '', signals: [], entities: [] });
const predictUs = ((performance.now() - t4) / N) * 1000;

console.log(`model ${model.version}: artefact import ${(t1 - t0).toFixed(0)} ms + model code ${(t2 - t1).toFixed(0)} ms + decode ${(t3 - t2).toFixed(1)} ms`);
console.log(`short SMS (${msgs.length} kinds), best of 3 × ${N}: rules only ${Math.round((N / best('rules')) * 1000)} msgs/s, with model ${Math.round((N / best('both')) * 1000)} msgs/s; model prediction alone ${predictUs.toFixed(1)} µs/msg`);
