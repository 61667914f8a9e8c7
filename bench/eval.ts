/**
 * npm run eval [-- --split test|dev|train|all] [--data FILE] [--source NAME] [--out FILE] [--quiet]
 *
 * Precision / recall / F1 of "flagged" (scam|suspicious) against label scam, the corpus-convention
 * "caught" F1 (spam counts as caught unless safe), legit false-positive rate and category accuracy,
 * per source, per language group and per category. Writes the confusion matrix and every misclassified id
 * to reports/eval-<split>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, analyzeConversation } from '../src/index.js';
import { loadCorpus, loadFile, neutralisePlaceholders, rowTurns, type CorpusRow } from './corpus.js';
import { add, emptyCounts, isFlagged, metrics, type Counts, type Metrics, type Prediction } from './metrics.js';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'test' },
    data: { type: 'string' },
    source: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const rows: CorpusRow[] = values.data ? loadFile(values.data) : loadCorpus(values.split);
const selected = values.source ? rows.filter((r) => r.source === values.source) : rows;

function predict(row: CorpusRow): Prediction {
  const turns = rowTurns(row);
  const a = turns ? analyzeConversation(turns) : analyze(neutralisePlaceholders(row.text));
  return { verdict: a.verdict, category: a.category };
}

const bySource = new Map<string, Counts>();
const MIXED_SOURCES = new Set(['fraudr1']);
const langGroup = (lang: string): string => (lang.startsWith('zh') ? 'zh' : lang === 'en' ? 'en' : 'mixed');
function sourceKeys(row: CorpusRow): string[] {
  return MIXED_SOURCES.has(row.source) ? [row.source, `${row.source}·${langGroup(row.lang)}`] : [row.source];
}
const byCategory = new Map<string, Counts>();
const confusion: Record<string, Record<string, number>> = {};
const misses: { id: string; label: string; category: string | null; verdict: string; predicted: string | null; kind: string }[] = [];
const all = emptyCounts();
const started = performance.now();
for (const row of selected) {
  const p = predict(row);
  // Sources that mix Chinese and English rows are also reported per language (fraudr1·zh, fraudr1·en).
  for (const key of sourceKeys(row)) {
    const src = bySource.get(key) ?? emptyCounts();
    bySource.set(key, src);
    add(src, row, p);
  }
  add(all, row, p);
  if (row.label === 'scam') {
    const key = row.category ?? '(none)';
    const c = byCategory.get(key) ?? emptyCounts();
    byCategory.set(key, c);
    add(c, row, p);
    const predicted = isFlagged(p.verdict) ? (p.category ?? '(none)') : 'missed';
    (confusion[key] ??= {})[predicted] = ((confusion[key] ?? {})[predicted] ?? 0) + 1;
    if (!isFlagged(p.verdict)) misses.push({ id: row.id, label: row.label, category: row.category, verdict: p.verdict, predicted: p.category, kind: 'missed_scam' });
    else if (row.category && p.category !== row.category) misses.push({ id: row.id, label: row.label, category: row.category, verdict: p.verdict, predicted: p.category, kind: 'wrong_category' });
  } else if (row.label === 'legit' && isFlagged(p.verdict)) {
    misses.push({ id: row.id, label: row.label, category: null, verdict: p.verdict, predicted: p.category, kind: 'false_alarm' });
  } else if (row.label === 'spam' && p.verdict === 'safe') {
    misses.push({ id: row.id, label: row.label, category: null, verdict: p.verdict, predicted: null, kind: 'missed_spam' });
  }
}
const seconds = (performance.now() - started) / 1000;

const pct = (v: number | null): string => (v === null ? '—' : (v * 100).toFixed(1));
function table(title: string, entries: [string, Metrics][]): string {
  const head = `| ${title} | rows | scam | spam | legit | flagged P | flagged R | flagged F1 | caught F1 | legit FPR | legit→spam | cat acc |`;
  const sep = `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`;
  const lines = entries.map(
    ([name, m]) =>
      `| ${name} | ${m.n} | ${m.scam} | ${m.spam} | ${m.legit} | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} | ${pct(m.caughtF1)} | ${pct(m.legitFpr)} | ${pct(m.legitSpamRate)} | ${pct(m.categoryAccuracy)} |`,
  );
  return [head, sep, ...lines].join('\n');
}

const sourceEntries = [...bySource.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]): [string, Metrics] => [k, metrics(c)]);
const categoryEntries = [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]): [string, Metrics] => [k, metrics(c)]);
const label = values.data ?? `split=${values.split}`;
const report = {
  data: label,
  rows: selected.length,
  seconds,
  perSecond: selected.length / seconds,
  all: metrics(all),
  bySource: Object.fromEntries(sourceEntries),
  byCategory: Object.fromEntries(categoryEntries),
  confusion,
  misclassified: misses,
};
const out = values.out ?? `reports/eval-${values.data ? 'file' : values.split}.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 1));

console.log(`fanzha eval on ${label}: ${selected.length} rows in ${seconds.toFixed(1)} s (${Math.round(selected.length / seconds)} rows/s)\n`);
console.log(table('source', [...sourceEntries, ['**all**', metrics(all)]]));
if (!values.quiet) {
  console.log('\nScam rows by category (recall = flagged; cat acc = right category among flagged):\n');
  console.log(table('category', categoryEntries));
}
console.log(`\nFlagged = scam|suspicious. Caught F1 follows the corpus convention (spam caught unless safe). Full report: ${out}`);
