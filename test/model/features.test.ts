import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFeatureBuffer, extractFeatures, MAX_FEATURE_TEXT, MAX_NGRAM } from '../../src/model/features.js';
import { decodeBase64, encodeBase64 } from '../../src/model/codec.js';
import type { Signal } from '../../src/core/types.js';

const BITS = 12;
const features = (compact: string, signals: Signal[] = []): Map<number, number> => {
  const buf = createFeatureBuffer(8);
  extractFeatures({ compact, signals, entities: [] }, BITS, buf);
  const m = new Map<number, number>();
  for (let k = 0; k < buf.size; k++) m.set(buf.idx[k] ?? -1, (m.get(buf.idx[k] ?? -1) ?? 0) + (buf.val[k] ?? 0));
  return m;
};

describe('model features', () => {
  it('are deterministic and stay inside the table', () => {
    const a = features('您的快递丢失了加我微信双倍赔偿');
    const b = features('您的快递丢失了加我微信双倍赔偿');
    assert.deepEqual([...a.entries()], [...b.entries()]);
    for (const i of a.keys()) assert.ok(i >= 0 && i < 1 << BITS);
  });

  it('count every char n-gram of length 1..4 once, plus the bias token', () => {
    const buf = createFeatureBuffer(4);
    const text = '退款到账';
    extractFeatures({ compact: text, signals: [], entities: [] }, BITS, buf);
    // 4 + 3 + 2 + 1 n-grams, one bias token.
    assert.equal(buf.size, 10 + 1);
    assert.ok(buf.len.subarray(0, buf.size - 1).every((n) => n >= 1 && n <= MAX_NGRAM));
    assert.equal(buf.pos[buf.size - 1], -1);
  });

  it('fold digits so that codes and amounts generalise', () => {
    assert.deepEqual([...features('验证码123456').keys()].sort(), [...features('验证码987650').keys()].sort());
    assert.notDeepEqual([...features('验证码abc').keys()].sort(), [...features('验证码123').keys()].sort());
  });

  it('add English words and word bigrams', () => {
    const buf = createFeatureBuffer(4);
    const text = 'win a prize';
    extractFeatures({ compact: text, signals: [], entities: [] }, BITS, buf);
    let charGrams = 0;
    for (let i = 0; i < text.length; i++) if (text[i] !== ' ') charGrams += Math.min(MAX_NGRAM, text.length - i);
    // 3 words + 2 word bigrams + the bias token.
    assert.equal(buf.size, charGrams + 3 + 2 + 1);
  });

  it('turn signals into features, ignoring the model’s own', () => {
    const sig = (id: string, source: Signal['source']): Signal => ({ id, source, category: null, weight: 10, spans: [], explanation: { zh: '', en: '' } });
    const none = features('你好');
    const withRule = features('你好', [sig('ASK_TRANSFER', 'rule')]);
    const withModel = features('你好', [sig('MODEL_SCAM', 'model')]);
    assert.ok(withRule.size > none.size || [...withRule.values()].reduce((a, b) => a + b) > [...none.values()].reduce((a, b) => a + b));
    assert.deepEqual([...withModel.entries()], [...none.entries()]);
  });

  it('read at most MAX_FEATURE_TEXT characters of a huge input and reuse the buffer', () => {
    const buf = createFeatureBuffer(16);
    extractFeatures({ compact: '骗'.repeat(MAX_FEATURE_TEXT * 5), signals: [], entities: [] }, BITS, buf);
    assert.ok(buf.size <= MAX_FEATURE_TEXT * MAX_NGRAM + 1);
    const cap = buf.idx.length;
    extractFeatures({ compact: '短信', signals: [], entities: [] }, BITS, buf);
    assert.equal(buf.idx.length, cap);
    assert.equal(buf.size, 3 + 1);
  });
});

describe('base64 codec (browser-safe, no Buffer)', () => {
  it('round-trips bytes of every length and agrees with Node', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 0xff);
      const enc = encodeBase64(bytes);
      assert.equal(enc, Buffer.from(bytes).toString('base64'));
      assert.deepEqual(decodeBase64(enc), bytes);
    }
  });
  it('rejects characters outside the alphabet', () => {
    assert.throws(() => decodeBase64('ab$d'), /invalid base64/);
  });
});
