// A/B of the intel checker at one code state (scratch; deleted after use).
import { createEngine } from './src/engine.ts';
import { intelChecker } from './src/intel/index.ts';
import { modelScorer } from './src/model/index.ts';
import { loadCorpus, neutralisePlaceholders, rowTurns } from './bench/corpus.ts';
import { add, emptyCounts, metrics, isFlagged } from './bench/metrics.ts';
const A = createEngine({ model: modelScorer });
const B = createEngine({ checkers: [intelChecker], model: modelScorer });
const rows = loadCorpus('dev');
const by = new Map<string, any>();
const flips: any[] = [];
for (const row of rows) {
  const turns = rowTurns(row);
  const run = (e: any) => turns ? e.analyzeConversation(turns) : e.analyze(neutralisePlaceholders(row.text));
  const a = run(A), b = run(B);
  for (const key of [row.source, '**all**']) {
    let s = by.get(key); if (!s) by.set(key, s = { a: emptyCounts(), b: emptyCounts() });
    add(s.a, row, { verdict: a.verdict, category: a.category }); add(s.b, row, { verdict: b.verdict, category: b.category });
  }
  if (isFlagged(a.verdict) !== isFlagged(b.verdict) || a.verdict !== b.verdict) flips.push({ id: row.id, label: row.label, a: a.verdict, b: b.verdict, sig: b.signals.filter((s: any) => s.source === 'intel').map((s: any) => s.id + ':' + s.weight).join(' '), text: row.text.slice(0, 140) });
}
const f = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '—' : (x * (x <= 1 ? 100 : 1)).toFixed(1));
console.log('| source | rows | flagged P before → after | flagged R before → after | flagged F1 before → after | caught F1 before → after | legit FPR before → after |');
console.log('|---|---:|---|---|---|---|---|');
for (const [k, s] of [...by].sort()) {
  const ma: any = metrics(s.a), mb: any = metrics(s.b);
  console.log(`| ${k} | ${s.a.n} | ${f(ma.precision)} → ${f(mb.precision)} | ${f(ma.recall)} → ${f(mb.recall)} | ${f(ma.f1)} → ${f(mb.f1)} | ${f(ma.caughtF1)} → ${f(mb.caughtF1)} | ${f(ma.legitFpr)} → ${f(mb.legitFpr)} |`);
}
console.log('flips', flips.length);
for (const x of flips.slice(0, 60)) console.log(JSON.stringify(x));
