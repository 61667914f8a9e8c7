import type { CompiledKnowledge } from './knowledge.js';
import { tagsOf } from './signals/emit.js';
import type { CategoryId, Entity, Localized, Signal, Verdict } from './types.js';

const MAX_ADVICE = 7;

/**
 * Advice specific to what was found: the impersonated organisation's real channel first,
 * then what to do about each tactic and entity, then the category's general advice.
 */
export function advise(verdict: Verdict, category: CategoryId | null, signals: Signal[], entities: Entity[], k: CompiledKnowledge): Localized[] {
  const out: Localized[] = [];
  const add = (a: Localized): void => {
    if (!out.some((x) => x.zh === a.zh)) out.push(a);
  };
  if (verdict === 'safe' || verdict === 'spam') {
    for (const a of k.data.advice.safe) add(a);
    return out;
  }
  const brandIds = [...new Set(entities.filter((e) => e.kind === 'brand').map((e) => e.value))];
  for (const id of brandIds.slice(0, 2)) {
    const d = k.directoryById.get(id);
    if (!d) continue;
    // Only a sourced number is quoted as "official"; general-knowledge numbers are not (see docs/intel.md).
    const phone = d.phones.find((p) => (p.verified ?? d.verified) !== 'general_knowledge');
    if (phone) {
      add({
        zh: `${d.name.zh}官方客服电话是 ${phone.display}：挂断后自己拨打核实，不要回拨对方留下的号码。`,
        en: `${d.name.en}'s official number is ${phone.display}: hang up and call it yourself; do not call back the number you were given.`,
      });
    }
    if (d.app) {
      add({
        zh: `通过${d.app.zh}联系官方客服核实，不要按对方的指引操作。`,
        en: `Check through ${d.app.en} and its official customer service, not through the caller's instructions.`,
      });
    }
  }
  const keys = new Set<string>();
  for (const s of signals) {
    if (s.weight <= 0) continue;
    keys.add(s.id);
    for (const t of tagsOf(s)) keys.add(t);
  }
  for (const e of entities) keys.add(`entity:${e.kind}`);
  for (const t of k.data.advice.triggers) if (keys.has(t.on)) add(t.advice);
  const info = category ? k.categories.get(category) : undefined;
  for (const a of info?.advice ?? []) add(a);
  return out.slice(0, MAX_ADVICE);
}

const VERDICT_WORDS: Record<Verdict, Localized> = {
  scam: { zh: '这是诈骗', en: 'This is a scam' },
  suspicious: { zh: '可能是诈骗，请先核实', en: 'Possibly a scam: verify first' },
  spam: { zh: '这是推销或垃圾信息，未发现诈骗迹象', en: 'Unsolicited promotion, no sign of fraud' },
  safe: { zh: '未发现诈骗迹象', en: 'No sign of fraud found' },
};

export function summarize(verdict: Verdict, category: CategoryId | null, score: number, k: CompiledKnowledge): Localized {
  const v = VERDICT_WORDS[verdict];
  const info = category ? k.categories.get(category) : undefined;
  if (!info) {
    const caveat =
      verdict === 'safe'
        ? { zh: '（没发现问题不等于一定安全：涉及转账、验证码时仍请通过官方渠道核实）', en: ' (nothing found is not proof of safety: verify any request for money or codes through official channels)' }
        : { zh: '', en: '' };
    return { zh: `${v.zh}${caveat.zh}`, en: `${v.en}${caveat.en}` };
  }
  return { zh: `${v.zh}：${info.name.zh}（风险分 ${score}）`, en: `${v.en}: ${info.name.en} (risk ${score})` };
}
