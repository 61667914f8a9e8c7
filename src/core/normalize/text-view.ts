import type { Span } from '../types.js';

/**
 * A derived string that remembers, for each of its UTF-16 units, the range of the
 * original text it came from. Every span the engine reports goes through `toOriginal`.
 */
export interface TextView {
  readonly text: string;
  /** from[i] / to[i]: original [start, end) of derived unit i (i < text.length; the arrays may be longer). */
  readonly from: ArrayLike<number>;
  readonly to: ArrayLike<number>;
}

export interface TextViewBuilder {
  /** Appends `s`; every unit of it maps to original [start, end). */
  push(s: string, start: number, end: number): void;
  /** Appends one code unit by number: the fastest path. */
  pushCode(code: number, start: number, end: number): void;
  /** Appends one UTF-16 unit given as a one-character string. */
  pushUnit(ch: string, start: number, end: number): void;
  /** The last unit pushed, or '' when empty (used to avoid double separators). */
  lastChar(): string;
  build(): TextView;
}

/** Builds strings in chunks of code units: much faster than appending unit by unit. */
abstract class Chunked {
  protected text = '';
  protected pending: number[] = [];
  protected length = 0;

  protected flush(): void {
    if (this.pending.length === 0) return;
    this.text += String.fromCharCode(...this.pending);
    this.pending = [];
  }

  protected append(code: number): void {
    this.pending.push(code);
    if (this.pending.length >= 4096) this.flush();
  }

  lastChar(): string {
    const p = this.pending;
    if (p.length > 0) return String.fromCharCode(p[p.length - 1] ?? 0);
    return this.text.length > 0 ? (this.text[this.text.length - 1] ?? '') : '';
  }
}

/** Plain arrays: cheap to create, best for the short texts that are nearly every message. */
class SmallBuilder extends Chunked implements TextViewBuilder {
  private readonly from: number[] = [];
  private readonly to: number[] = [];

  push(s: string, start: number, end: number): void {
    this.flush();
    for (let i = 0; i < s.length; i++) {
      this.from.push(start);
      this.to.push(end);
    }
    this.length += s.length;
    this.text += s;
  }

  pushCode(code: number, start: number, end: number): void {
    this.from.push(start);
    this.to.push(end);
    this.length++;
    this.append(code);
  }

  // Kept in each subclass (not the base) so that the hot call stays monomorphic.
  pushUnit(ch: string, start: number, end: number): void {
    this.pushCode(ch.charCodeAt(0), start, end);
  }

  build(): TextView {
    this.flush();
    return { text: this.text, from: this.from, to: this.to };
  }
}

/** Typed arrays sized up front: steady at 100,000 characters. */
class LargeBuilder extends Chunked implements TextViewBuilder {
  private from: Int32Array;
  private to: Int32Array;

  constructor(capacity: number) {
    super();
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
  }

  private room(n: number): void {
    if (this.length + n <= this.from.length) return;
    const cap = Math.max(this.length + n, this.from.length * 2);
    const f = new Int32Array(cap);
    const t = new Int32Array(cap);
    f.set(this.from.subarray(0, this.length));
    t.set(this.to.subarray(0, this.length));
    this.from = f;
    this.to = t;
  }

  push(s: string, start: number, end: number): void {
    this.room(s.length);
    this.from.fill(start, this.length, this.length + s.length);
    this.to.fill(end, this.length, this.length + s.length);
    this.length += s.length;
    this.flush();
    this.text += s;
  }

  pushCode(code: number, start: number, end: number): void {
    if (this.length >= this.from.length) this.room(1);
    this.from[this.length] = start;
    this.to[this.length] = end;
    this.length++;
    this.append(code);
  }

  // Kept in each subclass (not the base) so that the hot call stays monomorphic.
  pushUnit(ch: string, start: number, end: number): void {
    this.pushCode(ch.charCodeAt(0), start, end);
  }

  build(): TextView {
    this.flush();
    return { text: this.text, from: this.from, to: this.to };
  }
}

const LARGE = 4096;

export function newTextViewBuilder(capacityHint: number): TextViewBuilder {
  return capacityHint > LARGE ? new LargeBuilder(capacityHint + 16) : new SmallBuilder();
}

/** Maps a derived [start, end) back to the original text. */
export function toOriginal(view: TextView, start: number, end: number): Span {
  if (view.text.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(start, 0), view.text.length - 1);
  const e = Math.min(Math.max(end - 1, s), view.text.length - 1);
  return { start: view.from[s] ?? 0, end: view.to[e] ?? 0 };
}
