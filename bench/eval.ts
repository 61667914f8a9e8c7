/**
 * npm run eval [-- --split test|dev|train|all] [--data FILE] [--source NAME] [--out FILE] [--quiet] [--peer]
 *
 * Precision / recall / F1 of "flagged" (scam|suspicious) against label scam, the corpus-convention
 * "caught" F1 (spam counts as caught unless safe), legit false-positive rate and category accuracy,
 * per source, per language group and per category, for three modes of the engine: rules only
 * (useModel:false), the learned model alone (its own calibrated verdict) and combined (the shipped engine).
 * --peer also trains the scikit-learn peer (bench/peer/peer.py: TF-IDF char n-grams + LinearSVC) on exactly the
 * rows the model was trained on and scores it on exactly the same rows. Writes the confusion matrix and every
 * misclassified id (combined mode) to reports/eval-<split>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, analyzeBatch, analyzeConversation, parseTranscript } from '../src/index.js';
import { modelVerdict, shippedModel, tapModel, type Prediction as ModelPrediction } from '../src/model/index.js';
import type { AnalyzeOptions, CategoryId } from '../src/core/types.js';
import { engineText, trainingRows } from '../tools/training-rows.js';
import { loadCorpus, loadFile, neutralisePlaceholders, rowTurns, type CorpusRow } from './corpus.js';
import { add, emptyCounts, isFlagged, metrics, type Counts, type Metrics, type Prediction } from './metrics.js';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'test' },
    data: { type: 'string' },
    source: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    peer: { type: 'boolean', default: false },
  },
});

const rows: CorpusRow[] = values.data ? loadFile(values.data) : loadCorpus(values.split);
const selected = values.source ? rows.filter((r) => r.source === values.source) : rows;

function predict(row: CorpusRow, modeOptions: AnalyzeOptions): Prediction {
  const options = row.sender ? { ...modeOptions, sender: row.sender } : modeOptions;
  // As the CLI and the web page do with pasted text: a transcript ("A: …" lines, "【坐席】…【客户】…") is read as one.
  const turns = rowTurns(row) ?? parseTranscript(neutralisePlaceholders(row.text));
  const a = turns ? analyzeConversation(turns, options) : analyze(neutralisePlaceholders(row.text), options);
  return { verdict: a.verdict, category: a.category };
}

type Mode = 'rules' | 'model' | 'combined' | 'peer';
const MODES: Mode[] = values.peer ? ['rules', 'model', 'combined', 'peer'] : ['rules', 'model', 'combined'];
const MIXED_SOURCES = new Set(['fraudr1']);
const langGroup = (lang: string): string => (lang.startsWith('zh') ? 'zh' : lang === 'en' ? 'en' : 'mixed');
function sourceKeys(row: CorpusRow): string[] {
  return MIXED_SOURCES.has(row.source) ? [row.source, `${row.source}·${langGroup(row.lang)}`] : [row.source];
}
const bySource = new Map<string, Record<Mode, Counts>>();
const all: Record<Mode, Counts> = { rules: emptyCounts(), model: emptyCounts(), combined: emptyCounts(), peer: emptyCounts() };
const byCategory = new Map<string, Counts>();
const confusion: Record<string, Record<string, number>> = {};
const misses: { id: string; label: string; category: string | null; verdict: string; predicted: string | null; kind: string }[] = [];

function record(row: CorpusRow, mode: Mode, p: Prediction): void {
  for (const key of sourceKeys(row)) {
    let src = bySource.get(key);
    if (!src) bySource.set(key, (src = { rules: emptyCounts(), model: emptyCounts(), combined: emptyCounts(), peer: emptyCounts() }));
    add(src[mode], row, p);
  }
  add(all[mode], row, p);
}

// ---- the peer (optional): same training rows, same evaluation rows ----------------------------------------
let peerInfo: { perSecond: number | null; trainRows: number; features: number; trainSeconds: number } | null = null;
const peerPred = new Map<string, Prediction>();
if (values.peer) {
  const dir = 'reports/peer';
  mkdirSync(dir, { recursive: true });
  const line = (r: CorpusRow): string => JSON.stringify({ id: r.id, text: engineText(r), label: r.label, category: r.category });
  writeFileSync(join(dir, 'train.jsonl'), trainingRows().train.map(line).join('\n') + '\n');
  writeFileSync(join(dir, 'test.jsonl'), selected.map(line).join('\n') + '\n');
  // Debian's python3-sklearn installs for the system interpreter, which a pyenv or venv python3 on PATH may shadow.
  const python = process.env['FANZHA_PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const res = spawnSync(python, ['bench/peer/peer.py', '--train', join(dir, 'train.jsonl'), '--test', join(dir, 'test.jsonl'), '--out', join(dir, 'pred.jsonl')], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (res.status !== 0) throw new Error(`peer failed (is python3-sklearn installed?): ${res.stderr || res.error?.message}`);
  peerInfo = JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}');
  for (const l of readFileSync(join(dir, 'pred.jsonl'), 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const { id, class: c } = JSON.parse(l) as { id: string; class: string };
    peerPred.set(id, c === 'legit' ? { verdict: 'safe', category: null } : c === 'spam' ? { verdict: 'spam', category: null } : { verdict: 'scam', category: c === 'scam' ? null : (c as CategoryId) });
  }
}

// ---- our three modes ---------------------------------------------------------------------------------------
let lastModel: ModelPrediction | null = null;
// The first reading of each text: the engine may read a text a second time without its warning lines (analyze.ts).
tapModel({ observe: (_input, p) => (lastModel ??= p) });
const calibration = shippedModel().calibration;
let rulesMs = 0;
let combinedMs = 0;
for (const row of selected) {
  let t = performance.now();
  record(row, 'rules', predict(row, { useModel: false }));
  rulesMs += performance.now() - t;
  lastModel = null;
  t = performance.now();
  const p = predict(row, {});
  combinedMs += performance.now() - t;
  record(row, 'combined', p);
  const m: ModelPrediction | null = lastModel;
  record(row, 'model', m ? modelVerdict(m, calibration) : { verdict: 'safe', category: null });
  const peer = peerPred.get(row.id);
  if (peer) record(row, 'peer', peer);

  if (row.label === 'scam') {
    const c = byCategory.get(row.category ?? '(none)') ?? emptyCounts();
    byCategory.set(row.category ?? '(none)', c);
    add(c, row, p);
    const predicted = isFlagged(p.verdict) ? (p.category ?? '(none)') : 'missed';
    const key = row.category ?? '(none)';
    (confusion[key] ??= {})[predicted] = ((confusion[key] ?? {})[predicted] ?? 0) + 1;
    if (!isFlagged(p.verdict)) misses.push({ id: row.id, label: row.label, category: row.category, verdict: p.verdict, predicted: p.category, kind: 'missed_scam' });
    else if (row.category && p.category !== row.category) misses.push({ id: row.id, label: row.label, category: row.category, verdict: p.verdict, predicted: p.category, kind: 'wrong_category' });
  } else if (row.label === 'legit' && isFlagged(p.verdict)) {
    misses.push({ id: row.id, label: row.label, category: null, verdict: p.verdict, predicted: p.category, kind: 'false_alarm' });
  } else if (row.label === 'spam' && p.verdict === 'safe') {
    misses.push({ id: row.id, label: row.label, category: null, verdict: p.verdict, predicted: null, kind: 'missed_spam' });
  }
}
tapModel(null);

// The same rows through analyzeBatch (dialogues through analyzeConversation, as predict does): the way a platform
// screens at volume, and the fair match for the peer's vectorised predict.
const batchStart = performance.now();
const batchItems: { text: string; options: AnalyzeOptions }[] = [];
for (const row of selected) {
  const options = row.sender ? { sender: row.sender } : {};
  const turns = rowTurns(row) ?? parseTranscript(neutralisePlaceholders(row.text));
  if (turns) analyzeConversation(turns, options);
  else batchItems.push({ text: neutralisePlaceholders(row.text), options });
}
analyzeBatch(batchItems);
const batchMs = performance.now() - batchStart;

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

const sources = [...bySource.keys()].sort((a, b) => a.localeCompare(b));
const modeEntries = (c: Record<Mode, Counts>, name: string): [string, Metrics][] => MODES.map((m) => [`${name} · ${m}`, metrics(c[m])]);
const sourceEntries = sources.flatMap((s) => modeEntries(bySource.get(s) as Record<Mode, Counts>, s));
const categoryEntries = [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]): [string, Metrics] => [k, metrics(c)]);
const label = values.data ?? `split=${values.split}`;
const speed = {
  rulesPerSecond: (selected.length / rulesMs) * 1000,
  combinedPerSecond: (selected.length / combinedMs) * 1000,
  combinedBatchPerSecond: (selected.length / batchMs) * 1000,
  peerPerSecond: peerInfo?.perSecond ?? null,
};
const report = {
  data: label,
  rows: selected.length,
  model: shippedModel().version,
  speed,
  peer: peerInfo,
  all: Object.fromEntries(MODES.map((m) => [m, metrics(all[m])])),
  bySource: Object.fromEntries(sources.map((s) => [s, Object.fromEntries(MODES.map((m) => [m, metrics((bySource.get(s) as Record<Mode, Counts>)[m])]))])),
  byCategory: Object.fromEntries(categoryEntries),
  confusion,
  misclassified: misses,
};
const out = values.out ?? `reports/eval-${values.data ? 'file' : values.split}.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 1));

console.log(`fanzha eval on ${label}: ${selected.length} rows, model ${shippedModel().version}\n`);
console.log(table('source · mode', [...sourceEntries, ...modeEntries(all, '**all**')]));
const rate = (v: number | null): string => (v === null ? '—' : `${Math.round(v)} rows/s`);
console.log(`\nSpeed on these rows: rules-only ${rate(speed.rulesPerSecond)}, combined engine ${rate(speed.combinedPerSecond)} (analyzeBatch ${rate(speed.combinedBatchPerSecond)})${values.peer ? `, peer (TF-IDF+LinearSVC, predict only) ${rate(speed.peerPerSecond)}` : ''}.`);
if (peerInfo) console.log(`Peer: trained on ${peerInfo.trainRows} rows (the model's training rows), ${peerInfo.features} features, ${peerInfo.trainSeconds.toFixed(1)} s.`);
if (!values.quiet) {
  console.log('\nCombined engine, scam rows by category (recall = flagged; cat acc = right category among flagged):\n');
  console.log(table('category', categoryEntries));
}
console.log(`\nModes: rules = analyze(…, {useModel:false}); model = the model's own calibrated verdict; combined = the shipped engine${values.peer ? '; peer = bench/peer/peer.py' : ''}.`);
console.log(`Flagged = scam|suspicious. Caught F1 follows the corpus convention (spam caught unless safe). Full report: ${out}`);
