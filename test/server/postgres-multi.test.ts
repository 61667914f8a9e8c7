/**
 * Two `fanzha serve` processes on one real PostgreSQL behave as one service: they migrate together at start,
 * a key created through one works on the other, revocation reaches both, and reports sent to both count once
 * per reporter. The API suite's key flows also run here against PostgreSQL through app.inject.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PostgresStore } from '../../src/store/postgres.js';
import { pgSkipReason, startPostgres, type PgCluster } from '../helpers/postgres.js';
import { makeHarness } from './harness.js';
import { api, cli, startServe, type ServeProc } from './proc.js';

const skip = pgSkipReason();
if (skip) console.log(`# ${skip}`);
let cluster: PgCluster | null = null;
const running: ServeProc[] = [];
before(async () => {
  if (!skip) cluster = await startPostgres();
});
after(() => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  cluster?.stop();
});

test('two serve processes on one PostgreSQL act as one service', { skip: skip ?? false, timeout: 180_000 }, async () => {
  const url = await cluster!.createDatabase('multi');
  const env = { DATABASE_URL: url, FANZHA_KEY_CACHE_SECONDS: '0' };
  // Both start (and migrate) at the same time.
  const [a, b] = await Promise.all([startServe(['--no-public'], env), startServe(['--no-public'], env)]);
  running.push(a, b);
  assert.equal(((await api(a.url, '/readyz')).json as { store: string }).store, 'postgres');

  const admin = (await cli(['keys', 'create', '--role', 'admin'], env)).trim();
  const mk = async (role: string): Promise<string> => {
    const r = await api(a.url, '/v1/keys', { method: 'POST', key: admin, body: { role } });
    assert.equal(r.status, 201);
    return (r.json as { key: string }).key;
  };
  const analyst = await mk('analyst');
  assert.equal((await api(b.url, '/v1/reports', { key: analyst })).status, 200, 'a key made on A works on B');

  const p1 = await mk('public');
  const p2 = await mk('public');
  const report = { kind: 'phone', value: '16612345678', category: 'task_rebate' };
  const sent = await Promise.all([
    api(a.url, '/v1/reports', { method: 'POST', key: p1, body: report }),
    api(b.url, '/v1/reports', { method: 'POST', key: p1, body: report }),
    api(b.url, '/v1/reports', { method: 'POST', key: p1, body: report }),
    api(a.url, '/v1/reports', { method: 'POST', key: p2, body: report }),
  ]);
  assert.deepEqual(
    sent.map((s) => s.status),
    [201, 201, 201, 201],
  );
  for (const s of [a, b]) {
    const l = (await api(s.url, '/v1/lookup?phone=16612345678', { key: p1 })).json as { reputation: { reporters: number; reports: number } };
    assert.equal(l.reputation.reporters, 2);
    assert.equal(l.reputation.reports, 4);
  }
  const statsB = (await api(b.url, '/v1/stats', { key: analyst })).json as { total: number };
  assert.equal(statsB.total, 4);

  // Revoked through B, refused by A.
  const list = (await api(b.url, '/v1/keys', { key: admin })).json as { items: { id: string; role: string }[] };
  const analystId = list.items.find((k) => k.role === 'analyst')!.id;
  assert.equal((await api(b.url, `/v1/keys/${analystId}`, { method: 'DELETE', key: admin })).status, 200);
  assert.equal((await api(a.url, '/v1/reports', { key: analyst })).status, 401);

  a.child.kill('SIGTERM');
  b.child.kill('SIGTERM');
  assert.equal((await a.exited).code, 0);
  assert.equal((await b.exited).code, 0);
});

test('rate limits hold across two serve processes on one PostgreSQL', { skip: skip ?? false, timeout: 180_000 }, async () => {
  const DAY = 86_400_000; // windows are aligned to the clock: a day-long one is not crossed during the test
  const env = {
    DATABASE_URL: await cluster!.createDatabase('ratelimit'),
    FANZHA_RATE_LIMIT_PUBLIC: '6',
    FANZHA_RATE_LIMIT_IP: '10',
    FANZHA_RATE_LIMIT_WINDOW_MS: String(DAY),
    FANZHA_RATE_LIMIT_SYNC_MS: '50',
  };
  const window = Math.floor(Date.now() / DAY);
  const [a, b] = await Promise.all([startServe(['--public'], env), startServe(['--public'], env)]);
  running.push(a, b);
  const [k1, k2] = [(await cli(['keys', 'create', '--role', 'public'], env)).trim(), (await cli(['keys', 'create', '--role', 'public'], env)).trim()];
  // One request at a time, each after both processes have exchanged their counts (several sync intervals).
  const call = async (s: ServeProc, key: string): Promise<{ status: number; code?: string; retryAfter: string | null }> => {
    await new Promise((r) => setTimeout(r, 300));
    const r = await fetch(`${s.url}/v1/lookup?phone=13800138000`, { headers: { authorization: `Bearer ${key}` } });
    const body = (await r.json()) as { error?: { code: string } };
    return { status: r.status, ...(body.error ? { code: body.error.code } : {}), retryAfter: r.headers.get('retry-after') };
  };
  const statuses = async (seq: [ServeProc, string][]): Promise<number[]> => {
    const out: number[] = [];
    for (const [s, key] of seq) out.push((await call(s, key)).status);
    return out;
  };

  // Per key (6 per window): four through A, then B admits the remaining two; A, which only counted its own
  // four, refuses too. Each process alone would have admitted six.
  assert.deepEqual(await statuses([[a, k1], [a, k1], [a, k1], [a, k1]]), [200, 200, 200, 200]);
  assert.deepEqual(await statuses([[b, k1], [b, k1], [b, k1]]), [200, 200, 429]);
  const refused = await call(a, k1);
  assert.equal(refused.status, 429);
  assert.equal(refused.code, 'FZ_ERR_RATE_LIMITED');
  assert.ok(Number(refused.retryAfter) > 0);

  // Per address (10 per window, whatever the key): eight requests so far from this address; a fresh key gets two
  // more, alternating between the processes, then both refuse.
  assert.deepEqual(await statuses([[b, k2], [a, k2], [b, k2], [a, k2]]), [200, 200, 429, 429]);
  assert.equal(Math.floor(Date.now() / DAY), window, 'the test crossed a rate-limit window (midnight UTC): run it again');

  a.child.kill('SIGTERM');
  b.child.kill('SIGTERM');
  assert.equal((await a.exited).code, 0);
  assert.equal((await b.exited).code, 0);
});

test('the HTTP API on PostgreSQL (app.inject): reports, reputation, blocklist', { skip: skip ?? false, timeout: 60_000 }, async () => {
  const url = await cluster!.createDatabase('inject');
  const h = await makeHarness({}, {}, () => PostgresStore.open(url));
  try {
    for (let i = 0; i < 3; i++) {
      const r = await h.req({ method: 'POST', url: '/v1/reports', key: await h.newKey('public'), payload: { kind: 'url', value: 'https://pay-refund.example.cn/x', category: 'phishing' } });
      assert.equal(r.statusCode, 201);
    }
    const a = (await h.req({ method: 'POST', url: '/v1/analyze', payload: { text: '退款请点 http://pay-refund.example.cn/login' } })).json() as {
      analysis: { signals: { id: string; explanation: { zh: string } }[] };
    };
    const sig = a.analysis.signals.find((s) => s.id === 'REPUTATION_REPORTED_MANY');
    assert.ok(sig);
    assert.match(sig.explanation.zh, /被 3 人举报为/);
    const { items } = (await h.req({ url: '/v1/reports?url=pay-refund.example.cn', key: h.keys.analyst })).json() as { items: { id: string }[] };
    assert.equal(items.length, 3);
    await h.req({ method: 'POST', url: `/v1/reports/${items[0]!.id}/review`, key: h.keys.analyst, payload: { action: 'confirm' } });
    const bl = await h.req({ url: '/v1/blocklist?format=txt', key: h.keys.analyst });
    assert.equal(bl.body, 'pay-refund.example.cn\n');
    const ready = (await h.req({ url: '/readyz', key: null })).json() as { store: string };
    assert.equal(ready.store, 'postgres');
  } finally {
    await h.close();
  }
});
