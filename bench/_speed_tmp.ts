import { analyze } from '../src/index.js';
import { SHORT_SMS } from './samples.js';
import { shippedModel, LinearScorer } from '../src/model/index.js';
const N = 20000;
for (let i = 0; i < 3000; i++) { analyze(SHORT_SMS[i % SHORT_SMS.length]!); analyze(SHORT_SMS[i % SHORT_SMS.length]!, { useModel: false }); }
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  for (let i = 0; i < N; i++) analyze(SHORT_SMS[i % SHORT_SMS.length]!, { useModel: false });
  const rules = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < N; i++) analyze(SHORT_SMS[i % SHORT_SMS.length]!);
  const both = performance.now() - t;
  console.log(`rules ${(N / rules * 1000).toFixed(0)}/s, with model ${(N / both * 1000).toFixed(0)}/s, model adds ${((both - rules) / N * 1000).toFixed(1)} µs/msg`);
}
const s = new LinearScorer(shippedModel());
const inputs = SHORT_SMS.map((t) => ({ compact: t.toLowerCase(), signals: [], entities: [] }));
let t = performance.now();
for (let i = 0; i < N; i++) s.predict(inputs[i % inputs.length]!);
console.log(`predict alone ${((performance.now() - t) / N * 1000).toFixed(1)} µs`);
import { createFeatureBuffer, extractFeatures } from '../src/model/features.js';
const fb = createFeatureBuffer();
t = performance.now();
let tot = 0;
for (let i = 0; i < N; i++) tot += extractFeatures(inputs[i % inputs.length]!, 17, fb);
console.log(`features alone ${((performance.now() - t) / N * 1000).toFixed(1)} µs, avg ${(tot / N).toFixed(0)} features, avg len ${(inputs.reduce((a, b) => a + b.compact.length, 0) / inputs.length).toFixed(0)}`);
