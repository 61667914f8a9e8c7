/**
 * The analyze routes answer with JSON.stringify rather than a serializer compiled from their response schema
 * (it is faster). The schema still documents the answer, so it must describe exactly that JSON: serialising the
 * same result through the schema (Fastify's default, fast-json-stringify) must give the same value.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { analyzeResultSchema } from '../../src/server/schemas.js';
import { makeHarness, type Harness } from './harness.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const texts = ['near-domain-scam.jsonl', 'near-domain-legit.jsonl', 'seeds.jsonl'].flatMap((f) =>
  readFileSync(join(FIXTURES, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text),
);

describe('analyze answers match their response schema', () => {
  let h: Harness;
  let schemaApp: FastifyInstance;
  let stash: unknown = null;
  /** The same value written by the schema's serializer. */
  const throughSchema = async (value: unknown): Promise<unknown> => {
    stash = value;
    return (await schemaApp.inject({ url: '/x' })).json();
  };

  before(async () => {
    // With the intel checkers (undefined loads them) so their signals and details are covered too.
    h = await makeHarness({}, { intel: undefined });
    schemaApp = Fastify();
    schemaApp.get('/x', { schema: { response: { 200: analyzeResultSchema } } }, async () => stash);
    await schemaApp.ready();
    // Known identifiers, so reputations other than "unknown" are written too.
    for (const value of ['13800138000', '17012345678']) {
      const r = await h.req({ method: 'POST', url: '/v1/reports', payload: { kind: 'phone', value, category: 'fake_customer_service', evidence: `加微信 tb_kefu2024，联系 ${value}` } });
      assert.equal(r.statusCode, 201, r.body);
    }
  });
  after(async () => {
    await schemaApp.close();
    await h.close();
  });

  test(`${texts.length} fixture texts, with and without a sender`, async () => {
    assert.ok(texts.length > 300);
    for (const [i, text] of texts.entries()) {
      const payload = i % 2 === 0 ? { text } : { text, sender: '+8613800138000', channel: 'sms' };
      const r = await h.req({ method: 'POST', url: '/v1/analyze', payload });
      assert.equal(r.statusCode, 200);
      const served = r.json();
      assert.deepEqual(await throughSchema(served), served, `fixture ${i}`);
    }
  });

  test('a conversation, a reported number and a batch', async () => {
    const turns = [
      { speaker: 'caller', text: '我是京东金融客服，您开通了学生账户，需要注销，打 17012345678' },
      { speaker: 'callee', text: '怎么注销？' },
      { speaker: 'caller', text: '您下载会议软件，开启屏幕共享，我一步步教您' },
    ];
    const conv = (await h.req({ method: 'POST', url: '/v1/analyze', payload: { turns } })).json() as { analysis: { riskTurn?: unknown }; identifiers: { reputation: { status: string } }[] };
    assert.ok('riskTurn' in conv.analysis);
    assert.ok(conv.identifiers.some((i) => i.reputation.status === 'reported'));
    assert.deepEqual(await throughSchema(conv), conv);

    const batch = await h.req({ method: 'POST', url: '/v1/analyze/batch', payload: { items: [{ id: 'a', text: texts[0] }, { text: '' }, { turns }] } });
    assert.equal(batch.statusCode, 200);
    const { results } = batch.json() as { results: { ok: boolean; result?: unknown; error?: { code: string } }[] };
    assert.deepEqual(
      results.map((x) => x.ok),
      [true, false, true],
    );
    assert.equal(results[1]!.error!.code, 'FZ_ERR_VALIDATION');
    for (const x of results) if (x.result) assert.deepEqual(await throughSchema(x.result), x.result);
  });
});
