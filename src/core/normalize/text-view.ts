import type { Span } from '../types.js';

/**
 * A derived string that remembers, for each of its UTF-16 units, the range of the
 * original text it came from. Every span the engine reports goes through `toOriginal`.
 */
export interface TextView {
  readonly text: string;
  /** from[i] / to[i]: original [start, end) of derived unit i. */
  readonly from: Int32Array;
  readonly to: Int32Array;
}

export class TextViewBuilder {
  private text = '';
  /** Code units not yet flushed into `text` (building strings in chunks is much faster than unit by unit). */
  private pending: number[] = [];
  private from: Int32Array;
  private to: Int32Array;
  private length = 0;

  constructor(capacityHint: number) {
    const cap = Math.max(16, capacityHint + 8);
    this.from = new Int32Array(cap);
    this.to = new Int32Array(cap);
  }

  /** Appends `s`; every unit of it maps to original [start, end). */
  push(s: string, start: number, end: number): void {
    const n = s.length;
    if (this.length + n > this.from.length) this.grow(this.length + n);
    for (let i = 0; i < n; i++) {
      this.from[this.length + i] = start;
      this.to[this.length + i] = end;
    }
    this.length += n;
    this.flush();
    this.text += s;
  }

  /** Appends one code unit by number: the fastest path. */
  pushCode(code: number, start: number, end: number): void {
    if (this.length + 1 > this.from.length) this.grow(this.length + 1);
    this.from[this.length] = start;
    this.to[this.length] = end;
    this.length++;
    this.pending.push(code);
    if (this.pending.length >= 4096) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.text += String.fromCharCode(...this.pending);
    this.pending = [];
  }

  /** Appends one UTF-16 unit that maps to original [start, end): the hot path of normalisation. */
  pushUnit(ch: string, start: number, end: number): void {
    if (this.length + 1 > this.from.length) this.grow(this.length + 1);
    this.from[this.length] = start;
    this.to[this.length] = end;
    this.length++;
    this.pending.push(ch.charCodeAt(0));
    if (this.pending.length >= 4096) this.flush();
  }

  get size(): number {
    return this.length;
  }

  /** The last unit pushed, or '' when empty (used to avoid double separators). */
  lastChar(): string {
    const p = this.pending;
    if (p.length > 0) return String.fromCharCode(p[p.length - 1] ?? 0);
    return this.text.length > 0 ? this.text[this.text.length - 1] ?? '' : '';
  }

  build(): TextView {
    this.flush();
    return { text: this.text, from: this.from.subarray(0, this.length), to: this.to.subarray(0, this.length) };
  }

  private grow(min: number): void {
    const cap = Math.max(min, this.from.length * 2);
    const f = new Int32Array(cap);
    const t = new Int32Array(cap);
    f.set(this.from.subarray(0, this.length));
    t.set(this.to.subarray(0, this.length));
    this.from = f;
    this.to = t;
  }
}

/** Maps a derived [start, end) back to the original text. */
export function toOriginal(view: TextView, start: number, end: number): Span {
  if (view.text.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(start, 0), view.text.length - 1);
  const e = Math.min(Math.max(end - 1, s), view.text.length - 1);
  return { start: view.from[s] ?? 0, end: view.to[e] ?? 0 };
}
