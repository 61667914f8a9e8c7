/**
 * Why one analysis at a time is slower than its stages (README "Quality and speed"): times four stages of the built
 * engine alone on the bench's 16 short SMS, with an optional sweep of other memory between two calls.
 *   npx tsc -p tsconfig.build.json && npx tsx bench/cache-sweep.ts [--kb 0,512,4096]
 * A stage that takes twice as long after a 512 KB sweep was running from caches the rest of the pipeline evicts.
 */
import { parseArgs } from 'node:util';
import { SHORT_SMS } from './samples.js';

const { values } = parseArgs({ options: { kb: { type: 'string', default: '0,512,4096' } } });
const dist = new URL('../dist/src/', import.meta.url).href;
const { normalize } = (await import(`${dist}core/normalize/normalize.js`)) as typeof import('../src/core/normalize/normalize.js');
const { detectLang } = (await import(`${dist}core/lang.js`)) as typeof import('../src/core/lang.js');
const { extractEntities } = (await import(`${dist}core/entities/index.js`)) as typeof import('../src/core/entities/index.js');
const { ruleSignals } = (await import(`${dist}core/signals/rule-signals.js`)) as typeof import('../src/core/signals/rule-signals.js');
const { entitySignals } = (await import(`${dist}core/signals/entity-signals.js`)) as typeof import('../src/core/signals/entity-signals.js');
const { compileKnowledge } = (await import(`${dist}core/knowledge.js`)) as typeof import('../src/core/knowledge.js');
const { defaultKnowledge } = (await import(`${dist}knowledge/default.js`)) as typeof import('../src/knowledge/default.js');
const { modelScorer } = (await import(`${dist}model/index.js`)) as typeof import('../src/model/index.js');

const k = compileKnowledge(defaultKnowledge);
const N = 20_000;
const pre = SHORT_SMS.map((text) => {
  const n = normalize(text, k.normalize);
  const lang = detectLang(n.norm.text);
  const entities = extractEntities(n, text, k);
  return { text, n, lang, entities, signals: [...ruleSignals(n, k, lang), ...entitySignals(entities, k, undefined)] };
});
const stages: [string, (i: number) => unknown][] = [
  ['normalise', (i) => normalize(pre[i]!.text, k.normalize)],
  ['entities', (i) => extractEntities(pre[i]!.n, pre[i]!.text, k)],
  ['rules', (i) => ruleSignals(pre[i]!.n, k, pre[i]!.lang)],
  ['model', (i) => { const p = pre[i]!; return modelScorer({ text: p.text, compact: p.n.compact.text, compactView: p.n.compact, lang: p.lang, traditional: false, signals: p.signals, entities: p.entities }, k); }],
];
let sink = 0;
console.log(`| sweep between calls | ${stages.map(([name]) => `${name} µs`).join(' | ')} |`);
console.log(`|---:|${stages.map(() => '---:').join('|')}|`);
for (const kb of values.kb.split(',').map(Number)) {
  const other = new Int32Array((kb * 1024) / 4);
  const cells = stages.map(([, run]) => {
    for (let i = 0; i < 2_000; i++) run(i % pre.length);
    let total = 0;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < other.length; j += 16) sink += other[j]!++; // one write per 64-byte line
      const t = performance.now();
      run(i % pre.length);
      total += performance.now() - t;
    }
    return ((total * 1000) / N).toFixed(1);
  });
  console.log(`| ${kb} KB | ${cells.join(' | ')} |`);
}
if (sink === -1) console.log(sink); // keeps the sweep from being optimised away
