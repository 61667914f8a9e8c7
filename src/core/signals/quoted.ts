import { TAG, tagBits } from './emit.js';
import type { Signal, Span } from '../types.js';

const SENTENCE_END = /[。！？!?\n；;]/;
// Clauses also end at commas and colons; enumeration commas (、) do not end a clause, so
// "凡是要求加微信、共享屏幕、提供验证码的都是诈骗" stays one quotation.
const CLAUSE_END = /[。！？!?\n；;，,：:]/;

const WARNS = TAG.warning | TAG.warning_clause;

/**
 * Where a negated ask stops: the first word after it that asks again ("请勿添加陌生人，只需在App内…", "不要相信别人，
 * 马上转到…"), or the clause's end. Either script: it reads the original text.
 */
const ASKS_AGAIN = /[请請须須]|需要|只需|只要|只能|必须|必須|马上|馬上|立即|立刻|赶紧|趕緊|尽快|盡快|然后|然後|而是|改为|改為|应该|應該|直接|把钱|把錢/g;

function mergeOverlapping(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const sp of [...spans].sort((x, y) => x.start - y.start)) {
    const last = out[out.length - 1];
    if (last && sp.start < last.end) last.end = Math.max(last.end, sp.end);
    else out.push({ start: sp.start, end: sp.end });
  }
  return out;
}

function negatedZone(text: string, sp: Span): Span {
  const clause = around(text, sp.start, CLAUSE_END);
  ASKS_AGAIN.lastIndex = sp.end;
  const again = ASKS_AGAIN.exec(text);
  return { start: sp.start, end: again && again.index < clause.end ? again.index : clause.end };
}

/**
 * A Chinese sentence that narrates what scammers do: its subject is the scammers (诈骗集团, 不法分子, 骗子…) and it
 * speaks to nobody — no second-person pronoun, no imperative or obligation ("请将资金转入", "须转入", "逾期…"),
 * which a scam uses to order its reader without naming them. Either script: it reads the original text.
 */
const NARRATOR = /诈骗集团|詐騙集團|诈骗分子|詐騙分子|不法分子|骗子|騙子|歹徒|诈骗团伙|詐騙團伙/;
const ADDRESSES = /[你您妳请請]|立即|马上|馬上|尽快|盡快|赶紧|趕緊|务必|務必|麻烦|麻煩|[须須]|必须|必須|应配合|應配合|逾期/;
const narrates = (sentence: string): boolean => NARRATOR.test(sentence) && !ADDRESSES.test(sentence);

function around(text: string, at: number, end: RegExp): Span {
  let start = at;
  while (start > 0 && !end.test(text[start - 1] ?? '')) start--;
  let stop = at;
  while (stop < text.length && !end.test(text[stop] ?? '')) stop++;
  return { start, end: Math.min(text.length, stop + 1) };
}

/**
 * Anti-fraud warnings quote scam tactics ("凡是要求你共享屏幕的都是诈骗", "官方不会以“关闭月付”为由要求你转账").
 * A tactic that stands inside the sentence of a warning verdict is a quotation, not a request: it is set aside,
 * and the warning says so. A strong request (weight ≥ strongWeight) is set aside only when it is in the warning's
 * own clause or the one before it ("…让你转到安全账户的，一律是诈骗"), so that one reassuring phrase in a scam
 * ("we will never ask for your password, just send us the code") cannot hide the request next to it, unless the
 * warning's sentence narrates what scammers do and addresses nobody (`narrates`).
 */
export function discountQuoted(signals: Signal[], text: string, strongWeight = Infinity): Signal[] {
  const warnings = signals.filter((s) => (tagBits(s) & (WARNS | TAG.negation)) !== 0);
  if (warnings.length === 0) return signals;
  const sentences: Span[] = [];
  const clauses: Span[] = [];
  const stories: Span[] = [];
  const negated: Span[] = [];
  // Each sentence is read once however many warning words it holds (a 100,000-character text is one sentence).
  const narrated = new Map<number, boolean>();
  for (const w of warnings) {
    // A phrase scammers say too ("近期诈骗案件高发，请认准我们…", tag warning_clause) quotes only its own clause.
    const narrow = (tagBits(w) & TAG.warning) === 0;
    // A retold story is quoted from its opener to its ending ("有人打电话说…" … "…我直接挂了"), across sentences and
    // turns, and no further: a request after the ending is outside it. One story only: with more spans than an opener
    // and an ending, two fragments could wrap a request between them (session 12 review), so each span stands alone.
    // Only what the rules read in it: an account number, a phone number or a link inside a "story" still counts.
    // A negated ask ("勿向任何个人账户转账") sets aside the rule tactics it negates, strong ones too, and nothing after
    // the next word that asks ("请勿轻信他人，请将资金转入…" keeps its request).
    if ((tagBits(w) & TAG.negation) !== 0) {
      for (const sp of w.spans) negated.push(negatedZone(text, sp));
      continue;
    }
    if ((tagBits(w) & TAG.narration) !== 0) {
      // Overlapping openers ("昨天有人" in "昨天有人加我") are one opener.
      const spans = mergeOverlapping(w.spans);
      const [a, b] = spans;
      if (a && b && spans.length === 2) stories.push({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
      else stories.push(...spans);
      continue;
    }
    for (const sp of w.spans) {
      const own = around(text, sp.start, CLAUSE_END);
      const before = own.start > 0 ? around(text, own.start - 1, CLAUSE_END) : own;
      const sentence = around(text, sp.start, SENTENCE_END);
      // A warning sentence that narrates what scammers do ("詐騙集團冒用檢警名義來電…要求將存款轉入監管帳戶"): even its
      // strong requests are quoted. A scam speaks to its victim (你/您, 请, 须…), so a reassuring phrase beside
      // "请将资金转入安全账户" keeps the narrow zone.
      let narration = false;
      if (!narrow) {
        const known = narrated.get(sentence.start);
        narration = known ?? narrates(text.slice(sentence.start, sentence.end));
        narrated.set(sentence.start, narration);
      }
      clauses.push(narrow ? own : narration ? sentence : { start: before.start, end: own.end });
      sentences.push(narrow ? own : sentence);
    }
  }
  const inside = (zones: Span[]) => (sp: Span) => zones.some((z) => sp.start >= z.start && sp.end <= z.end);
  const quoted: string[] = [];
  const kept = signals.filter((s) => {
    if (s.weight <= 0 || s.spans.length === 0 || s.source === 'context') return true;
    const zone = s.weight >= strongWeight ? clauses : sentences;
    if (s.spans.every(inside(zone)) || (s.source === 'rule' && (s.spans.every(inside(stories)) || s.spans.every(inside(negated))))) {
      quoted.push(s.id);
      return false;
    }
    return true;
  });
  if (quoted.length === 0) return signals;
  return kept.map((s) =>
    (tagBits(s) & (WARNS | TAG.negation)) !== 0
      ? {
          ...s,
          explanation: {
            zh: `${s.explanation.zh}；警示语中提到的诈骗手法不计入风险（${quoted.length}项）`,
            en: `${s.explanation.en}; tactics quoted inside the warning are not counted (${quoted.length})`,
          },
          detail: { ...s.detail, quoted: quoted.join(',') },
        }
      : s,
  );
}
