/** The HTTP API through app.inject, on a real SQLite store. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultEngine } from '../../src/default-engine.js';
import type { Engine } from '../../src/engine.js';
import { ERRORS } from '../../src/server/errors.js';
import { errorOf, makeHarness, type Harness } from './harness.js';

interface Sig {
  id: string;
  category: string | null;
  explanation: { zh: string; en: string };
}
interface AnalyzeBody {
  analysis: { verdict: string; score: number; signals: Sig[]; entities: unknown[] };
  identifiers: { type: string; value: string; directory: unknown; reputation: { status: string; reporters: number } }[];
  message: string;
}

describe('ops endpoints and documents', () => {
  let h: Harness;
  before(async () => (h = await makeHarness()));
  after(() => h.close());

  test('healthz, readyz, metrics', async () => {
    assert.deepEqual((await h.req({ url: '/healthz', key: null })).json(), { status: 'ok' });
    const ready = await h.req({ url: '/readyz', key: null });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().store, 'sqlite');
    await h.req({ method: 'POST', url: '/v1/analyze', payload: { text: '你好' } });
    const m = await h.req({ url: '/metrics', key: null });
    assert.match(m.headers['content-type'] as string, /text\/plain/);
    assert.match(m.body, /fanzha_http_requests_total\{method="POST",route="\/v1\/analyze",status="200"\} 1/);
    assert.match(m.body, /fanzha_analyses_total\{verdict="\w+"\} 1/);
    assert.match(m.body, /fanzha_http_request_duration_seconds_bucket\{method="POST",route="\/v1\/analyze",le="\+Inf"\} 1/);
  });

  test('OpenAPI 3 document lists every endpoint; /docs serves the UI', async () => {
    const doc = (await h.req({ url: '/openapi.json', key: null })).json() as { openapi: string; paths: Record<string, unknown> };
    assert.match(doc.openapi, /^3\./);
    for (const p of ['/v1/analyze', '/v1/analyze/batch', '/v1/lookup', '/v1/reports', '/v1/reports/{id}/review', '/v1/feedback', '/v1/blocklist', '/v1/stats', '/v1/keys', '/v1/keys/{id}']) {
      assert.ok(doc.paths[p], `missing ${p}`);
    }
    const ui = await h.req({ url: '/docs', key: null });
    assert.ok([200, 302].includes(ui.statusCode));
    const page = await h.req({ url: ui.statusCode === 302 ? (ui.headers.location as string).replace(/^\.\//, '/docs/') : '/docs', key: null });
    assert.match(page.body, /swagger/i);
  });

  test('unknown routes answer a JSON 404', async () => {
    const r = await h.req({ url: '/v1/nope' });
    assert.equal(r.statusCode, 404);
    assert.equal(errorOf(r).code, 'FZ_ERR_NOT_FOUND');
  });
});

describe('access control', () => {
  let h: Harness;
  before(async () => (h = await makeHarness()));
  after(() => h.close());

  test('no key → 401 when public access is off; a bad key → 401', async () => {
    const r = await h.req({ method: 'POST', url: '/v1/analyze', payload: { text: 'x' }, key: null });
    assert.equal(r.statusCode, 401);
    assert.equal(errorOf(r).code, 'FZ_ERR_UNAUTHENTICATED');
    const bad = await h.req({ method: 'POST', url: '/v1/analyze', payload: { text: 'x' }, key: 'fz_not-a-real-key' });
    assert.equal(bad.statusCode, 401);
    assert.equal(errorOf(bad).code, 'FZ_ERR_BAD_KEY');
    const viaHeader = await h.app.inject({ method: 'POST', url: '/v1/analyze', payload: { text: 'x' }, headers: { 'x-api-key': h.keys.public } });
    assert.equal(viaHeader.statusCode, 200);
  });

  test('roles: public < analyst < admin', async () => {
    const pub = await h.req({ url: '/v1/reports' });
    assert.equal(pub.statusCode, 403);
    assert.equal(errorOf(pub).code, 'FZ_ERR_FORBIDDEN');
    assert.equal((await h.req({ url: '/v1/reports', key: h.keys.analyst })).statusCode, 200);
    assert.equal((await h.req({ url: '/v1/keys', key: h.keys.analyst })).statusCode, 403);
    assert.equal((await h.req({ url: '/v1/reports', key: h.keys.admin })).statusCode, 200);
  });

  test('admin creates a key shown once, stored hashed; revoke stops it', async () => {
    const c = await h.req({ method: 'POST', url: '/v1/keys', key: h.keys.admin, payload: { role: 'analyst', name: 'alice' } });
    assert.equal(c.statusCode, 201);
    const { id, key } = c.json() as { id: string; key: string };
    assert.match(key, /^fz_[A-Za-z0-9_-]{43}$/);
    assert.equal((await h.req({ url: '/v1/stats', key })).statusCode, 200);
    const list = (await h.req({ url: '/v1/keys', key: h.keys.admin })).body;
    assert.ok(list.includes(id));
    assert.ok(!list.includes(key), 'a listed key never shows the secret');
    const dbFiles = readdirSync(h.dir).map((f) => readFileSync(join(h.dir, f)).toString('latin1'));
    assert.ok(!dbFiles.some((b) => b.includes(key)), 'the key itself is not in the database');
    assert.equal((await h.req({ method: 'DELETE', url: `/v1/keys/${id}`, key: h.keys.admin })).statusCode, 200);
    const after = await h.req({ url: '/v1/stats', key });
    assert.equal(after.statusCode, 401);
    assert.equal(errorOf(after).code, 'FZ_ERR_BAD_KEY');
    assert.equal((await h.req({ method: 'DELETE', url: `/v1/keys/${id}`, key: h.keys.admin })).statusCode, 404);
    const badRole = await h.req({ method: 'POST', url: '/v1/keys', key: h.keys.admin, payload: { role: 'root' } });
    assert.equal(errorOf(badRole).code, 'FZ_ERR_VALIDATION');
    assert.equal(errorOf(badRole).field, 'role');
  });

  test('unauthenticated public access can be switched on; analyst endpoints still need a key', async () => {
    const open = await makeHarness({ publicAccess: true });
    try {
      assert.equal((await open.req({ method: 'POST', url: '/v1/analyze', payload: { text: 'x' }, key: null })).statusCode, 200);
      assert.equal((await open.req({ url: '/v1/lookup?phone=13800138000', key: null })).statusCode, 200);
      assert.equal((await open.req({ url: '/v1/reports', key: null })).statusCode, 403);
    } finally {
      await open.close();
    }
  });
});

describe('validation and errors', () => {
  let h: Harness;
  const boomEngine: Engine = {
    ...defaultEngine(),
    analyze: (text, o) => {
      if (text === 'BOOM') throw new Error('secret internal detail at /srv/x.ts:1');
      return defaultEngine().analyze(text, o);
    },
    // A batch that meets BOOM fails as a whole: the route then analyses its items one by one, so only BOOM errs.
    analyzeBatch: (items, o) => {
      if (items.some((i) => (typeof i === 'string' ? i : i.text) === 'BOOM')) throw new Error('secret internal detail at /srv/x.ts:1');
      return defaultEngine().analyzeBatch(items, o);
    },
  };
  before(async () => (h = await makeHarness({ bodyLimit: 4096 }, { engine: boomEngine })));
  after(() => h.close());

  const post = (payload: unknown, url = '/v1/analyze'): ReturnType<Harness['req']> =>
    h.req({ method: 'POST', url, payload: payload as string, headers: { 'content-type': 'application/json' } });

  test('text xor turns', async () => {
    assert.equal(errorOf(await post({})).code, 'FZ_ERR_ANALYZE_INPUT');
    assert.equal(errorOf(await post({ text: 'a', turns: [] })).code, 'FZ_ERR_ANALYZE_INPUT');
  });

  test('schema errors name the field', async () => {
    const e1 = errorOf(await post({ text: 'a', channel: 'fax' }));
    assert.equal(e1.code, 'FZ_ERR_VALIDATION');
    assert.equal(e1.field, 'channel');
    const e2 = errorOf(await post({ text: 'a', extra: 1 }));
    assert.equal(e2.field, 'extra');
    const e3 = errorOf(await post({ turns: [{ speaker: 'a' }] }));
    assert.equal(e3.field, 'turns/0/text');
    const e4 = errorOf(await post({ text: '' }));
    assert.equal(e4.code, 'FZ_ERR_VALIDATION');
    assert.equal(e4.field, 'text');
  });

  test('a text/plain body is 415, and NUL characters never reach the store', async () => {
    const plain = await h.req({ method: 'POST', url: '/v1/analyze', payload: '{"text":"hi"}', headers: { 'content-type': 'text/plain' } });
    assert.equal(plain.statusCode, 415);
    assert.equal(errorOf(plain).code, 'FZ_ERR_MEDIA_TYPE');
    const nul = await post('{"text":"\\u0000客服\\u0000加微信"}');
    assert.equal(nul.statusCode, 200, nul.body);
  });

  test('bad JSON, wrong media type, too large', async () => {
    const bad = await post('{"text": ');
    assert.equal(bad.statusCode, 400);
    assert.equal(errorOf(bad).code, 'FZ_ERR_BAD_JSON');
    const media = await h.req({ method: 'POST', url: '/v1/analyze', payload: 'text=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(media.statusCode, 415);
    assert.equal(errorOf(media).code, 'FZ_ERR_MEDIA_TYPE');
    const big = await post({ text: 'x'.repeat(5000) });
    assert.equal(big.statusCode, 413);
    assert.equal(errorOf(big).code, 'FZ_ERR_BODY_TOO_LARGE');
  });

  test('internal errors never leak details', async () => {
    const r = await post({ text: 'BOOM' });
    assert.equal(r.statusCode, 500);
    assert.deepEqual(r.json(), { error: { code: 'FZ_ERR_INTERNAL', message: ERRORS.FZ_ERR_INTERNAL.message } });
    assert.ok(!r.body.includes('secret') && !r.body.includes('.ts'));
  });

  test('docs/api.md documents every error code with its status', () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    for (const [c, e] of Object.entries(ERRORS)) assert.match(doc, new RegExp(`\\| \`${c}\` \\| ${e.status} \\|`), `${c} missing from docs/api.md`);
  });

  test('every error code in the catalogue has a 4xx/5xx status and is unique', () => {
    const codes = Object.keys(ERRORS);
    assert.equal(new Set(codes).size, codes.length);
    for (const [c, e] of Object.entries(ERRORS)) {
      assert.match(c, /^FZ_ERR_[A-Z_]+$/);
      assert.ok(e.status >= 400 && e.status < 600);
    }
  });

  test('batch: order kept, a bad item fails alone, size limits', async () => {
    const r = await post({ items: [{ text: '你好', id: 'a' }, { nope: 1 }, { turns: [{ speaker: '客服', text: '请提供验证码' }] }, { text: 'BOOM' }] }, '/v1/analyze/batch');
    assert.equal(r.statusCode, 200);
    const { results } = r.json() as { results: { index: number; id?: string; ok: boolean; error?: { code: string } }[] };
    assert.deepEqual(
      results.map((x) => [x.index, x.ok]),
      [
        [0, true],
        [1, false],
        [2, true],
        [3, false],
      ],
    );
    assert.equal(results[0]?.id, 'a');
    assert.equal(results[1]?.error?.code, 'FZ_ERR_VALIDATION');
    assert.equal(results[3]?.error?.code, 'FZ_ERR_INTERNAL');
    assert.equal(errorOf(await post({ items: [] }, '/v1/analyze/batch')).code, 'FZ_ERR_BATCH_SIZE');
    const tooMany = await post({ items: Array.from({ length: 1001 }, () => ({ text: 'a' })) }, '/v1/analyze/batch');
    assert.equal(tooMany.statusCode, 400);
  });
});

describe('batch answers equal single answers', () => {
  let h: Harness;
  before(async () => (h = await makeHarness()));
  after(() => h.close());

  test('120 items (senders, channels, transcripts, a bad one) answer as 120 single requests do', async () => {
    const texts = ['您的验证码为482913，请勿泄露给他人。', '我是淘宝客服，您的快递丢失了，加我微信给您双倍赔偿', '晚上一起吃饭吗', '【花呗调解通知】已进入调解程序，请联系调解员', 'Your parcel is held, pay the fee at http://usps-redeliver.top'];
    const items = Array.from({ length: 120 }, (_, i): Record<string, unknown> => {
      if (i === 61) return { text: '' };
      if (i % 17 === 5) return { id: `t${i}`, turns: [{ speaker: '客服', text: '您的订单有问题，请提供验证码' }, { speaker: '我', text: '好的' }] };
      const item: Record<string, unknown> = { id: `m${i}`, text: `${texts[i % 5]!} ${i}` };
      if (i % 3 === 0) item['sender'] = i % 2 === 0 ? '95588' : '+85251234567';
      if (i % 4 === 1) item['channel'] = 'chat';
      if (i % 7 === 2) item['detail'] = 'brief';
      return item;
    });
    const r = await h.req({ method: 'POST', url: '/v1/analyze/batch', payload: { items } });
    assert.equal(r.statusCode, 200, r.body);
    const { results } = r.json() as { results: { index: number; ok: boolean; result?: unknown; error?: { code: string } }[] };
    assert.equal(results.length, 120);
    for (let i = 0; i < 120; i++) {
      assert.equal(results[i]!.index, i);
      if (i === 61) {
        assert.equal(results[i]!.error?.code, 'FZ_ERR_VALIDATION');
        continue;
      }
      const { id: _id, ...body } = items[i]!;
      const single = await h.req({ method: 'POST', url: '/v1/analyze', payload: body });
      assert.equal(single.statusCode, 200, single.body);
      assert.deepEqual(results[i]!.result, single.json(), `item ${i}`);
    }
  });
});

describe('analyze, reports, reputation, review', () => {
  let h: Harness;
  before(async () => (h = await makeHarness()));
  after(() => h.close());

  const analyze = async (text: string, extra: Record<string, unknown> = {}): Promise<AnalyzeBody> => {
    const r = await h.req({ method: 'POST', url: '/v1/analyze', payload: { text, ...extra } });
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as AnalyzeBody;
  };
  const report = async (key: string, body: Record<string, unknown>): Promise<{ id: string; directoryMatch: boolean; analysis: { verdict: string } | null }> => {
    const r = await h.req({ method: 'POST', url: '/v1/reports', key, payload: { kind: 'phone', category: 'fake_credit', ...body } });
    assert.equal(r.statusCode, 201, r.body);
    return r.json() as { id: string; directoryMatch: boolean; analysis: { verdict: string } | null };
  };
  const lookup = async (q: string): Promise<{ status: string; note: { zh: string }; reputation: { status: string; reporters: number; confirmed: number; mentions: number }; directory: { id: string } | null }> => {
    const r = await h.req({ url: `/v1/lookup?${q}` });
    assert.equal(r.statusCode, 200, r.body);
    return r.json();
  };
  const TEXT = '您好，您的征信有问题，请联系 15912345678 处理';

  test('analyze is never stored', async () => {
    const marker = 'UNIQUE-MARKER-分析不存储-7731';
    await analyze(`${marker} 13598765432`);
    await h.req({ method: 'POST', url: '/v1/analyze/batch', payload: { items: [{ text: marker }] } });
    assert.equal((await h.store.listReports({})).total, 0);
    const files = readdirSync(h.dir).map((f) => readFileSync(join(h.dir, f)));
    assert.ok(!files.some((b) => b.includes(Buffer.from(marker))), 'analyzed text reached the database');
  });

  test('distinct reporters count once and feed analyze as a signal', async () => {
    const before = await analyze(TEXT);
    assert.ok(!before.analysis.signals.some((s) => s.id.startsWith('REPUTATION_')));
    assert.equal(before.identifiers.find((i) => i.value === '15912345678')?.reputation.status, 'unknown');
    const k1 = await h.newKey('public');
    const k2 = await h.newKey('public');
    const k3 = await h.newKey('public');
    const first = await report(k1, { value: '+86 159 1234 5678', evidence: TEXT });
    assert.equal(first.analysis?.verdict !== undefined, true);
    await report(k1, { value: '15912345678' });
    await report(k1, { value: '15912345678' });
    assert.equal((await lookup('phone=15912345678')).reputation.reporters, 1);
    await report(k2, { value: '15912345678' });
    await report(k3, { value: '0086 15912345678' });
    const l = await lookup('phone=15912345678');
    assert.equal(l.status, 'reported');
    assert.equal(l.reputation.reporters, 3);
    const after = await analyze(TEXT);
    const sig = after.analysis.signals.find((s) => s.id === 'REPUTATION_REPORTED_MANY');
    assert.ok(sig, 'reputation signal missing');
    assert.equal(sig.category, 'fake_credit');
    assert.match(sig.explanation.zh, /被 3 人举报为/);
    assert.ok(after.analysis.score > before.analysis.score);
    assert.equal(after.identifiers.find((i) => i.value === '15912345678')?.reputation.reporters, 3);
  });

  test('confirm → confirmed signal, blocklist in three formats with ETag', async () => {
    const { items } = (await h.req({ url: '/v1/reports?phone=15912345678&limit=2', key: h.keys.analyst })).json() as { items: { id: string }[] };
    assert.equal(items.length, 2);
    const bl0 = await h.req({ url: '/v1/blocklist', key: h.keys.analyst });
    const etag0 = bl0.headers.etag as string;
    assert.deepEqual(bl0.json(), { count: 0, items: [] });
    const rv = await h.req({ method: 'POST', url: `/v1/reports/${items[0]!.id}/review`, key: h.keys.analyst, payload: { action: 'confirm', note: '已核实' } });
    assert.equal(rv.statusCode, 200);
    assert.equal(rv.json().status, 'confirmed');
    const l = await lookup('phone=15912345678');
    assert.equal(l.status, 'confirmed_scam');
    assert.match(l.note.zh, /1 次经审核确认/);
    const a = await analyze(TEXT);
    const sig = a.analysis.signals.find((s) => s.id === 'REPUTATION_CONFIRMED');
    assert.ok(sig);
    assert.match(sig.explanation.zh, /被 3 人举报为.*1 次经审核确认/);
    const bl = await h.req({ url: '/v1/blocklist', key: h.keys.analyst });
    assert.notEqual(bl.headers.etag, etag0);
    assert.equal(bl.json().items[0].value, '15912345678');
    const same = await h.req({ url: '/v1/blocklist', key: h.keys.analyst, headers: { 'if-none-match': bl.headers.etag as string } });
    assert.equal(same.statusCode, 304);
    const csv = await h.req({ url: '/v1/blocklist?format=csv', key: h.keys.analyst });
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(csv.body, /^kind,value,category,reporters,confirmed_at\nphone,15912345678,fake_credit,3,/);
    const txt = await h.req({ url: '/v1/blocklist', key: h.keys.analyst, headers: { accept: 'text/plain' } });
    assert.equal(txt.body, '15912345678\n');
    assert.equal((await h.req({ url: '/v1/blocklist' })).statusCode, 403);
  });

  test('reject, merge and missing reports', async () => {
    const k = await h.newKey('public');
    const a = await report(k, { value: '15811112222' });
    const b = await report(k, { value: '15811112222' });
    const bad = await h.req({ method: 'POST', url: `/v1/reports/${b.id}/review`, key: h.keys.analyst, payload: { action: 'merge', into: 'r_missing' } });
    assert.equal(errorOf(bad).code, 'FZ_ERR_MERGE_TARGET');
    const m = await h.req({ method: 'POST', url: `/v1/reports/${b.id}/review`, key: h.keys.analyst, payload: { action: 'merge', into: a.id } });
    assert.equal(m.json().mergedInto, a.id);
    await h.req({ method: 'POST', url: `/v1/reports/${a.id}/review`, key: h.keys.analyst, payload: { action: 'reject', note: '是正常催收' } });
    await h.req({ method: 'POST', url: `/v1/reports/${b.id}/review`, key: h.keys.analyst, payload: { action: 'reject' } });
    assert.equal((await lookup('phone=15811112222')).status, 'cleared');
    const cleared = await analyze('请回电 15811112222');
    assert.ok(cleared.analysis.signals.some((s) => s.id === 'REPUTATION_CLEARED'));
    const nf = await h.req({ method: 'POST', url: '/v1/reports/r_nothing/review', key: h.keys.analyst, payload: { action: 'confirm' } });
    assert.equal(nf.statusCode, 404);
    assert.equal(errorOf(nf).code, 'FZ_ERR_NOT_FOUND');
  });

  test('directory numbers are never made scam by reports: they are queued for an analyst', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await report(await h.newKey('public'), { value: '95188', category: 'fake_customer_service' });
      assert.equal(r.directoryMatch, true);
    }
    const l = await lookup('phone=95188');
    assert.equal(l.status, 'pending_review');
    assert.equal(l.directory?.id, 'alipay');
    assert.equal(l.reputation.reporters, 5);
    const a = await analyze('【支付宝】您的账户存在风险，请致电 95188');
    assert.ok(!a.analysis.signals.some((s) => s.id.startsWith('REPUTATION_')));
    const queue = (await h.req({ url: '/v1/reports?directory=true&status=pending', key: h.keys.analyst })).json() as { total: number };
    assert.equal(queue.total, 5);
    const official = await lookup('url=https://www.alipay.com/x');
    assert.equal(official.status, 'official');
    const lookalike = await lookup('url=alipay.com.refund-help.cn');
    assert.equal(lookalike.directory, null);
  });

  test('reports mask numbers unless the reporter consents; masked numbers still match by hash', async () => {
    const k = await h.newKey('public');
    const ev = '对方让我转账到 6222021234567890123，身份证 110101199003074514，另一个号码 13711112222';
    const masked = await report(k, { kind: 'sms', value: '10690000', evidence: ev, contact: '我的手机 13912345678', category: 'fake_credit' });
    const got = (await h.req({ url: `/v1/reports?phone=10690000`, key: h.keys.analyst })).json() as { items: { id: string; evidence: string; contact: string }[] };
    const row = got.items.find((x) => x.id === masked.id)!;
    assert.ok(!row.evidence.includes('6222021234567890123') && row.evidence.includes('6222***********0123'));
    assert.ok(!row.evidence.includes('110101199003074514') && row.evidence.includes('110***********4514'));
    assert.ok(row.evidence.includes('137****2222'));
    assert.equal(row.contact, '我的手机 139****5678');
    assert.ok((await lookup('phone=13711112222')).reputation.mentions >= 1);
    const kept = await report(k, { kind: 'sms', value: '10690001', evidence: ev, consent: true, category: 'fake_credit' });
    const raw = (await h.store.getReport(kept.id))!;
    assert.equal(raw.evidence, ev);
    assert.equal(raw.consent, true);
  });

  test('report validation', async () => {
    const bad = await h.req({ method: 'POST', url: '/v1/reports', payload: { kind: 'phone', value: 'not a number', category: 'fake_credit' } });
    assert.equal(errorOf(bad).code, 'FZ_ERR_BAD_IDENTIFIER');
    assert.equal(errorOf(bad).field, 'value');
    const cat = await h.req({ method: 'POST', url: '/v1/reports', payload: { kind: 'phone', value: '13800138000', category: 'nope' } });
    assert.equal(errorOf(cat).field, 'category');
    const im = await h.req({ method: 'POST', url: '/v1/reports', payload: { kind: 'im_handle', value: 'wxid_abc', platform: 'wechat', category: 'romance', time: '2026-11-01T08:00:00Z' } });
    assert.equal(im.statusCode, 201);
    const time = await h.req({ method: 'POST', url: '/v1/reports', payload: { kind: 'url', value: 'http://a.cn', category: 'phishing', time: 'yesterday' } });
    assert.equal(errorOf(time).field, 'time');
  });

  test('lookup: unknown never reads as safe; parameter errors', async () => {
    const u = await lookup('phone=13344445555');
    assert.equal(u.status, 'unknown');
    assert.match(u.note.zh, /未知不等于安全/);
    assert.equal(errorOf(await h.req({ url: '/v1/lookup' })).code, 'FZ_ERR_LOOKUP_PARAMS');
    assert.equal(errorOf(await h.req({ url: '/v1/lookup?phone=1&url=a.cn' })).code, 'FZ_ERR_LOOKUP_PARAMS');
    const bad = errorOf(await h.req({ url: '/v1/lookup?phone=abc' }));
    assert.equal(bad.code, 'FZ_ERR_BAD_IDENTIFIER');
    assert.equal(bad.field, 'phone');
    // The URL parser takes a 2,040-character label; DNS allows 63.
    const long = errorOf(await h.req({ url: `/v1/lookup?url=${'a'.repeat(2040)}.cn` }));
    assert.equal(long.code, 'FZ_ERR_BAD_IDENTIFIER');
    assert.equal(long.field, 'url');
    assert.equal((await lookup(`url=${'a'.repeat(63)}.cn`)).status, 'unknown');
    assert.equal((await lookup('handle=wxid_abc')).status, 'reported');
  });

  test('feedback is stored (masked) and feeds the identifier', async () => {
    const f = await h.req({ method: 'POST', url: '/v1/feedback', payload: { target: 'lookup', kind: 'false_alarm', phone: '15811112222', verdict: 'reported', note: '这是我朋友 13600001111' } });
    assert.equal(f.statusCode, 201);
    const g = await h.req({ method: 'POST', url: '/v1/feedback', payload: { target: 'analysis', kind: 'missed_scam', text: '转账到 6222021234567890123', verdict: 'safe' } });
    assert.equal(g.statusCode, 201);
    assert.equal(errorOf(await h.req({ method: 'POST', url: '/v1/feedback', payload: { target: 'lookup', kind: 'false_alarm' } })).code, 'FZ_ERR_LOOKUP_PARAMS');
    const list = (await h.req({ url: '/v1/feedback', key: h.keys.analyst })).json() as { items: { subject: string; note: string | null }[] };
    assert.equal(list.items.length, 2);
    assert.ok(list.items.some((i) => i.subject === '转账到 6222***********0123'));
    assert.ok(list.items.some((i) => i.note === '这是我朋友 136****1111'));
    const rep = (await h.req({ url: '/v1/lookup?phone=15811112222' })).json() as { reputation: { feedback: { falseAlarms: number } } };
    assert.equal(rep.reputation.feedback.falseAlarms, 1);
  });

  test('stats by category, day and top identifiers', async () => {
    const s = (await h.req({ url: '/v1/stats?days=7&top=3', key: h.keys.analyst })).json() as {
      total: number;
      byCategory: { category: string; reports: number }[];
      byDay: { day: string; reports: number }[];
      topIdentifiers: { value: string; reporters: number }[];
      byStatus: Record<string, number>;
    };
    assert.ok(s.total >= 14);
    assert.equal(s.byDay.length, 1);
    assert.equal(s.byDay[0]?.reports, s.total);
    assert.equal(s.topIdentifiers.length, 3);
    assert.equal(s.topIdentifiers[0]?.value, '95188');
    assert.equal(s.topIdentifiers[0]?.reporters, 5);
    assert.ok(s.byCategory.some((c) => c.category === 'fake_credit'));
    assert.equal(s.byStatus['confirmed'], 1);
    assert.equal(errorOf(await h.req({ url: '/v1/stats?days=0', key: h.keys.analyst })).field, 'days');
  });
});

describe('analyze input types', () => {
  test('a text that is not a string is refused, not coerced ("123"), and lengths count as the engine counts them', async () => {
    const h = await makeHarness({ publicAccess: true });
    try {
      for (const text of [123, null, true, ['a']]) {
        const r = await h.req({ method: 'POST', url: '/v1/analyze', payload: { text } });
        assert.equal(r.statusCode, 400, JSON.stringify(text));
        assert.equal(errorOf(r).field, 'text');
      }
      // 60,000 emoji are 120,000 UTF-16 units: over the limit for a single analysis and a batch item alike.
      const emoji = '😀'.repeat(60_000);
      assert.equal((await h.req({ method: 'POST', url: '/v1/analyze', payload: { text: emoji } })).statusCode, 400);
      const batch = (await h.req({ method: 'POST', url: '/v1/analyze/batch', payload: { items: [{ text: emoji }] } })).json() as { results: { ok: boolean }[] };
      assert.equal(batch.results[0]?.ok, false);
    } finally {
      await h.close();
    }
  });
});

describe('query dates', () => {
  test('a date-time the schema lets through but Date cannot read (a leap second) is a 400, not an empty list', async () => {
    const h = await makeHarness();
    try {
      const r = await h.req({ url: '/v1/reports?until=2026-12-31T23:59:60Z', key: h.keys.analyst });
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(errorOf(r).field, 'until');
    } finally {
      await h.close();
    }
  });
});

describe('rate limits', () => {
  test('per key, by role, with Retry-After', async () => {
    const h = await makeHarness({ rateLimits: { public: 3, analyst: 100, admin: 100, perIp: 1000, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await h.req({ url: '/v1/lookup?phone=13800138000' })).statusCode, 200);
      const r = await h.req({ url: '/v1/lookup?phone=13800138000' });
      assert.equal(r.statusCode, 429);
      assert.equal(errorOf(r).code, 'FZ_ERR_RATE_LIMITED');
      assert.ok(Number(r.headers['retry-after']) > 0);
      const other = await h.newKey('public');
      assert.equal((await h.req({ url: '/v1/lookup?phone=13800138000', key: other })).statusCode, 200);
      assert.equal((await h.req({ url: '/v1/lookup?phone=13800138000', key: h.keys.analyst })).statusCode, 200);
      assert.equal((await h.req({ url: '/healthz', key: null })).statusCode, 200);
    } finally {
      await h.close();
    }
  });

  test('a batch of n items costs n requests; one that does not fit is refused whole and costs one', async () => {
    // An hour-long window: the test does not straddle a window boundary.
    const h = await makeHarness({ rateLimits: { public: 10, analyst: 100, admin: 100, perIp: 1000, windowMs: 3_600_000 } });
    try {
      const batch = (n: number) => h.req({ method: 'POST', url: '/v1/analyze/batch', payload: { items: Array.from({ length: n }, (_, i) => ({ text: `消息 ${i}` })) } });
      assert.equal((await batch(8)).statusCode, 200, '8 of 10');
      const refused = await batch(5);
      assert.equal(refused.statusCode, 429, '8 + 5 > 10');
      assert.equal(errorOf(refused).code, 'FZ_ERR_RATE_LIMITED');
      assert.match(errorOf(refused).message, /counts as 5/);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      // The refused batch cost its one request (9), so one single analysis still fits (10) and the next does not.
      assert.equal((await h.req({ method: 'POST', url: '/v1/analyze', payload: { text: '你好' } })).statusCode, 200);
      assert.equal((await h.req({ method: 'POST', url: '/v1/analyze', payload: { text: '你好' } })).statusCode, 429);
    } finally {
      await h.close();
    }
  });

  test('a batch counts against the analyze queue bound: more items than it holds get 503 FZ_ERR_BUSY', async () => {
    const h = await makeHarness({ analyzeQueueLimit: 40, rateLimits: { public: 1e6, analyst: 1e6, admin: 1e6, perIp: 1e6, windowMs: 60_000 } });
    try {
      const batch = (n: number) => h.req({ method: 'POST', url: '/v1/analyze/batch', payload: { items: Array.from({ length: n }, () => ({ text: '你好' })) } });
      const busy = await batch(41);
      assert.equal(busy.statusCode, 503);
      assert.equal(errorOf(busy).code, 'FZ_ERR_BUSY');
      assert.equal(busy.headers['retry-after'], '1');
      assert.equal((await batch(40)).statusCode, 200);
      // Its slots were given back: the same batch fits again.
      assert.equal((await batch(40)).statusCode, 200);
    } finally {
      await h.close();
    }
  });

  test('per address, whatever the key', async () => {
    const h = await makeHarness({ rateLimits: { public: 100, analyst: 100, admin: 100, perIp: 4, windowMs: 60_000 } });
    try {
      const codes = [];
      for (let i = 0; i < 6; i++) codes.push((await h.req({ url: '/v1/lookup?phone=13800138000', key: await h.newKey('public') })).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 200, 429, 429]);
    } finally {
      await h.close();
    }
  });
});

describe('web app at /', () => {
  test('serves web/dist files, falls back to index.html for app routes, keeps /v1 JSON', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const web = mkdtempSync(join(tmpdir(), 'fanzha-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>反诈</title><div id="app"></div>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const h = await makeHarness({ webRoot: web });
    try {
      const root = await h.req({ url: '/', key: null });
      assert.equal(root.statusCode, 200);
      assert.match(root.body, /<title>反诈<\/title>/);
      for (const p of ['/learn/x', '/report', '/lookup', '/analyst']) {
        const r = await h.req({ url: p, key: null });
        assert.equal(r.statusCode, 200, p);
        assert.match(r.headers['content-type'] as string, /text\/html/);
      }
      assert.equal((await h.req({ url: '/assets/app.js', key: null })).body, 'console.log(1)');
      assert.equal((await h.req({ url: '/assets/missing.js', key: null })).statusCode, 404);
      const api404 = await h.req({ url: '/v1/nothing', key: null });
      assert.equal(api404.statusCode, 404);
      assert.equal(errorOf(api404).code, 'FZ_ERR_NOT_FOUND');
      assert.equal((await h.req({ method: 'POST', url: '/report', key: null })).statusCode, 404);
    } finally {
      await h.close();
      rmSync(web, { recursive: true, force: true });
    }
  });
});

describe('lookup with the intelligence checkers (src/intel)', () => {
  test('checker findings appear; a look-alike link with no reports reads suspicious, never safe', async () => {
    const h = await makeHarness({}, { intel: undefined });
    try {
      const r = (await h.req({ url: '/v1/lookup?url=' + encodeURIComponent('http://alipay.com.refund-help.cn/login') })).json() as {
        status: string;
        checks: { risk: string; findings: { id: string }[] } | null;
      };
      assert.ok(r.checks, 'src/intel is present, so checks must be filled');
      assert.ok(['high', 'medium'].includes(r.checks.risk), JSON.stringify(r.checks).slice(0, 300));
      assert.equal(r.status, 'suspicious');
      const p = (await h.req({ url: '/v1/lookup?phone=95188' })).json() as { status: string; checks: { risk: string } | null };
      assert.equal(p.status, 'official');
      assert.ok(p.checks && p.checks.risk !== 'safe');
    } finally {
      await h.close();
    }
  });
});

describe('hostile input never crashes the service', () => {
  test('property: random JSON to analyze, batch, reports, lookup → a 2xx or a catalogued 4xx, never 500', async () => {
    const fc = (await import('fast-check')).default;
    const h = await makeHarness({ rateLimits: { public: 1e9, analyst: 1e9, admin: 1e9, perIp: 1e9, windowMs: 60_000 } });
    try {
      const codes = new Set(Object.keys(ERRORS));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/v1/analyze', '/v1/analyze/batch', '/v1/reports', '/v1/feedback'),
          fc.oneof(fc.jsonValue(), fc.record({ items: fc.array(fc.jsonValue(), { maxLength: 5 }) }), fc.record({ text: fc.jsonValue(), turns: fc.jsonValue(), sender: fc.jsonValue() })),
          async (url, body) => {
            const r = await h.req({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
            assert.ok(r.statusCode < 500, `${url} ${JSON.stringify(body).slice(0, 200)} → ${r.statusCode} ${r.body.slice(0, 200)}`);
            if (r.statusCode >= 400) assert.ok(codes.has(errorOf(r).code));
            if (url === '/v1/analyze/batch' && r.statusCode === 200) {
              const items = (body as { items: unknown[] }).items;
              assert.equal((r.json() as { results: unknown[] }).results.length, items.length);
            }
          },
        ),
        { numRuns: 150 },
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('phone', 'url', 'account', 'handle'), fc.string({ maxLength: 80 }), async (p, v) => {
          const r = await h.req({ url: `/v1/lookup?${p}=${encodeURIComponent(v)}` });
          assert.ok(r.statusCode < 500, `${p}=${v} → ${r.statusCode}`);
          if (r.statusCode === 200) assert.notEqual((r.json() as { status: string }).status, 'safe');
        }),
        { numRuns: 150 },
      );
    } finally {
      await h.close();
    }
  });
});
