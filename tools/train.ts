/**
 * npm run train [-- --bits 16 --epochs 8 --seed 1 --runs 3 --out models/fanzha-model.ts] [-- --hold-out nagato,uci: leave sources out, to measure]
 *
 * Trains the learned model (docs/model.md): multinomial logistic regression over hashed features, classes
 * legit, spam and every taxonomy category. Reads ONLY corpus rows with train_ok=true and split=train, plus the
 * project's own examples in data/training/*.jsonl (rows marked split=dev there are held for calibration);
 * never split=test, never train_ok=false, never test/fixtures. Thresholds are chosen on train_ok rows of split=dev.
 * Deterministic: a seeded shuffle and a fixed row order give the same artefact byte for byte.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { neutralisePlaceholders, rowTurns, type CorpusRow } from '../bench/corpus.js';
import { defaultEngine } from '../src/default-engine.js';
import { CATEGORY_IDS, type CategoryId } from '../src/core/types.js';
import { ownFiles, trainingRows } from './training-rows.js';
import { ARTIFACT_FORMAT, type ModelArtifact } from '../src/model/artifact.js';
import { classIndex, FIRST_SCAM, LEGIT, MODEL_CLASSES, SPAM } from '../src/model/classes.js';
import { encodeBase64 } from '../src/model/codec.js';
import { createFeatureBuffer, extractFeatures, type FeatureInput } from '../src/model/features.js';
import { tapModel } from '../src/model/index.js';
import type { Calibration } from '../src/model/linear.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    bits: { type: 'string', default: '16' },
    epochs: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    // Train this many times (seeds seed, seed+1, …) and average the weights: one SGD run's final weights depend on
    // the shuffle (docs/model.md, "Seed variance").
    runs: { type: 'string', default: '3' },
    lr: { type: 'string', default: '0.2' },
    l2: { type: 'string', default: '1e-6' },
    'own-weight': { type: 'string', default: '3' },
    out: { type: 'string' },
    // Leave these corpus sources out (comma-separated), to measure the model on a source it never saw. Never ship
    // such a model: --out must then be given explicitly (even when it is the shipped path, to measure with it).
    'hold-out': { type: 'string', default: '' },
  },
});
const BITS = Number(values.bits);
const EPOCHS = Number(values.epochs);
const SEED = Number(values.seed);
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`train: --runs must be a whole number of at least 1, not "${values.runs}"`);
  process.exit(2);
}
const LR = Number(values.lr);
const L2 = Number(values.l2);
const OWN_WEIGHT = Number(values['own-weight']);
const C = MODEL_CLASSES.length;
const D = 1 << BITS;

interface Example {
  id: string;
  source: string;
  label: CorpusRow['label'];
  lang: string;
  category: CategoryId | null;
  idx: Int32Array;
  val: Float32Array;
  weight: number;
}

// ---- rows ----------------------------------------------------------------------------------------------
const HOLD_OUT = (values['hold-out'] ?? '').split(',').filter(Boolean);
if (HOLD_OUT.length > 0 && !values.out) {
  console.error('train: --hold-out writes a model that must not ship: give --out explicitly (restore with a plain npm run train)');
  process.exit(2);
}
const OUT = values.out ?? join(root, 'models/fanzha-model.ts');
const { train: trainRows, dev: devRows } = trainingRows(HOLD_OUT);

// ---- features, exactly as the shipped engine computes them (rules, entities, checkers) ---------------------
let captured: FeatureInput | null = null;
tapModel({ observe: (input) => (captured = input), skipModel: true });
const engine = defaultEngine();
const buf = createFeatureBuffer();
const acc = new Float32Array(D);
const touched: number[] = [];

/** Features of a row, or null when the engine does not ask the model about it (too little text to read). */
function featuresOf(row: CorpusRow): { idx: Int32Array; val: Float32Array } | null {
  captured = null;
  const turns = rowTurns(row);
  if (turns) engine.analyzeConversation(turns);
  else engine.analyze(neutralisePlaceholders(row.text));
  if (!captured) return null;
  extractFeatures(captured, BITS, buf);
  // Merge duplicate buckets so that every update touches a bucket once.
  for (let k = 0; k < buf.size; k++) {
    const i = buf.idx[k] ?? 0;
    if (acc[i] === 0) touched.push(i);
    acc[i] = (acc[i] ?? 0) + (buf.val[k] ?? 0);
  }
  touched.sort((a, b) => a - b);
  const idx = Int32Array.from(touched);
  const val = new Float32Array(idx.length);
  idx.forEach((i, j) => {
    val[j] = acc[i] ?? 0;
    acc[i] = 0;
  });
  touched.length = 0;
  return { idx, val };
}

/** Own originals weigh --own-weight; corpus rows and the generated stripped copies (data/training) weigh 1. */
const ownWeight = (r: CorpusRow): number => (r.source === 'own' && !r.variant ? OWN_WEIGHT : 1);

function examples(rows: CorpusRow[]): Example[] {
  const out: Example[] = [];
  for (const r of rows) {
    const f = featuresOf(r);
    if (f) out.push({ id: r.id, source: r.source, label: r.label, lang: r.lang, category: r.category, ...f, weight: ownWeight(r) });
  }
  return out;
}

const t0 = performance.now();
const train = examples(trainRows);
const dev = examples(devRows);
tapModel(null);
console.log(`features: ${train.length} train rows, ${dev.length} dev rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// Balance label × language group (zh / other), so that the many Chinese scam dialogues and English chats do not
// drown the few English scams, the spam and the own examples (each group's weight is capped at 5×).
const groupOf = (e: Example): string => `${e.label}/${e.lang.startsWith('zh') ? 'zh' : 'other'}`;
const perGroup = new Map<string, number>();
for (const e of train) perGroup.set(groupOf(e), (perGroup.get(groupOf(e)) ?? 0) + e.weight);
const total = [...perGroup.values()].reduce((a, b) => a + b, 0);
for (const e of train) e.weight *= Math.min(5, total / (perGroup.size * (perGroup.get(groupOf(e)) ?? 1)));

// ---- training: softmax regression, AdaGrad, seeded shuffle ---------------------------------------------
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const z = new Float64Array(C);
const p = new Float64Array(C);

function forward(e: { idx: Int32Array; val: Float32Array }, w: ArrayLike<number>, scales?: ArrayLike<number>): Float64Array {
  z.fill(0);
  for (let k = 0; k < e.idx.length; k++) {
    const base = (e.idx[k] ?? 0) * C;
    const v = e.val[k] ?? 0;
    for (let c = 0; c < C; c++) z[c] = (z[c] ?? 0) + v * (w[base + c] ?? 0);
  }
  let max = -Infinity;
  for (let c = 0; c < C; c++) {
    if (scales) z[c] = (z[c] ?? 0) * (scales[c] ?? 0);
    max = Math.max(max, z[c] ?? 0);
  }
  let sum = 0;
  for (let c = 0; c < C; c++) sum += p[c] = Math.exp((z[c] ?? 0) - max);
  for (let c = 0; c < C; c++) p[c] = (p[c] ?? 0) / sum;
  return p;
}

const target = (e: Example): number => (e.label === 'legit' ? LEGIT : e.label === 'spam' ? SPAM : e.category ? classIndex(e.category) : -1);
const grad = new Float64Array(C);
/** One seeded run of AdaGrad over `train`: its own weights and squared-gradient sums, returned as the weights. */
function trainOnce(seed: number): Float32Array {
  const W = new Float32Array(D * C);
  const G = new Float32Array(D * C).fill(1e-6);
  const rand = mulberry32(seed);
  const order = train.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    let loss = 0;
    for (const oi of order) {
      const e = train[oi] as Example;
      forward(e, W);
      const t = target(e);
      if (t >= 0) {
        for (let c = 0; c < C; c++) grad[c] = (p[c] ?? 0) - (c === t ? 1 : 0);
        loss -= e.weight * Math.log(Math.max(1e-12, p[t] ?? 0));
      } else {
        // A scam whose category the source does not state: maximise P(any scam category).
        let s = 0;
        for (let c = FIRST_SCAM; c < C; c++) s += p[c] ?? 0;
        for (let c = 0; c < C; c++) grad[c] = (p[c] ?? 0) - (c >= FIRST_SCAM ? (p[c] ?? 0) / Math.max(s, 1e-12) : 0);
        loss -= e.weight * Math.log(Math.max(1e-12, s));
      }
      for (let k = 0; k < e.idx.length; k++) {
        const base = (e.idx[k] ?? 0) * C;
        const v = e.val[k] ?? 0;
        for (let c = 0; c < C; c++) {
          const j = base + c;
          const g = e.weight * (grad[c] ?? 0) * v + L2 * (W[j] ?? 0);
          G[j] = (G[j] ?? 0) + g * g;
          W[j] = (W[j] ?? 0) - (LR * g) / Math.sqrt(G[j] ?? 1);
        }
      }
    }
    console.log(`seed ${seed}, epoch ${epoch + 1}/${EPOCHS}: weighted loss ${(loss / train.length).toFixed(4)}`);
  }
  return W;
}
// The average of RUNS runs depends far less on one shuffle than any single run (docs/model.md, "Seed variance").
const W = new Float32Array(D * C);
for (let r = 0; r < RUNS; r++) {
  const w = trainOnce(SEED + r);
  for (let j = 0; j < W.length; j++) W[j] = (W[j] ?? 0) + (w[j] ?? 0) / RUNS;
}

// ---- int8 quantisation, one scale per class (clipped at the 99.99th percentile of |w|) --------------------
const scales = new Float32Array(C);
const Q = new Int8Array(D * C);
for (let c = 0; c < C; c++) {
  const mags: number[] = [];
  for (let i = 0; i < D; i++) {
    const w = Math.abs(W[i * C + c] ?? 0);
    if (w > 0) mags.push(w);
  }
  mags.sort((a, b) => a - b);
  const clip = mags.length ? (mags[Math.min(mags.length - 1, Math.floor(mags.length * 0.9999))] ?? 1) : 1;
  const s = clip / 127 || 1;
  scales[c] = s;
  for (let i = 0; i < D; i++) Q[i * C + c] = Math.max(-127, Math.min(127, Math.round((W[i * C + c] ?? 0) / s)));
}

// ---- calibration on split=dev ----------------------------------------------------------------------------
interface Scored {
  e: Example;
  pScam: number;
  pSpam: number;
  pLegit: number;
  cat: CategoryId | null;
}
const scored: Scored[] = dev.map((e) => {
  const q = forward(e, Q, scales);
  let pScam = 0;
  let best = FIRST_SCAM;
  for (let c = FIRST_SCAM; c < C; c++) {
    pScam += q[c] ?? 0;
    if ((q[c] ?? 0) > (q[best] ?? 0)) best = c;
  }
  return { e, pScam, pSpam: q[SPAM] ?? 0, pLegit: q[LEGIT] ?? 0, cat: (CATEGORY_IDS[best - FIRST_SCAM] ?? null) as CategoryId | null };
});
const f1 = (tp: number, fp: number, fn: number): number => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
// Scam threshold: best scam F1 with a legit false-positive rate of at most 1% on dev.
let bestScam = { t: 0.5, f: -1 };
const legitDev = scored.filter((s) => s.e.label === 'legit').length;
for (let t = 0.3; t <= 0.951; t += 0.025) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let lfp = 0;
  for (const s of scored) {
    const flagged = s.pScam >= t && s.pScam >= s.pSpam;
    if (s.e.label === 'scam') {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) {
      fp++;
      if (s.e.label === 'legit') lfp++;
    }
  }
  const f = f1(tp, fp, fn);
  if (lfp <= 0.01 * legitDev && f > bestScam.f) bestScam = { t: Number(t.toFixed(3)), f };
}
let bestSpam = { t: 0.5, f: -1 };
for (let t = 0.2; t <= 0.951; t += 0.025) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scored) {
    const caught = s.pScam >= bestScam.t || s.pSpam >= t;
    if (s.e.label === 'legit') {
      if (caught) fp++;
    } else if (caught) tp++;
    else fn++;
  }
  const f = f1(tp, fp, fn);
  if (f > bestSpam.f) bestSpam = { t: Number(t.toFixed(3)), f };
}
const calibration: Calibration = {
  scam: bestScam.t,
  spam: bestSpam.t,
  // The engine's levels (fixed, see docs/model.md): the scam weight ramps from 0.6 up, the spam marker from 0.5
  // of P(spam or scam), MODEL_LEGIT from 0.9 of P(legit).
  emitScam: 0.6,
  emitLegit: 0.9,
  emitSpam: 0.5,
  categoryShare: 0.5,
};
let catRight = 0;
let catTotal = 0;
for (const s of scored) {
  if (s.e.label === 'scam' && s.e.category && s.pScam >= calibration.scam) {
    catTotal++;
    if (s.cat === s.e.category) catRight++;
  }
}
console.log(`dev: scam threshold ${calibration.scam} (F1 ${bestScam.f.toFixed(3)}), spam threshold ${calibration.spam} (caught F1 ${bestSpam.f.toFixed(3)}), category accuracy ${(catRight / Math.max(1, catTotal)).toFixed(3)}`);

// ---- artefact ------------------------------------------------------------------------------------------
const bytes = new Uint8Array(Q.buffer);
const hash = createHash('sha256').update(bytes).update(JSON.stringify(calibration)).digest('hex').slice(0, 10);
const countBy = (rows: CorpusRow[]): Record<string, number> => {
  const m: Record<string, number> = {};
  for (const r of rows) m[`${r.source}/${r.label}`] = (m[`${r.source}/${r.label}`] ?? 0) + 1;
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
};
const artifact: ModelArtifact = {
  format: ARTIFACT_FORMAT,
  version: `fanzha-linear-1+${hash}`,
  bits: BITS,
  classes: [...MODEL_CLASSES],
  scales: Array.from(scales),
  calibration,
  training: {
    rows: countBy(trainRows),
    devRows: countBy(devRows),
    ownFiles: ownFiles(),
    epochs: EPOCHS,
    seed: SEED,
    ...(RUNS > 1 ? { runs: RUNS } : {}),
    lr: LR,
    l2: L2,
    ownWeight: OWN_WEIGHT,
    ...(HOLD_OUT.length > 0 ? { heldOut: HOLD_OUT } : {}),
    dev: { scamF1: Number(bestScam.f.toFixed(4)), caughtF1: Number(bestSpam.f.toFixed(4)), categoryAccuracy: Number((catRight / Math.max(1, catTotal)).toFixed(4)) },
  },
  weights: encodeBase64(bytes),
};
const { weights, ...meta } = artifact;
const body = `/* Generated by npm run train (tools/train.ts): do not edit. ${weights.length} base64 characters of int8 weights. */
import type { ModelArtifact } from '../src/model/artifact.js';

export const modelArtifact: ModelArtifact = ${JSON.stringify({ ...meta, weights: '' }, null, 1).replace(/"weights": ""/, `"weights":\n  '${weights}'`)};
`;
writeFileSync(OUT, body);
writeFileSync(OUT.replace(/\.ts$/, '') + '.meta.json', JSON.stringify(meta, null, 1) + '\n');
console.log(`wrote ${OUT}: ${artifact.version}, ${(body.length / 1e6).toFixed(2)} MB`);
