/**
 * A multinomial linear model over hashed features: one int8 weight per (bucket, class), one scale per class.
 * Scoring is a sparse dot product into a reused buffer; nothing big is allocated per call.
 */
import { categoryOfClass, FIRST_SCAM, LEGIT, MODEL_CLASSES, SPAM } from './classes.js';
import { createFeatureBuffer, extractFeatures, type FeatureBuffer, type FeatureInput } from './features.js';
import type { CategoryId } from '../core/types.js';
import { PackedWeights } from './packed-weights.js';

/** Decision settings chosen on split=dev by the trainer (tools/train.ts). */
export interface Calibration {
  /** Model-only verdict: a message is a scam when P(scam) reaches this. */
  scam: number;
  /** Model-only verdict: spam when P(spam) reaches this (and it is not a scam). */
  spam: number;
  /** In the engine: below this P(scam) the model adds nothing toward a scam. */
  emitScam: number;
  /** In the engine: from this P(legit) on, the model speaks for the message (a negative signal). */
  emitLegit: number;
  /** In the engine: from this P(spam) on, the model adds a spam marker. */
  emitSpam: number;
  /** The model names a category only when that category holds at least this share of P(scam). */
  categoryShare: number;
}

export interface LinearModel {
  version: string;
  bits: number;
  classes: readonly string[];
  /** [bucket * classes + class], quantised. */
  weights: Int8Array;
  /** Per-class dequantisation factor. */
  scales: Float32Array;
  calibration: Calibration;
}

export interface Prediction {
  /** Probability per class, in MODEL_CLASSES order. */
  probs: Float64Array;
  pLegit: number;
  pSpam: number;
  pScam: number;
  /** Most likely scam category (by probability among the category classes). */
  category: CategoryId | null;
  /** Share of P(scam) that the top category holds. */
  categoryShare: number;
}

export class LinearScorer {
  readonly model: LinearModel;
  readonly buf: FeatureBuffer = createFeatureBuffer();
  private readonly logits: Float64Array;
  private readonly sums: Int32Array;
  private readonly packed: PackedWeights;
  private topK = new Int32Array(0);
  private topPush = new Float64Array(0);

  constructor(model: LinearModel) {
    if (model.classes.length !== MODEL_CLASSES.length || model.classes.some((c, i) => c !== MODEL_CLASSES[i])) {
      throw new Error(`model ${model.version}: classes do not match this engine (${model.classes.join(',')})`);
    }
    if (model.weights.length !== (1 << model.bits) * model.classes.length) throw new Error(`model ${model.version}: weight table has the wrong size`);
    this.model = model;
    this.logits = new Float64Array(model.classes.length);
    this.sums = new Int32Array(2 * model.classes.length);
    this.packed = new PackedWeights(model.weights, model.classes.length);
  }

  /** Features into this.buf, then class probabilities. The returned probs array is fresh (small). */
  predict(input: FeatureInput): Prediction {
    const { scales, bits } = this.model;
    const C = this.logits.length;
    const buf = this.buf;
    extractFeatures(input, bits, buf);
    const z = this.logits;
    // Text features all share one value and tokens weigh 1, so each part is an integer sum of weights.
    const text = this.sums.subarray(0, C);
    const tokens = this.sums.subarray(C, 2 * C);
    this.packed.sum(buf.idx, 0, buf.textSize, text);
    this.packed.sum(buf.idx, buf.textSize, buf.size, tokens);
    const w = buf.textSize > 0 ? (buf.val[0] ?? 0) : 0;
    for (let c = 0; c < C; c++) z[c] = (w * (text[c] ?? 0) + (tokens[c] ?? 0)) * (scales[c] ?? 0);
    let max = -Infinity;
    for (let c = 0; c < C; c++) if ((z[c] ?? 0) > max) max = z[c] ?? 0;
    const probs = new Float64Array(C);
    let sum = 0;
    for (let c = 0; c < C; c++) {
      const e = Math.exp((z[c] ?? 0) - max);
      probs[c] = e;
      sum += e;
    }
    let pScam = 0;
    let best = FIRST_SCAM;
    for (let c = 0; c < C; c++) {
      probs[c] = (probs[c] ?? 0) / sum;
      if (c >= FIRST_SCAM) {
        pScam += probs[c] ?? 0;
        if ((probs[c] ?? 0) > (probs[best] ?? 0)) best = c;
      }
    }
    return {
      probs,
      pLegit: probs[LEGIT] ?? 0,
      pSpam: probs[SPAM] ?? 0,
      pScam,
      category: categoryOfClass(best),
      categoryShare: pScam > 0 ? (probs[best] ?? 0) / pScam : 0,
    };
  }

  /**
   * After predict(): the text features (from this.buf) that pushed class `toward` most against class `against`,
   * as [start, end) ranges of the compact text, strongest first, overlapping n-grams merged.
   */
  topTextFeatures(toward: number, against: number, limit: number): { start: number; end: number; push: number }[] {
    const { scales } = this.model;
    const { buf, packed } = this;
    const st = scales[toward] ?? 0;
    const sa = scales[against] ?? 0;
    // Keep the `limit * 4` strongest n-grams, insertion-sorted in small typed arrays (nothing allocated per feature).
    const cap = limit * 4;
    const topK = this.topK.length >= cap ? this.topK : (this.topK = new Int32Array(cap));
    const topPush = this.topPush.length >= cap ? this.topPush : (this.topPush = new Float64Array(cap));
    let n = 0;
    const { idx, len, textSize } = buf;
    for (let k = 0; k < textSize; k++) {
      if ((len[k] as number) < 2) continue;
      const row = idx[k] as number;
      const push = packed.weight(row, toward) * st - packed.weight(row, against) * sa;
      if (push <= 0 || (n === cap && push <= (topPush[cap - 1] ?? 0))) continue;
      let i = n < cap ? n++ : cap - 1;
      for (; i > 0 && (topPush[i - 1] ?? 0) < push; i--) {
        topPush[i] = topPush[i - 1] ?? 0;
        topK[i] = topK[i - 1] ?? 0;
      }
      topPush[i] = push;
      topK[i] = k;
    }
    // Text features share one value: scale the pushes by it once.
    const v = buf.textSize > 0 ? (buf.val[0] ?? 0) : 0;
    const picked: { start: number; end: number; push: number }[] = [];
    for (let i = 0; i < n; i++) {
      const k = topK[i] ?? 0;
      const start = buf.pos[k] ?? 0;
      picked.push({ start, end: start + (buf.len[k] ?? 0), push: v * (topPush[i] ?? 0) });
    }
    // Merge overlapping ranges, summing their push, then keep the strongest `limit`.
    const byStart = [...picked].sort((a, b) => a.start - b.start);
    const merged: { start: number; end: number; push: number }[] = [];
    for (const p of byStart) {
      const last = merged[merged.length - 1];
      if (last && p.start < last.end) {
        last.end = Math.max(last.end, p.end);
        last.push += p.push;
      } else merged.push({ ...p });
    }
    return merged.sort((a, b) => b.push - a.push).slice(0, limit);
  }
}
