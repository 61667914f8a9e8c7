import type { CompiledKnowledge } from '../knowledge.js';
import type { Signal, SignalSource, Span } from '../types.js';
import { fillTemplate } from '../template.js';

type Detail = Record<string, string | number | boolean | null>;

const joined = new WeakMap<readonly string[], string>();
export function joinedTags(tags: readonly string[]): string {
  let j = joined.get(tags);
  if (j === undefined) joined.set(tags, (j = tags.join(',')));
  return j;
}

/**
 * Builds a signal that code detects (entity checks, context, model, reputation). Its weight,
 * category and wording come from the knowledge (policy.yaml `signals`), so analysts tune them without code.
 * Returns null when the knowledge does not define the id (a pack may switch a signal off by leaving it out).
 */
export function emit(k: CompiledKnowledge, id: string, source: SignalSource, spans: Span[], detail: Detail = {}): Signal | null {
  const def = k.signals.get(id);
  if (!def) return null;
  return {
    id,
    source,
    category: def.category,
    weight: def.weight,
    spans,
    explanation: { zh: fillTemplate(def.zh, detail), en: fillTemplate(def.en, detail) },
    detail: { ...detail, tags: joinedTags(def.tags) },
  };
}

const NO_TAGS: readonly string[] = [];
const tagLists = new Map<string, readonly string[]>();

/** The tags a signal carries (kept as a comma-joined string in `detail` so Analysis stays plain JSON). */
export function tagsOf(s: Signal): readonly string[] {
  const t = s.detail?.['tags'];
  if (typeof t !== 'string' || t.length === 0) return NO_TAGS;
  let list = tagLists.get(t);
  if (!list) {
    list = t.split(',');
    if (tagLists.size < 4096) tagLists.set(t, list);
  }
  return list;
}

/** The tags the engine's own code reads, as bits (knowledge may define others; they get no bit here). */
export const TAG = {
  claim: 1,
  pretext: 2,
  lure: 4,
  action: 8,
  contact: 16,
  payment: 32,
  pressure: 64,
  spam: 128,
  hint: 256,
  benign: 512,
  warning: 1024,
  /** A warning phrase a scammer may say too: it sets aside only the tactics of its own clause. */
  warning_clause: 2048,
  /** A warning whose own span is a story told about a scam ("有个电话说…要我转到安全账户…我直接挂了"): the rule tactics
   * inside that span are quoted, strong requests too; nothing outside it, and no number or link inside it. */
  narration: 4096,
  /** A check the person asked has made ("刚视频看到了"): counts only in a call or chat, in the turns of the person who was
   * contacted, at full weight. In a single message, or in the other side's turns, anyone can claim it (session 12
   * review: "兄弟刚视频看到了吧，…你先微信转我"), so it does not count there. */
  responder_check: 8192,
  /** A negated or reported ask ("请勿添加任何个人微信", "别找人代抢", "对方是不是让您下载…？"): the rule tactics from its span to
   * the end of its clause, or to the first word that asks again ("…，请", "只需", "马上"), are not the text's own request
   * (src/core/signals/quoted.ts). */
  negation: 16384,
} as const;

const TAG_BIT = new Map<string, number>(Object.entries(TAG));
const tagMasks = new Map<string, number>();

/** Whether a positive signal carries any of the `mask` tags ("does the text ask for something?"). */
export function firedWith(signals: readonly Signal[], mask: number): boolean {
  return signals.some((s) => s.weight > 0 && (tagBits(s) & mask) !== 0);
}

/** The signal's tags as TAG bits: one cached lookup instead of a list search per tag test in the scoring loops. */
export function tagBits(s: Signal): number {
  const t = s.detail?.['tags'];
  if (typeof t !== 'string' || t.length === 0) return 0;
  let m = tagMasks.get(t);
  if (m === undefined) {
    m = 0;
    for (const tag of tagsOf(s)) m |= TAG_BIT.get(tag) ?? 0;
    if (tagMasks.size < 4096) tagMasks.set(t, m);
  }
  return m;
}
