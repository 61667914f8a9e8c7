/**
 * POST /v1/analyze with detail: "brief" (src/server/brief.ts): the figures a platform acts on, without the spans,
 * wording and advice of the full answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeHarness, type Harness } from './harness.js';

describe('brief answers (detail: "brief")', () => {
  let h: Harness;
  before(async () => {
    h = await makeHarness({}, { intel: undefined });
  });
  after(async () => h.close());
  const text = '【淘宝】您好，我是淘宝客服，您购买的商品甲醛超标，双倍赔偿。请加我微信 tb_kefu2024，退款链接 http://tb-refund.cn/a ，把验证码告诉我。';

  test('carry the same verdict, score, category and signals as the full answer, without spans, wording or advice', async () => {
    const full = await h.req({ method: 'POST', url: '/v1/analyze', payload: { text, sender: '+8613800138000' } });
    const brief = await h.req({ method: 'POST', url: '/v1/analyze', payload: { text, sender: '+8613800138000', detail: 'brief' } });
    assert.equal(brief.statusCode, 200);
    const f = full.json();
    const b = brief.json();
    for (const k of ['verdict', 'score', 'category', 'categories', 'lang', 'length', 'truncated', 'engine']) assert.deepEqual(b.analysis[k], f.analysis[k], k);
    assert.deepEqual(
      b.analysis.signals,
      f.analysis.signals.map((s: { id: string; source: string; category: string | null; weight: number }) => ({ id: s.id, source: s.source, category: s.category, weight: s.weight })),
    );
    for (const k of ['advice', 'entities', 'summary']) assert.equal(b.analysis[k], undefined, k);
    assert.deepEqual(
      b.identifiers.map((i: { type: string; value: string; reputation: { status: string } }) => [i.type, i.value, i.reputation.status]),
      f.identifiers.map((i: { type: string; value: string; reputation: { status: string } }) => [i.type, i.value, i.reputation.status]),
    );
    assert.equal(b.message, f.message);
    assert.ok(brief.body.length * 4 < full.body.length, `${brief.body.length} vs ${full.body.length} characters`);
  });

  test('a conversation keeps its per-turn scores and risk turn; a batch item may ask for it; anything else is a 400', async () => {
    const turns = [
      { speaker: '客服', text: '您好，我是京东金融客服，您开通了学生账户，不注销会影响征信' },
      { speaker: '我', text: '那怎么办' },
      { speaker: '客服', text: '您需要把借呗里的钱转到我们的安全账户验证，然后告诉我验证码' },
    ];
    const c = (await h.req({ method: 'POST', url: '/v1/analyze', payload: { turns, detail: 'brief' } })).json();
    assert.equal(c.analysis.turns.length, 3);
    // Offsets would point into the joined text the brief form leaves out: speaker and score only.
    for (const t of c.analysis.turns) assert.deepEqual(Object.keys(t).sort(), ['score', 'speaker']);
    assert.equal(typeof c.analysis.riskTurn, 'number');
    assert.equal(c.analysis.text, undefined);
    const batch = (await h.req({ method: 'POST', url: '/v1/analyze/batch', payload: { items: [{ text, detail: 'brief' }, { text }, { text, detail: 'short' }] } })).json();
    assert.equal(batch.results[0].result.analysis.advice, undefined);
    assert.ok(batch.results[1].result.analysis.advice.length > 0);
    assert.equal(batch.results[2].error.field, 'detail');
    const bad = await h.req({ method: 'POST', url: '/v1/analyze', payload: { text, detail: 'short' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'FZ_ERR_VALIDATION');
  });
});
