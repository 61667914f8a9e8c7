/**
 * The weight table re-laid for summing: each int8 weight biased to 0…255, four classes per 32-bit word, so one
 * addition of `word & 0x00ff00ff` accumulates two classes at once in 16-bit lanes (SIMD within a register).
 * JavaScript has no SIMD; this makes the model's dot product about five times faster than one multiply-add per
 * (feature, class), which matters because the model runs on every message (docs/model.md, "Speed").
 */
const LANES = 0x00ff00ff;
/** A 16-bit lane holds at most 127 × 255 before the upper lane's sum would leave the int32 range. */
const CHUNK = 127;

export class PackedWeights {
  private readonly words: Uint32Array;
  /** 32-bit words per bucket row. */
  private readonly stride: number;
  private readonly lanes: Int32Array;

  constructor(
    weights: Int8Array,
    private readonly classes: number,
  ) {
    this.stride = Math.ceil(classes / 4);
    const rows = weights.length / classes;
    this.words = new Uint32Array(rows * this.stride);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < this.stride * 4; c++) {
        // Padding classes read as weight 0 (biased 128) and are never reported.
        const b = c < classes ? (weights[r * classes + c] ?? 0) + 128 : 128;
        const at = r * this.stride + (c >> 2);
        this.words[at] = ((this.words[at] ?? 0) | (b << (8 * (c & 3)))) >>> 0;
      }
    }
    this.lanes = new Int32Array(this.stride * 2);
  }

  /** One weight, read back from the packed table (the scorer then touches one table, not two). */
  weight(row: number, c: number): number {
    return (((this.words[row * this.stride + (c >> 2)] ?? 0) >>> (8 * (c & 3))) & 0xff) - 128;
  }

  /** out[c] = Σ weights[idx[k]][c] for k in [from, to). */
  sum(idx: Int32Array, from: number, to: number, out: Int32Array): void {
    out.fill(0);
    for (let start = from; start < to; start += CHUNK) {
      const end = Math.min(to, start + CHUNK);
      if (this.stride === 4) this.chunk4(idx, start, end);
      else this.chunkAny(idx, start, end);
      this.unpack(end - start, out);
    }
  }

  /** The shipped taxonomy (16 classes): four words per row, unrolled into locals. */
  private chunk4(idx: Int32Array, from: number, to: number): void {
    const w = this.words;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0; // prettier-ignore
    for (let k = from; k < to; k++) {
      const q = (idx[k] ?? 0) << 2;
      const x0 = w[q] ?? 0, x1 = w[q + 1] ?? 0, x2 = w[q + 2] ?? 0, x3 = w[q + 3] ?? 0; // prettier-ignore
      a0 += x0 & LANES;
      a1 += (x0 >>> 8) & LANES;
      a2 += x1 & LANES;
      a3 += (x1 >>> 8) & LANES;
      a4 += x2 & LANES;
      a5 += (x2 >>> 8) & LANES;
      a6 += x3 & LANES;
      a7 += (x3 >>> 8) & LANES;
    }
    const l = this.lanes;
    l[0] = a0; l[1] = a1; l[2] = a2; l[3] = a3; l[4] = a4; l[5] = a5; l[6] = a6; l[7] = a7; // prettier-ignore
  }

  private chunkAny(idx: Int32Array, from: number, to: number): void {
    const { words: w, stride, lanes: l } = this;
    l.fill(0);
    for (let k = from; k < to; k++) {
      const q = (idx[k] ?? 0) * stride;
      for (let j = 0; j < stride; j++) {
        const x = w[q + j] ?? 0;
        l[2 * j] = (l[2 * j] ?? 0) + (x & LANES);
        l[2 * j + 1] = (l[2 * j + 1] ?? 0) + ((x >>> 8) & LANES);
      }
    }
  }

  /** Lanes back to per-class sums, removing the bias. */
  private unpack(count: number, out: Int32Array): void {
    const bias = 128 * count;
    for (let c = 0; c < this.classes; c++) {
      // Class c sits in word c>>2; even classes in the "& LANES" accumulator, odd ones in the shifted one.
      const a = this.lanes[2 * (c >> 2) + (c & 1)] ?? 0;
      const v = c & 2 ? a >>> 16 : a & 0xffff;
      out[c] = (out[c] ?? 0) + v - bias;
    }
  }
}
