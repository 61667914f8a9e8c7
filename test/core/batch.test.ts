import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, analyzeBatch, createEngine, type AnalyzeOptions, type BatchItem } from '../../src/index.js';

/** analyzeBatch runs the stages a group at a time; it must give exactly what analyze gives each message. */
const fixture = (name: string): string[] =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);

const written = [...fixture('near-domain-scam.jsonl'), ...fixture('near-domain-legit.jsonl'), ...fixture('seeds.jsonl'), ...fixture('taiwan.jsonl')];

describe('analyzeBatch', () => {
  it('gives, in order, exactly the analysis analyze gives each of the written scams and genuine notices', () => {
    const batch = analyzeBatch(written);
    assert.equal(batch.length, written.length);
    const verdicts = new Set(batch.map((a) => a.verdict));
    assert.ok(verdicts.has('scam') && verdicts.has('safe'), 'the set holds both kinds');
    written.forEach((text, i) => assert.deepEqual(batch[i], analyze(text), `item ${i}: ${text.slice(0, 40)}`));
  });

  it('merges each item’s options over the batch’s, as analyze would read them', () => {
    const text = '您的验证码为482913，5分钟内有效，请勿泄露给他人。';
    const items: (string | BatchItem)[] = [
      { text, options: { sender: '95588' } },
      { text },
      { text: '我是淘宝客服，加我微信给您退款', options: { useModel: true } },
      '我是淘宝客服，加我微信给您退款',
    ];
    const shared: AnalyzeOptions = { useModel: false, channel: 'sms' };
    const batch = analyzeBatch(items, shared);
    assert.deepEqual(batch[0], analyze(text, { ...shared, sender: '95588' }));
    assert.deepEqual(batch[1], analyze(text, shared));
    assert.deepEqual(batch[2], analyze('我是淘宝客服，加我微信给您退款', { ...shared, useModel: true }));
    assert.deepEqual(batch[3], analyze('我是淘宝客服，加我微信给您退款', shared));
    // The sender's own signal is there for the first item only: options did not leak between items.
    const ids = (i: number): string[] => batch[i]!.signals.map((s) => s.id);
    assert.notDeepEqual(ids(0), ids(1));
  });

  it('keeps order and results across groups (more than 256 messages, more than 100,000 characters)', () => {
    const long = '您好，我是京东客服。'.repeat(3_000); // 30,000 characters: four of them fill a group by size
    const items = Array.from({ length: 1_200 }, (_, i) => (i % 300 === 7 ? long : written[i % written.length]!));
    const batch = analyzeBatch(items);
    assert.equal(batch.length, items.length);
    for (let i = 0; i < items.length; i += 37) assert.deepEqual(batch[i], analyze(items[i]!), `item ${i}`);
    for (let i = 7; i < items.length; i += 300) assert.deepEqual(batch[i], analyze(long));
  });

  it('answers an empty list with an empty list, and reads null or a non-string as analyze does', () => {
    assert.deepEqual(analyzeBatch([]), []);
    const scam = '我是淘宝客服，加我微信给您退款，把验证码告诉我';
    // A String object and an array, as plain JavaScript might pass them.
    const odd = [null, 42, '', [scam], new String(scam), { text: 5 }] as unknown as string[];
    const batch = analyzeBatch(odd);
    assert.equal(batch.length, odd.length);
    odd.forEach((item, i) => assert.deepEqual(batch[i], analyze(item), `item ${i}`));
    assert.equal(batch[3]!.verdict, 'scam', 'an array holding a scam is read as its text, as analyze reads it');
    assert.equal(batch[4]!.verdict, 'scam');
  });

  it('honours maxLength per item (truncation) like analyze', () => {
    const text = '请把验证码告诉我，'.repeat(50);
    assert.deepEqual(analyzeBatch([{ text, options: { maxLength: 30 } }])[0], analyze(text, { maxLength: 30 }));
    assert.equal(analyzeBatch([text], { maxLength: 30 })[0]!.truncated, true);
  });

  it('equals analyze on arbitrary lists of arbitrary Unicode (lone surrogates, empty strings)', () => {
    const lure = fc.constantFrom('客服', '薇信', '验证码', '00852', 'http://a.cn/x', '退款', '\u200b', '\ud800', ' ', 'ＱＱ');
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary' }), lure), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), (texts) => {
        const batch = analyzeBatch(texts);
        assert.equal(batch.length, texts.length);
        texts.forEach((t, i) => assert.deepEqual(batch[i], analyze(t)));
      }),
      { numRuns: 60, seed: 20261207 },
    );
  });

  it('is on every engine: one without a model batches the same as it analyses', () => {
    const rulesOnly = createEngine();
    const batch = rulesOnly.analyzeBatch(written.slice(0, 40));
    written.slice(0, 40).forEach((t, i) => assert.deepEqual(batch[i], rulesOnly.analyze(t)));
  });
});
