import type { Span } from '../types.js';

/**
 * A derived string that remembers, for each of its UTF-16 units, the range of the
 * original text it came from. Every span the engine reports goes through `toOriginal`.
 */
export interface TextView {
  readonly text: string;
  /** from[i] / to[i]: original [start, end) of derived unit i. */
  readonly from: readonly number[];
  readonly to: readonly number[];
}

export class TextViewBuilder {
  private text = '';
  /** Code units not yet flushed into `text` (building strings in chunks is much faster than unit by unit). */
  private pending: number[] = [];
  // Plain arrays: for short messages they are much cheaper to allocate than typed arrays.
  private from: number[] = [];
  private to: number[] = [];
  private length = 0;

  constructor(_capacityHint: number) {}

  /** Appends `s`; every unit of it maps to original [start, end). */
  push(s: string, start: number, end: number): void {
    const n = s.length;
    for (let i = 0; i < n; i++) {
      this.from.push(start);
      this.to.push(end);
    }
    this.length += n;
    this.flush();
    this.text += s;
  }

  /** Appends one code unit by number: the fastest path. */
  pushCode(code: number, start: number, end: number): void {
    this.from.push(start);
    this.to.push(end);
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
    this.from.push(start);
    this.to.push(end);
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
    return { text: this.text, from: this.from, to: this.to };
  }

}

/** Maps a derived [start, end) back to the original text. */
export function toOriginal(view: TextView, start: number, end: number): Span {
  if (view.text.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(start, 0), view.text.length - 1);
  const e = Math.min(Math.max(end - 1, s), view.text.length - 1);
  return { start: view.from[s] ?? 0, end: view.to[e] ?? 0 };
}
