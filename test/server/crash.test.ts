/**
 * Crash safety of a real `fanzha serve` on SQLite: concurrent report writes, SIGKILL mid-flight, restart on the
 * same data directory; every acknowledged report must be there, and no report may be half-written.
 * Also: SIGTERM shuts down gracefully, and `fanzha keys` works on the same data directory.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { api, cli, startServe, type ServeProc } from './proc.js';

const dir = mkdtempSync(join(tmpdir(), 'fanzha-crash-'));
const running: ServeProc[] = [];
after(() => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Sent {
  n: number;
  id: string;
}

test('every acknowledged report survives SIGKILL; none is half-written', { timeout: 180_000 }, async () => {
  const analystKey = (await cli(['keys', 'create', '--role', 'analyst', '--data-dir', dir])).trim();
  assert.match(analystKey, /^fz_/);
  const s1 = await startServe(['--data-dir', dir, '--public']);
  running.push(s1);
  const acked: Sent[] = [];
  let n = 0;
  let stop = false;
  const worker = async (): Promise<void> => {
    while (!stop) {
      const i = n++;
      const body = {
        kind: 'phone',
        value: `1391${String(i).padStart(7, '0')}`,
        category: 'fake_customer_service',
        description: `crash test #${i}`,
        evidence: `crash evidence #${i} ${'证据'.repeat(200)}`,
        consent: true,
      };
      try {
        const r = await fetch(`${s1.url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        if (r.status === 201) acked.push({ n: i, id: ((await r.json()) as { id: string }).id });
      } catch {
        return; // the server died under us: this write was never acknowledged
      }
    }
  };
  const workers = Array.from({ length: 16 }, () => worker());
  // Kill while writes are in flight, once a good number have been acknowledged.
  while (acked.length < 300) await new Promise((r) => setTimeout(r, 20));
  s1.child.kill('SIGKILL');
  const exit = await s1.exited;
  stop = true;
  await Promise.all(workers);
  assert.equal(exit.signal, 'SIGKILL');
  assert.ok(acked.length >= 300);

  const s2 = await startServe(['--data-dir', dir, '--public']);
  running.push(s2);
  const seen = new Map<string, { description: string; evidence: string; subjectValue: string; kind: string; category: string; status: string }>();
  for (let offset = 0; ; offset += 500) {
    const page = await api(s2.url, `/v1/reports?limit=500&offset=${offset}`, { key: analystKey });
    assert.equal(page.status, 200);
    const { items } = page.json as { items: { id: string; description: string; evidence: string; subjectValue: string; kind: string; category: string; status: string }[] };
    for (const it of items) seen.set(it.id, it);
    if (items.length < 500) break;
  }
  for (const a of acked) assert.ok(seen.has(a.id), `acknowledged report ${a.id} (#${a.n}) lost`);
  // Every stored report is whole: its fields agree with each other as sent.
  for (const [id, r] of seen) {
    const m = /^crash test #(\d+)$/.exec(r.description);
    assert.ok(m, `report ${id} has a broken description`);
    const i = Number(m[1]);
    assert.equal(r.subjectValue, `1391${String(i).padStart(7, '0')}`);
    assert.equal(r.evidence, `crash evidence #${i} ${'证据'.repeat(200)}`);
    assert.equal(r.kind, 'phone');
    assert.equal(r.category, 'fake_customer_service');
    assert.equal(r.status, 'pending');
  }
  assert.ok(seen.size >= acked.length && seen.size <= n);

  // SIGTERM: a request still in flight (its body half sent) is finished, then the database closes and we exit 0.
  const port = Number(new URL(s2.url).port);
  const body = JSON.stringify({ text: '您好，我是客服，请把验证码告诉我', channel: 'sms' });
  const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/v1/analyze', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => {
      s2.child.kill('SIGTERM');
      setTimeout(() => req.end(body.slice(10)), 300);
    }, 200);
  });
  const res = await inFlight;
  assert.equal(res.status, 200, res.body);
  assert.ok((JSON.parse(res.body) as { analysis: { verdict: string } }).analysis.verdict);
  const e2 = await s2.exited;
  assert.equal(e2.code, 0, s2.logs.join(''));
  assert.match(s2.logs.join(''), /"msg":"closed"/);
  const db = new Database(join(dir, 'fanzha.sqlite'), { readonly: true });
  try {
    assert.equal((db.pragma('integrity_check') as { integrity_check: string }[])[0]?.integrity_check, 'ok');
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n, seen.size);
  } finally {
    db.close();
  }
});

test('fanzha keys create | list | revoke on the data directory', { timeout: 60_000 }, async () => {
  const created = JSON.parse(await cli(['keys', 'create', '--role', 'admin', '--name', 'ops', '--json', '--data-dir', dir])) as { id: string; key: string; role: string };
  assert.equal(created.role, 'admin');
  const list = await cli(['keys', 'list', '--data-dir', dir]);
  assert.match(list, new RegExp(`${created.id}\\tadmin\\tactive`));
  assert.ok(!list.includes(created.key));
  await cli(['keys', 'revoke', created.id, '--data-dir', dir]);
  assert.match(await cli(['keys', 'list', '--data-dir', dir]), new RegExp(`${created.id}\\tadmin\\trevoked`));
  await assert.rejects(cli(['keys', 'create', '--role', 'root', '--data-dir', dir]));
});

test('--workers 2 serves one data directory from two processes and stops cleanly', { timeout: 90_000 }, async () => {
  const wdir = mkdtempSync(join(tmpdir(), 'fanzha-workers-'));
  try {
    const s = await startServe(['--data-dir', wdir, '--public', '--workers', '2']);
    running.push(s);
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api(s.url, '/v1/reports', { method: 'POST', body: { kind: 'phone', value: `1380000${String(i).padStart(4, '0')}`, category: 'other_scam' } })),
    );
    assert.deepEqual(new Set(sent.map((r) => r.status)), new Set([201]));
    const pids = new Set<number>();
    for (let i = 0; i < 300 && pids.size < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const ready = s.logs.join('').match(/"pid":(\d+)[^\n]*fanzha ready/g) ?? [];
      for (const line of ready) pids.add(Number(/"pid":(\d+)/.exec(line)![1]));
    }
    assert.equal(pids.size, 2, 'two workers reported ready');
    s.child.kill('SIGTERM');
    assert.equal((await s.exited).code, 0);
    const db = new Database(join(wdir, 'fanzha.sqlite'), { readonly: true });
    try {
      assert.equal((db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n, 20);
    } finally {
      db.close();
    }
  } finally {
    rmSync(wdir, { recursive: true, force: true });
  }
});
