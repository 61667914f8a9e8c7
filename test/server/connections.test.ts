/**
 * What a client on a real socket can hold (session 8 review): a body trickled in a byte at a time, a connection that
 * sends nothing, a batch whose client hung up. Real server listening on loopback, real SQLite store.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { defaultEngine } from '../../src/default-engine.js';
import type { Engine } from '../../src/engine.js';
import { SQLITE_FILE } from '../../src/store/sqlite.js';
import { makeHarness, type Harness } from './harness.js';

async function listening(h: Harness): Promise<number> {
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const a = h.app.server.address();
  return typeof a === 'object' && a ? a.port : 0;
}

/** Resolves with the ms until the server closes the socket (or rejects after `within` ms). */
function closedWithin(socket: Socket, within: number): Promise<number> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still open after ${within} ms`)), within);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - t0);
    });
    socket.on('error', () => undefined);
    socket.resume();
  });
}

describe('connections', () => {
  test('a request body trickled in a byte at a time is cut off after requestTimeoutMs', async () => {
    const h = await makeHarness({ publicAccess: true, requestTimeoutMs: 800, idleTimeoutMs: 0 });
    try {
      const port = await listening(h);
      const s = connect(port, '127.0.0.1');
      s.write('POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
      const trickle = setInterval(() => s.write(' '), 200);
      try {
        // The trickle keeps the socket busy, so only the request timeout can close it.
        assert.ok((await closedWithin(s, 8000)) >= 700);
      } finally {
        clearInterval(trickle);
        s.destroy();
      }
    } finally {
      await h.close();
    }
  });

  test('a connection without any traffic is closed after idleTimeoutMs', async () => {
    const h = await makeHarness({ publicAccess: true, requestTimeoutMs: 0, idleTimeoutMs: 500 });
    try {
      const s = connect(await listening(h), '127.0.0.1');
      assert.ok((await closedWithin(s, 8000)) >= 400);
    } finally {
      await h.close();
    }
  });

  test('a batch whose client hung up stops early and gives its queue places back', { timeout: 60_000 }, async () => {
    const inner = defaultEngine();
    let analysed = 0;
    const engine: Engine = {
      ...inner,
      analyze: (text, o) => {
        analysed++;
        return inner.analyze(text, o);
      },
      // The route analyses a group of 50 texts at once.
      analyzeBatch: (items, o) => {
        analysed += items.length;
        return inner.analyzeBatch(items, o);
      },
    };
    const h = await makeHarness({ publicAccess: true, analyzeQueueLimit: 1000, rateLimits: { public: 1e6, analyst: 1e6, admin: 1e6, perIp: 1e6, windowMs: 60_000 } }, { engine });
    try {
      const port = await listening(h);
      // 800 items of about 6,000 characters: seconds of work.
      const text = '您好，我是淘宝客服，您的订单异常需要退款，请加微信 tb_kefu 并提供验证码。'.repeat(150);
      const body = JSON.stringify({ items: Array.from({ length: 800 }, () => ({ text })) });
      await new Promise<void>((resolve) => {
        const r = request({ port, host: '127.0.0.1', method: 'POST', path: '/v1/analyze/batch', headers: { 'content-type': 'application/json' } });
        r.on('error', () => resolve());
        r.on('response', (res) => {
          res.resume();
          resolve();
        });
        r.end(body);
        // Hang up once the server has started on the items.
        const wait = setInterval(() => {
          if (analysed > 0) {
            clearInterval(wait);
            r.destroy();
            resolve();
          }
        }, 5);
      });
      await new Promise((r) => setTimeout(r, 1500));
      const after = analysed;
      assert.ok(after < 800, `analysed ${after} of 800 items for a client that had gone`);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(analysed, after, 'and nothing more afterwards');
      // Its places in the queue are free again: a batch as large as the limit fits.
      const again = await h.req({ method: 'POST', url: '/v1/analyze/batch', payload: { items: Array.from({ length: 1000 }, () => ({ text: '你好' })) } });
      assert.equal(again.statusCode, 200);
    } finally {
      await h.close();
    }
  });

  test('batch bodies taken in at once are bounded (batchConcurrency): one more is refused before its body is read', async () => {
    const h = await makeHarness({ publicAccess: true, batchConcurrency: 1, rateLimits: { public: 1e6, analyst: 1e6, admin: 1e6, perIp: 1e6, windowMs: 60_000 } });
    try {
      const port = await listening(h);
      const body = JSON.stringify({ items: [{ text: '你好' }] });
      // The first batch sends its headers and half its body, and waits.
      const first = connect(port, '127.0.0.1');
      let firstAnswer = '';
      first.on('data', (d) => (firstAnswer += String(d)));
      first.write(`POST /v1/analyze/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 5)}`);
      await new Promise((r) => setTimeout(r, 200));
      const second = await fetch(`http://127.0.0.1:${port}/v1/analyze/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(second.status, 503);
      assert.equal(((await second.json()) as { error: { code: string } }).error.code, 'FZ_ERR_BUSY');
      assert.equal(second.headers.get('retry-after'), '1');
      // The first one completes, and its place is free again.
      first.write(body.slice(5));
      await new Promise<void>((resolve) => {
        const wait = setInterval(() => {
          if (firstAnswer.includes('"results"')) {
            clearInterval(wait);
            resolve();
          }
        }, 10);
      });
      assert.match(firstAnswer, /^HTTP\/1.1 200 /);
      first.destroy();
      await new Promise((r) => setTimeout(r, 50));
      const third = await fetch(`http://127.0.0.1:${port}/v1/analyze/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(third.status, 200);
    } finally {
      await h.close();
    }
  });

  test('malformed HTTP gets an answer in the error format, and the connection is closed', async () => {
    const h = await makeHarness({ publicAccess: true });
    try {
      const port = await listening(h);
      for (const [raw, status, code] of [
        ['GARBAGE\r\n\r\n', 400, 'FZ_ERR_BAD_HTTP'],
        [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`, 431, 'FZ_ERR_HEADERS_TOO_LARGE'],
      ] as const) {
        const answer = await new Promise<string>((resolve) => {
          const s = connect(port, '127.0.0.1');
          let got = '';
          s.on('data', (d) => (got += String(d)));
          s.on('close', () => resolve(got));
          s.on('error', () => resolve(got));
          s.write(raw);
        });
        assert.match(answer, new RegExp(`^HTTP/1.1 ${status} `));
        const json = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string } };
        assert.equal(json.error.code, code);
      }
    } finally {
      await h.close();
    }
  });
});

describe('bodies and the database under strain', () => {
  test('a body in another charset, or not UTF-8, is refused (never read as replacement characters)', async () => {
    const h = await makeHarness({ publicAccess: true });
    try {
      const gbk = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('"}')]);
      const declared = await h.req({ method: 'POST', url: '/v1/analyze', headers: { 'content-type': 'application/json; charset=gbk' }, payload: gbk });
      assert.equal(declared.statusCode, 415);
      assert.equal((declared.json() as { error: { code: string } }).error.code, 'FZ_ERR_MEDIA_TYPE');
      const undeclared = await h.req({ method: 'POST', url: '/v1/analyze', headers: { 'content-type': 'application/json' }, payload: gbk });
      assert.equal(undeclared.statusCode, 400);
      assert.match((undeclared.json() as { error: { message: string } }).error.message, /UTF-8/);
      const ok = await h.req({ method: 'POST', url: '/v1/analyze', headers: { 'content-type': 'application/json; charset=UTF-8' }, payload: Buffer.from('\ufeff{"text":"你好"}') });
      assert.equal(ok.statusCode, 200, ok.body);
    } finally {
      await h.close();
    }
  });

  test('a report while another process holds the SQLite write lock gets 503 FZ_ERR_STORE_BUSY with Retry-After', async () => {
    const h = await makeHarness({ publicAccess: true });
    const other = new Database(join(h.dir, SQLITE_FILE));
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      const r = await h.req({ method: 'POST', url: '/v1/reports', payload: { kind: 'phone', value: '13700000001', category: 'fake_credit' } });
      assert.equal(r.statusCode, 503, r.body);
      assert.equal((r.json() as { error: { code: string } }).error.code, 'FZ_ERR_STORE_BUSY');
      assert.equal(r.headers['retry-after'], '1');
      other.prepare('ROLLBACK').run();
      const again = await h.req({ method: 'POST', url: '/v1/reports', payload: { kind: 'phone', value: '13700000001', category: 'fake_credit' } });
      assert.equal(again.statusCode, 201, again.body);
    } finally {
      other.close();
      await h.close();
    }
  });
});
