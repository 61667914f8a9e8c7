import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../src/engine.js';
import { analyze, analyzeConversation } from '../../src/index.js';
import { compileKnowledge } from '../../src/core/knowledge.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';
import { classIndex, MODEL_CLASSES } from '../../src/model/classes.js';
import { createFeatureBuffer, extractFeatures } from '../../src/model/features.js';
import { buildModelSignal, createModelScorer, LinearScorer, modelVerdict, shippedModel, tapModel, type LinearModel, type Prediction } from '../../src/model/index.js';
import { shortTextShare } from '../../src/model/scorer.js';
import { writtenInTraditional } from '../../src/core/normalize/normalize.js';

const C = MODEL_CLASSES.length;
const calibration = { scam: 0.5, spam: 0.5, emitScam: 0.6, emitLegit: 0.9, emitSpam: 0.6, categoryShare: 0.5 };

/** A tiny hand-made model: every n-gram of `cue` votes for `cls`. */
function toyModel(cue: string, cls: (typeof MODEL_CLASSES)[number], bits = 10): LinearModel {
  const weights = new Int8Array((1 << bits) * C);
  const buf = createFeatureBuffer();
  extractFeatures({ compact: cue, signals: [], entities: [] }, bits, buf);
  for (let k = 0; k < buf.size; k++) if ((buf.len[k] ?? 0) >= 2) weights[(buf.idx[k] ?? 0) * C + classIndex(cls)] = 127;
  return { version: 'toy', bits, classes: [...MODEL_CLASSES], weights, scales: new Float32Array(C).fill(0.2), calibration };
}

describe('LinearScorer', () => {
  it('gives a probability per class that sums to 1, leaning to the cued class', () => {
    const s = new LinearScorer(toyModel('安全账户', 'impersonate_authority'));
    const p = s.predict({ compact: '请把钱转到安全账户', signals: [], entities: [] });
    assert.equal(p.probs.length, C);
    assert.ok(Math.abs(p.probs.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    assert.equal(p.category, 'impersonate_authority');
    assert.ok(p.pScam > p.pLegit);
    const q = s.predict({ compact: '今天晚上一起吃饭', signals: [], entities: [] });
    assert.ok(q.pScam < p.pScam);
  });

  it('points at the n-grams that pushed it, inside the text', () => {
    const s = new LinearScorer(toyModel('安全账户', 'impersonate_authority'));
    const text = '请把钱转到安全账户里';
    s.predict({ compact: text, signals: [], entities: [] });
    const top = s.topTextFeatures(classIndex('impersonate_authority'), 0, 3);
    assert.ok(top.length >= 1);
    assert.equal(text.slice(top[0]?.start, top[0]?.end), '安全账户');
  });

  it('refuses a model whose classes or table size do not match', () => {
    const m = toyModel('x', 'spam');
    assert.throws(() => new LinearScorer({ ...m, classes: ['legit', 'spam'] }), /classes/);
    assert.throws(() => new LinearScorer({ ...m, weights: new Int8Array(10) }), /size/);
  });

  it('the model-only verdict follows the calibrated thresholds', () => {
    const p = (pScam: number, pSpam: number): Prediction => ({ probs: new Float64Array(C), pLegit: 1 - pScam - pSpam, pSpam, pScam, category: 'phishing', categoryShare: 1 });
    assert.deepEqual(modelVerdict(p(0.7, 0.1), calibration), { verdict: 'scam', category: 'phishing' });
    assert.deepEqual(modelVerdict(p(0.2, 0.7), calibration), { verdict: 'spam', category: null });
    assert.deepEqual(modelVerdict(p(0.2, 0.1), calibration), { verdict: 'safe', category: null });
  });
});

describe('ModelScorer in an engine', () => {
  it('emits one MODEL_SCAM signal whose weight grows with the probability and whose spans map to the original text', () => {
    const engine = createEngine({ model: createModelScorer(() => toyModel('安全账户', 'impersonate_authority')) });
    // Full-width and spaced-out characters: the compact view differs from the original, the span must not.
    const text = '警官通知：请立即把存款转到 安 全 账 户 。';
    const a = engine.analyze(text);
    const m = a.signals.filter((s) => s.source === 'model');
    assert.equal(m.length, 1);
    const sig = m[0]!;
    assert.equal(sig.id, 'MODEL_SCAM');
    assert.ok(sig.weight > 0 && sig.weight <= (compileKnowledge(defaultKnowledge).signals.get('MODEL_SCAM')?.weight ?? 0));
    assert.equal(typeof sig.detail?.['probability'], 'number');
    assert.ok(sig.spans.length >= 1);
    const quoted = text.slice(sig.spans[0]!.start, sig.spans[0]!.end).replace(/\s/g, '');
    assert.equal(quoted, '安全账户');
    assert.match(sig.explanation.zh, /安 全 账 户/);
    assert.ok(sig.explanation.en.length > 0);
  });

  it('speaks for a Chinese message it is sure is ordinary, never for an English one', () => {
    const zh = createEngine({ model: createModelScorer(() => toyModel('取件码', 'legit')) });
    const a = zh.analyze('【菜鸟驿站】您的包裹已到，取件码取件码取件码');
    const legit = a.signals.find((s) => s.id === 'MODEL_LEGIT');
    assert.ok(legit && legit.weight < 0, a.signals.map((s) => s.id).join(','));
    const en = createEngine({ model: createModelScorer(() => toyModel('pickup code', 'legit')) });
    const b = en.analyze('Your parcel is ready, pickup code pickup code pickup code');
    assert.equal(b.signals.filter((s) => s.source === 'model').length, 0);
  });

  it('useModel:false leaves the model out', () => {
    let calls = 0;
    const engine = createEngine({ model: () => (calls++, []) });
    engine.analyze('测试一下', { useModel: false });
    assert.equal(calls, 0);
    engine.analyze('测试一下');
    assert.equal(calls, 1);
  });

  it('is not asked about texts with too little to read (digits, symbols, a word or two)', () => {
    let calls = 0;
    const engine = createEngine({ model: () => (calls++, []) });
    for (const t of ['5', '123456', '在吗', '!!!', '']) engine.analyze(t);
    assert.equal(calls, 0);
  });

  it('marks a text of a few words as spam only when the model is sure (policy modelSpamShortText)', () => {
    const k = compileKnowledge(defaultKnowledge);
    const short = k.data.policy.modelSpamShortText;
    assert.ok(short.length > 0 && short.emit > calibration.emitSpam);
    const scorer = new LinearScorer(toyModel('prize', 'spam'));
    const spamFor = (text: string, pSpam: number): string | undefined => {
      const compact = text.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]/g, '');
      scorer.predict({ compact, signals: [], entities: [] });
      const p: Prediction = { probs: new Float64Array(C), pLegit: 1 - pSpam - 0.01, pSpam, pScam: 0.01, category: 'phishing', categoryShare: 1 };
      return buildModelSignal(scorer, p, k, { text, compact, lang: analyze(text, { useModel: false }).lang, signals: [] })?.id;
    };
    const tiny = 'Wavu back!';
    const long = 'Reply WIN to claim your weekly prize draw entry, standard network charges apply to every reply';
    assert.ok(tiny.length < short.length && long.replace(/[^a-z0-9]/gi, '').length >= short.length);
    const between = (calibration.emitSpam + short.emit) / 2;
    assert.equal(spamFor(tiny, between), undefined);
    assert.equal(spamFor(long, between), 'MODEL_SPAM');
    assert.equal(spamFor(tiny, short.emit + 0.05), 'MODEL_SPAM');
    // Not for Chinese: 40 characters are a whole advert there.
    assert.equal(spamFor('本店新到一批进口红酒，五折优惠，欢迎选购', between), 'MODEL_SPAM');
  });

  it('counts a weaker opinion (policy modelScamEmitZh) only on Chinese text that asks for something or lures', () => {
    const k = compileKnowledge(defaultKnowledge);
    const { modelScamEmitZh: low, modelScamFloor: floor } = k.data.policy;
    const full = k.signals.get('MODEL_SCAM')?.weight ?? 0;
    assert.ok(low < calibration.emitScam, 'the shipped policy lowers the emit level for Chinese');
    const scorer = new LinearScorer(toyModel('积分', 'phishing'));
    const signalFor = (text: string, pScam: number): { id: string; weight: number } | null => {
      const compact = text.replace(/[\s，。：！、,.:!]/g, '');
      scorer.predict({ compact, signals: [], entities: [] });
      const p: Prediction = { probs: new Float64Array(C), pLegit: 1 - pScam - 0.05, pSpam: 0.05, pScam, category: 'phishing', categoryShare: 1 };
      const { signals, lang } = analyze(text, { useModel: false });
      const s = buildModelSignal(scorer, p, k, { text, compact, lang, signals });
      return s && { id: s.id, weight: s.weight };
    };
    // Long enough (40 compact characters) that the short-text weighting (tested below) plays no part.
    const asks = '您的积分今日到期，请点击链接兑换礼品，逾期积分将全部清零，感谢您一直以来的支持 http://jf-dh.top/a';
    const informs = '您的积分今日到期，已自动为您延期一年，无需任何操作，积分可在会员中心随时查看和使用，感谢您的支持。';
    const english = 'Your points expire today, click the link to redeem a gift http://jf-dh.top/a';
    const mid = (low + calibration.emitScam) / 2;
    assert.deepEqual(signalFor(asks, mid), { id: 'MODEL_SCAM', weight: Math.round(full * floor) });
    assert.notEqual(signalFor(informs, mid)?.id, 'MODEL_SCAM');
    assert.notEqual(signalFor(english, mid)?.id, 'MODEL_SCAM');
    assert.notEqual(signalFor(asks, low - 0.05)?.id, 'MODEL_SCAM');
    // From the emit level on nothing changed: floor weight there, the full weight at P = 1.
    assert.deepEqual(signalFor(english, calibration.emitScam + 1e-9)?.weight, Math.round(full * floor));
    assert.deepEqual(signalFor(informs, 1)?.weight, full);
  });

  it('lets the model’s majority opinion flag a text in Traditional characters (policy modelScamTraditional)', () => {
    const k = compileKnowledge(defaultKnowledge);
    const { modelScamTraditional: hant, strongSignalWeight: strong } = k.data.policy;
    assert.ok(hant > 0 && hant < calibration.emitScam, 'the shipped policy trusts the model earlier on Traditional text');
    const scorer = new LinearScorer(toyModel('积分', 'phishing'));
    const weightFor = (text: string, traditional: boolean, pScam: number): number | undefined => {
      const compact = text.replace(/[\s，。：！、,.:!]/g, '');
      scorer.predict({ compact, signals: [], entities: [] });
      const p: Prediction = { probs: new Float64Array(C), pLegit: 1 - pScam - 0.01, pSpam: 0.01, pScam, category: 'phishing', categoryShare: 1 };
      const s = buildModelSignal(scorer, p, k, { text, compact, lang: 'zh', traditional, signals: [] });
      return s?.id === 'MODEL_SCAM' ? s.weight : undefined;
    };
    const text = '您的點數將於今日到期，請立即兌換';
    const between = (hant + calibration.emitScam) / 2;
    assert.equal(weightFor(text, true, between), strong, 'strong enough to flag alone');
    assert.equal(weightFor(text, false, between), undefined, 'Simplified text keeps the emit level');
    assert.equal(weightFor(text, true, hant - 0.01), undefined);
    assert.ok((weightFor(text, true, 1) ?? 0) >= strong);
    // Not where the rules' combined reading is benign: a new number that asks for nothing (composite
    // NEW_NUMBER_NO_ASK) keeps the model at its usual emit level.
    const newNumber = '爸，這是我的新號碼，公司配的，舊的也還會用';
    const ruleSignals = analyze(newNumber, { useModel: false }).signals;
    assert.ok(ruleSignals.some((x) => x.id === 'ACQ_NEW_ACCOUNT'), 'the rules read a new number');
    const compact = newNumber.replace(/[\s，。：！、,.:!]/g, '');
    scorer.predict({ compact, signals: [], entities: [] });
    const p: Prediction = { probs: new Float64Array(C), pLegit: 1 - between - 0.01, pSpam: 0.01, pScam: between, category: 'phishing', categoryShare: 1 };
    assert.equal(buildModelSignal(scorer, p, k, { text: newNumber, compact, lang: 'zh', traditional: true, signals: ruleSignals }), null);
    // A line shorter than modelScamTraditionalMinLength is trusted only beside a rule's own evidence.
    const minLength = k.data.policy.modelScamTraditionalMinLength;
    assert.ok(minLength > 0, 'the shipped policy asks short lines for more');
    const chat = '我在全聯，要買什麼嗎';
    assert.ok(chat.replace(/[，]/g, '').length < minLength);
    assert.equal(weightFor(chat, true, between), undefined, 'a short line with nothing the rules saw');
    const asking = '加LINE領取飆股';
    const askSignals = analyze(asking, { useModel: false }).signals;
    const askCompact = asking.replace(/[\s，。：！、,.:!]/g, '');
    assert.ok(askCompact.length < minLength && askSignals.some((x) => x.weight > 0));
    scorer.predict({ compact: askCompact, signals: [], entities: [] });
    assert.equal(buildModelSignal(scorer, p, k, { text: asking, compact: askCompact, lang: 'zh', traditional: true, signals: askSignals })?.weight, strong);
  });

  it('tells Traditional from Simplified writing by the characters that fold', () => {
    const n = compileKnowledge(defaultKnowledge).normalize;
    assert.equal(writtenInTraditional('您的包裹地址不全，請點擊更新', n), true);
    assert.equal(writtenInTraditional('您的包裹地址不全，请点击更新', n), false);
    assert.equal(writtenInTraditional('請', n), false, 'one character is not a script');
    assert.equal(writtenInTraditional('', n), false);
  });

  it('weighs MODEL_SCAM less on a text shorter than modelScamShortText, by its length (in Chinese without digits; a digit-free Chinese line by wordsLength)', () => {
    const k = compileKnowledge(defaultKnowledge);
    const { length, wordsLength } = k.data.policy.modelScamShortText;
    const full = k.signals.get('MODEL_SCAM')?.weight ?? 0;
    assert.ok(length > 0, 'the shipped policy weighs short texts less');
    const scorer = new LinearScorer(toyModel('电话', 'phishing'));
    const weightFor = (compact: string): number | undefined => {
      scorer.predict({ compact, signals: [], entities: [] });
      const p: Prediction = { probs: new Float64Array(C), pLegit: 0, pSpam: 0, pScam: 1, category: 'phishing', categoryShare: 1 };
      return buildModelSignal(scorer, p, k, { text: compact, compact, lang: 'zh', signals: [] })?.weight;
    };
    // Chinese: digits do not count ("我的电话是13800138000" reads as 5 characters).
    assert.equal(weightFor('我的电话是00000000000'), Math.round((full * 5) / length));
    // A Chinese line without digits is read in words: its own, shorter length (wordsLength).
    assert.ok(wordsLength !== undefined && wordsLength < length, 'the shipped policy reads digit-free Chinese lines in words');
    const words = '你的快递丢了加我微信';
    assert.equal(weightFor(words), Math.round((full * words.length) / wordsLength));
    assert.equal(weightFor('电'.repeat(wordsLength)), full);
    assert.equal(weightFor(`${'电'.repeat(wordsLength)}0`), Math.round((full * wordsLength) / length), 'one digit: counted by length');
    assert.equal(weightFor('电'.repeat(length)), full);
    assert.equal(weightFor('0'.repeat(length)), full, 'from the length on, whatever it holds');
    // Other languages: every character counts.
    assert.equal(shortTextShare('sister00', 'en', length), 8 / length);
    assert.equal(shortTextShare('0000', 'zh', 0), 1, 'off');
    assert.equal(shortTextShare('你好', 'zh', 40), 2 / 40, 'wordsLength defaults to length');
  });
});

describe('the shipped model', () => {
  it('is a versioned artefact with the engine’s classes, decoded once', () => {
    const m = shippedModel();
    assert.match(m.version, /^fanzha-linear-\d+\+[0-9a-f]{10}$/);
    assert.deepEqual([...m.classes], [...MODEL_CLASSES]);
    assert.equal(m.weights.length, (1 << m.bits) * C);
    assert.equal(shippedModel(), m);
  });

  it('rates a textbook scam far above an ordinary message, with spans and probability', () => {
    const scam = '您好，我是淘宝客服，您购买的商品有质量问题，我们给您办理双倍退款理赔，请提供银行卡号和验证码，并下载会议软件共享屏幕。';
    const preds: Prediction[] = [];
    tapModel({ observe: (_i, p) => p && preds.push(p) });
    try {
      const a = analyze(scam);
      analyze('妈，我今晚不回家吃饭了，加班到九点。');
      assert.equal(preds.length, 2);
      assert.ok((preds[0]?.pScam ?? 0) > 0.6, `${preds[0]?.pScam}`);
      assert.ok((preds[1]?.pScam ?? 1) < (preds[0]?.pScam ?? 0));
      const m = a.signals.find((s) => s.id === 'MODEL_SCAM');
      assert.ok(m, a.signals.map((s) => s.id).join(','));
      for (const sp of m.spans) assert.ok(sp.start >= 0 && sp.end <= scam.length && sp.end > sp.start);
      assert.ok((m.detail?.['probability'] as number) > 0.6);
    } finally {
      tapModel(null);
    }
  });

  it('scores conversations and English too, deterministically', () => {
    const turns = [
      { speaker: 'caller', text: '您好，这里是某某银行信用卡中心，您的账户存在异常交易。' },
      { speaker: 'callee', text: '啊？怎么回事？' },
      { speaker: 'caller', text: '请您提供身份证号和银行卡号，我们帮您冻结。' },
    ];
    const a = analyzeConversation(turns);
    const b = analyzeConversation(turns);
    assert.deepEqual(a.signals, b.signals);
    const e = analyze('URGENT! You have won a £1000 cash prize. Call 09061701461 now to claim. T&C apply.');
    assert.notEqual(e.verdict, 'safe');
  });

  it('handles empty, huge and odd input without throwing', () => {
    for (const t of ['', ' ', '\u0000\ud800', 'x'.repeat(200_000), '💰'.repeat(5000)]) analyze(t);
  });
});
