/**
 * Turns the evidence spans of an analysis into flat, non-overlapping text segments, so the page can
 * render the original text once with every piece of evidence marked. Pure: no DOM, tested in node.
 *
 * Spans are half-open [start, end) ranges of UTF-16 code units (as the engine reports them). A span
 * edge that falls inside a surrogate pair is widened to the whole character, so an emoji is never cut
 * in half and never rendered as a lone surrogate.
 */

export interface SpanLike {
  start: number;
  end: number;
}

export interface Evidence {
  spans: readonly SpanLike[];
  /** Positive weight: points to fraud; negative: reassuring context (a genuine-looking message). */
  weight: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Indices (into the evidence list) of every item whose span covers this segment, ascending. */
  refs: number[];
  /** 'risk' when any covering item has positive weight, 'benign' when all are negative, null when none. */
  tone: 'risk' | 'benign' | null;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves an offset off the middle of a surrogate pair: left for a start, right for an end. */
export function snapOffset(text: string, offset: number, dir: 'left' | 'right'): number {
  const o = Math.max(0, Math.min(text.length, Math.trunc(Number.isFinite(offset) ? offset : 0)));
  if (o > 0 && o < text.length && isLow(text.charCodeAt(o)) && isHigh(text.charCodeAt(o - 1))) {
    return dir === 'left' ? o - 1 : o + 1;
  }
  return o;
}

/** Clamped, snapped and non-empty copies of the spans of every evidence item. */
export function normalizeSpans(text: string, evidence: readonly Evidence[]): { start: number; end: number; ref: number }[] {
  const out: { start: number; end: number; ref: number }[] = [];
  evidence.forEach((ev, ref) => {
    for (const s of ev.spans) {
      const start = snapOffset(text, s.start, 'left');
      const end = snapOffset(text, s.end, 'right');
      if (end > start) out.push({ start, end, ref });
    }
  });
  return out;
}

/**
 * Splits `text` at every span edge. Adjacent segments with the same covering set are merged, so two
 * spans of one signal that touch ([0,2) and [2,4)) give a single mark, while overlapping spans of
 * different signals give marks that list both. The segments always cover the whole text, in order.
 */
export function segmentText(text: string, evidence: readonly Evidence[]): Segment[] {
  if (text.length === 0) return [];
  const spans = normalizeSpans(text, evidence);
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: spans sorted by start open as the cursor reaches them; a per-ref counter says which are live.
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const live = new Map<number, number>();
  const closing: { end: number; ref: number }[] = [];
  let next = 0;
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < byStart.length && byStart[next]!.start <= start) {
      const s = byStart[next++]!;
      live.set(s.ref, (live.get(s.ref) ?? 0) + 1);
      closing.push({ end: s.end, ref: s.ref });
    }
    for (let j = closing.length - 1; j >= 0; j--) {
      const c = closing[j]!;
      if (c.end <= start) {
        const n = (live.get(c.ref) ?? 1) - 1;
        if (n > 0) live.set(c.ref, n);
        else live.delete(c.ref);
        closing.splice(j, 1);
      }
    }
    const refs = [...live.keys()].sort((a, b) => a - b);
    const prev = segments[segments.length - 1];
    if (prev && sameRefs(prev.refs, refs)) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
      continue;
    }
    segments.push({ start, end, text: text.slice(start, end), refs, tone: toneOf(refs, evidence) });
  }
  return segments;
}

function sameRefs(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function toneOf(refs: readonly number[], evidence: readonly Evidence[]): Segment['tone'] {
  if (refs.length === 0) return null;
  return refs.some((r) => (evidence[r]?.weight ?? 0) > 0) ? 'risk' : 'benign';
}
