import { TAG, tagBits } from './emit.js';
import type { Signal, Span } from '../types.js';

const SENTENCE_END = /[。！？!?\n；;]/;
// Clauses also end at commas and colons; enumeration commas (、) do not end a clause, so
// "凡是要求加微信、共享屏幕、提供验证码的都是诈骗" stays one quotation.
const CLAUSE_END = /[。！？!?\n；;，,：:]/;

const WARNS = TAG.warning | TAG.warning_clause;

/**
 * Where a negated ask stops: the first word after it that asks again ("请勿添加陌生人，只需在App内…", "不要相信别人，
 * 马上转到…", and from the session 13 review "…您就按我说的打开屏幕共享", "…帮我在支付宝里借出"), or the clause's end.
 * Either script: it reads the original text.
 */
const ASKS_AGAIN =
  /[请請须須就先将將]|需要|只需|只要|只能|必须|必須|马上|馬上|立即|立刻|赶紧|趕緊|尽快|盡快|然后|然後|而是|改为|改為|应该|應該|直接|把钱|把錢|帮我|幫我|给我|給我|发我|發我|发给|發給|告诉我|告訴我|报给|報給|按我|按照|务必|務必|赶快|趕快|快点|快點|记得|記得|配合|转到|轉到|转入|轉入/;
/** A negated ask also ends at a space or an ASCII full stop ("1.不要挂断电话 2.…将资金转入…": numbered steps, chat). */
const NEGATION_END = /[。！？!?\n；;，,：:.\s]/;
/** The negating word at the start of a NEGATED_ASK match (the search for words that ask again starts after it). */
const NEGATING = /^(?:请勿|請勿|切勿|千万不要|千萬不要|千万别|千萬別|请不要|請不要|不要|不必|不用|无需|無需|无须|無須|不需要|绝不|絕不|从不|從不|不会|不會|严禁|嚴禁|禁止|不支持|不接受|勿|别|別)/;

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
  const clause = around(text, sp.start, NEGATION_END);
  // A question about what someone else asked ("对方是不是让你把钱转到安全账户？") is reported speech to its question mark.
  const last = text[clause.end - 1];
  if (last === '？' || last === '?') return { start: sp.start, end: clause.end };
  // Words that ask again count from the end of the negating word, not of the match: "不要再犹豫了赶紧转账" ends at 赶紧.
  const cue = NEGATING.exec(text.slice(sp.start, sp.end));
  const from = sp.start + (cue ? cue[0].length : 0);
  // Searched inside the clause only: a word that asks beyond its end changes nothing.
  const again = from < clause.end ? text.slice(from, clause.end).search(ASKS_AGAIN) : -1;
  return { start: sp.start, end: Math.max(again >= 0 ? from + again : clause.end, sp.start) };
}

/**
 * A Chinese sentence that narrates what scammers do: its subject is the scammers (诈骗集团, 不法分子, 骗子…) and it
 * speaks to nobody — no second-person pronoun, no imperative or obligation ("请将资金转入", "须转入", "逾期…"),
 * which a scam uses to order its reader without naming them. Either script: it reads the original text.
 */
const NARRATOR = /诈骗集团|詐騙集團|诈骗分子|詐騙分子|不法分子|骗子|騙子|歹徒|诈骗团伙|詐騙團伙/;
const ADDRESSES = /[你您妳请請]|立即|马上|馬上|尽快|盡快|赶紧|趕緊|务必|務必|麻烦|麻煩|[须須]|必须|必須|应配合|應配合|逾期/;
const narrates = (sentence: string): boolean => NARRATOR.test(sentence) && !ADDRESSES.test(sentence);

/**
 * The stretch around `at` between two breaks: a character of `end`, or a space between Chinese characters, which is
 * how chat and SMS separate clauses ("我们不会让您转账 您务必把验证码报给我", a session 13 review).
 */
function around(text: string, at: number, end: RegExp): Span {
  const breaks = (i: number): boolean => end.test(text[i] ?? '') || (isSpace(text.charCodeAt(i)) && cjkBeside(text, i));
  let start = at;
  while (start > 0 && !breaks(start - 1)) start--;
  let stop = at;
  while (stop < text.length && !breaks(stop)) stop++;
  return { start, end: Math.min(text.length, stop + 1) };
}

/** `around`, remembering what it found in `seen` (every stretch found with the same `end`). */
function aroundOnce(text: string, at: number, end: RegExp, seen: Span[]): Span {
  const known = seen.find((z) => at >= z.start && at < z.end);
  if (known) return known;
  const found = around(text, at, end);
  seen.push(found);
  return found;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0;
const isCjk = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/**
 * Whether the nearest non-space characters on both sides of the space at i are Chinese. A run of more than 8 spaces
 * is a break whatever surrounds it (and the scan stays bounded: a text of 100,000 spaces is read in linear time).
 */
function cjkBeside(text: string, i: number): boolean {
  let a = i - 1;
  while (a >= 0 && i - a <= 8 && isSpace(text.charCodeAt(a))) a--;
  let b = i + 1;
  while (b < text.length && b - i <= 8 && isSpace(text.charCodeAt(b))) b++;
  if (i - a > 8 || b - i > 8) return true;
  return a >= 0 && b < text.length && isCjk(text.charCodeAt(a)) && isCjk(text.charCodeAt(b));
}

/**
 * Anti-fraud warnings quote scam tactics ("凡是要求你共享屏幕的都是诈骗", "官方不会以“关闭月付”为由要求你转账").
 * A tactic that stands inside the sentence of a warning verdict is a quotation, not a request: it is set aside,
 * and the warning says so. A strong request (weight ≥ strongWeight) is set aside only when it is in the warning's
 * own clause or the one before it ("…让你转到安全账户的，一律是诈骗"), so that one reassuring phrase in a scam
 * ("we will never ask for your password, just send us the code") cannot hide the request next to it, unless the
 * warning's sentence narrates what scammers do and addresses nobody (`narrates`). In one message (not the joined
 * turns of a `conversation`), a warning that quotes nothing is noted with the share of the text its sentences cover,
 * for `weighLoneWarnings`.
 */
export function discountQuoted(signals: Signal[], text: string, strongWeight = Infinity, conversation = false): Signal[] {
  const warnings = signals.filter((s) => (tagBits(s) & (WARNS | TAG.negation)) !== 0);
  if (warnings.length === 0) return signals;
  // Each zone remembers the warning that opened it, so that each warning lists what it set aside itself.
  const sentences: Zone[] = [];
  const clauses: Zone[] = [];
  const stories: Zone[] = [];
  const negated: Zone[] = [];
  // Each sentence is read once however many warning words it holds (a 100,000-character text is one sentence).
  const narrated = new Map<number, boolean>();
  // And found once: a stretch between two breaks is the same whichever of its positions it is looked up from.
  const clausesSeen: Span[] = [];
  const sentencesSeen: Span[] = [];
  for (const w of warnings) {
    // A phrase scammers say too ("近期诈骗案件高发，请认准我们…", tag warning_clause) quotes only its own clause.
    const narrow = (tagBits(w) & TAG.warning) === 0;
    // A negated or reported ask ("勿向任何个人账户转账", "对方是不是让您…") sets aside the rule tactics it negates, strong
    // ones too, and nothing after the next word that asks ("请勿轻信他人，请将资金转入…" keeps its request).
    if ((tagBits(w) & TAG.negation) !== 0) {
      for (const sp of w.spans) negated.push({ ...negatedZone(text, sp), owner: w });
      continue;
    }
    // A retold story is quoted from its opener to its ending ("有人打电话说…" … "…我直接挂了"), across sentences and
    // turns, and no further: a request after the ending is outside it. One story only: with more spans than an opener
    // and an ending, two fragments could wrap a request between them (session 12 review), so each span stands alone.
    // Only what the rules read in it: an account number, a phone number or a link inside a "story" still counts.
    if ((tagBits(w) & TAG.narration) !== 0) {
      // Overlapping openers ("昨天有人" in "昨天有人加我") are one opener.
      const spans = mergeOverlapping(w.spans);
      const [a, b] = spans;
      if (a && b && spans.length === 2) stories.push({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), owner: w });
      else for (const sp of spans) stories.push({ ...sp, owner: w });
      continue;
    }
    for (const sp of w.spans) {
      const own = aroundOnce(text, sp.start, CLAUSE_END, clausesSeen);
      const before = own.start > 0 ? aroundOnce(text, own.start - 1, CLAUSE_END, clausesSeen) : own;
      const sentence = aroundOnce(text, sp.start, SENTENCE_END, sentencesSeen);
      // A warning sentence that narrates what scammers do ("詐騙集團冒用檢警名義來電…要求將存款轉入監管帳戶"): even its
      // strong requests are quoted. A scam speaks to its victim (你/您, 请, 须…), so a reassuring phrase beside
      // "请将资金转入安全账户" keeps the narrow zone.
      let narration = false;
      if (!narrow) {
        const known = narrated.get(sentence.start);
        narration = known ?? narrates(text.slice(sentence.start, sentence.end));
        narrated.set(sentence.start, narration);
      }
      clauses.push({ ...(narrow ? own : narration ? sentence : { start: before.start, end: own.end }), owner: w });
      sentences.push({ ...(narrow ? own : sentence), owner: w });
    }
  }
  // A warning talks down a text in proportion to how much of it is warning: an anti-fraud notice is nearly all
  // warning, while "谨防诈骗" pasted under a scam's request covers a line of it and must not cancel the request
  // (session 14: that line alone let 37% of the probe sets' flagged scams through).
  // Not in a call or chat, whose other turns (the person called, retelling) are no part of what the warning answers.
  const share = conversation ? 1 : warningShare(text, [...sentences, ...stories]);
  const quotedBy = new Map<Signal, string[]>();
  const kept = signals.filter((s) => {
    if (s.weight <= 0 || s.spans.length === 0 || s.source === 'context') return true;
    // Each occurrence may be quoted by a different zone ("他一说要转到什么安全账户…直接挂了" in a story, "更没有什么安全账户"
    // in a warning): the tactic is set aside when every occurrence is quoted by one.
    const warningZones = s.weight >= strongWeight ? clauses : sentences;
    const owner = coveredBy(s.spans, s.source === 'rule' ? [warningZones, stories, negated] : [warningZones]);
    if (owner === null) return true;
    const list = quotedBy.get(owner);
    if (list) list.push(s.id);
    else quotedBy.set(owner, [s.id]);
    return false;
  });
  const scale = Math.min(1, share / WARNING_SHARE_FOR_FULL_WEIGHT);
  if (quotedBy.size === 0 && scale === 1) return signals;
  return kept.map((s) => {
    const quoted = quotedBy.get(s);
    // Only a warning that quotes nothing: one that sets a tactic aside is reading that tactic, wherever it stands.
    const partial = scale < 1 && !quoted && s.weight < 0 && (tagBits(s) & WARNS) !== 0 && (tagBits(s) & TAG.negation) === 0;
    // Noted here, weighed by `weighLoneWarnings` once the model has read the text.
    if (partial) s = { ...s, detail: { ...s.detail, warningShare: Math.round(share * 100) / 100 } };
    if (!quoted) return s;
    const negation = (tagBits(s) & TAG.negation) !== 0;
    return {
      ...s,
      explanation: negation
        ? {
            zh: `${s.explanation.zh}；其中提到的做法不计入风险（${quoted.length}项）`,
            en: `${s.explanation.en}; the tactics it mentions are not counted (${quoted.length})`,
          }
        : {
            zh: `${s.explanation.zh}；警示语中提到的诈骗手法不计入风险（${quoted.length}项）`,
            en: `${s.explanation.en}; tactics quoted inside the warning are not counted (${quoted.length})`,
          },
      detail: { ...s.detail, quoted: quoted.join(',') },
    };
  });
}

/**
 * A warning that quotes nothing (noted `warningShare` by discountQuoted) counts in proportion to the share of the
 * text it covers. The caller skips this where the learned model reads the message as ordinary: a court notice that
 * ends "谨防诈骗。" is the genuine article (a review in session 14 found two that this flagged).
 */
export function weighLoneWarnings(signals: Signal[]): Signal[] {
  // Nearly every text has none: no copy of the list then (this runs on every analysis).
  if (!signals.some((s) => typeof s.detail?.['warningShare'] === 'number')) return signals;
  return signals.map((s) => {
    const share = s.detail?.['warningShare'];
    if (typeof share !== 'number') return s;
    const pct = Math.round(share * 100);
    return {
      ...s,
      weight: Math.round(s.weight * Math.min(1, share / WARNING_SHARE_FOR_FULL_WEIGHT) * 10) / 10,
      explanation: { zh: `${s.explanation.zh}；提示语只占全文约${pct}%，按比例计入`, en: `${s.explanation.en}; the warning is about ${pct}% of the text and counts in proportion` },
    };
  });
}

/** Below this share of the text, a warning's own (negative) weight shrinks in proportion. */
const WARNING_SHARE_FOR_FULL_WEIGHT = 0.5;

/** The share of the text's non-space characters that lie inside the zones. */
function warningShare(text: string, zones: readonly Span[]): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 10) total++;
  if (total === 0) return 1;
  let inside = 0;
  for (const z of mergeOverlapping(zones)) for (let i = z.start; i < z.end; i++) if (!isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 10) inside++;
  return inside / total;
}

/**
 * The sentences of the text's warnings ("谨防诈骗。", "凡是要求你转账的都是诈骗。"), for reading the text without them.
 * Not a phrase scammers use too (warning_clause: "「換號借錢」詐騙再起" leaves "親友說換號碼…" to read, which is the
 * scam's own opener), nor negated asks or retold stories.
 */
export function warningSentences(signals: readonly Signal[], text: string): Span[] {
  const zones: Span[] = [];
  for (const w of signals) {
    const tags = tagBits(w);
    if ((tags & TAG.warning) === 0 || (tags & (TAG.negation | TAG.narration)) !== 0) continue;
    // Each sentence is found once however many warning words it holds (a 100,000-character text is one sentence).
    for (const sp of w.spans) aroundOnce(text, sp.start, SENTENCE_END, zones);
  }
  return mergeOverlapping(zones);
}

interface Zone extends Span {
  /** The warning, story or negation that opened the zone. */
  owner: Signal;
}

/** The owner of the zone holding the first span, when every span lies inside some zone of the lists; else null. */
function coveredBy(spans: readonly Span[], lists: readonly (readonly Zone[])[]): Signal | null {
  let owner: Signal | null = null;
  for (const sp of spans) {
    let zone: Zone | undefined;
    for (const zones of lists) if ((zone = zones.find((x) => sp.start >= x.start && sp.end <= x.end))) break;
    if (!zone) return null;
    owner ??= zone.owner;
  }
  return owner;
}
