/**
 * The rate limiter (src/server/rate-limit.ts): clock-aligned windows counted in memory, and counts shared
 * through the store so that several processes on one database enforce one limit. Two limiters on one SQLite
 * store stand in for two processes here; test/server/postgres-multi.test.ts runs two real `fanzha serve`
 * processes on one real PostgreSQL.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { MAX_KEYS, RateLimiter, startRateSync } from '../../src/server/rate-limit.js';
import { openSqliteStore, SQLITE_RATE_FILE } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { overriding } from '../helpers/store-override.js';

const W = 60_000;
const T0 = 1_800_000_000_000; // a window boundary (divisible by W)

describe('RateLimiter, in one process', () => {
  test('counts per key in clock-aligned windows, with the seconds left', () => {
    const l = new RateLimiter('key', W);
    const seen = [1, 2, 3, 4].map(() => l.hit('a', 3, T0 + 10_000));
    assert.deepEqual(
      seen.map((d) => d.exceeded),
      [false, false, false, true],
    );
    assert.deepEqual(
      seen.map((d) => d.count),
      [1, 2, 3, 4],
    );
    assert.equal(seen[3]!.retryAfter, 50);
    assert.equal(l.hit('b', 3, T0 + 10_000).exceeded, false, 'another key has its own count');
    // The next window starts at T0 + W, whatever the time of the first hit.
    assert.equal(l.hit('a', 3, T0 + W - 1).exceeded, true);
    assert.equal(l.hit('a', 3, T0 + W).exceeded, false);
    assert.equal(l.hit('a', 3, T0 + W + 999).retryAfter, 60);
  });

  test('charge adds a batch\'s other items when they fit, and nothing when they do not', () => {
    const l = new RateLimiter('key', W);
    l.hit('a', 10, T0);
    assert.deepEqual(l.charge('a', 10, 7, T0), { exceeded: false, count: 8, retryAfter: 60 });
    const over = l.charge('a', 10, 3, T0);
    assert.equal(over.exceeded, true);
    assert.equal(over.count, 11);
    assert.equal(l.hit('a', 10, T0).count, 9, 'the refused charge counted nothing');
    assert.equal(l.charge('a', 10, 0, T0).exceeded, false);
    // A key forgotten since its request (or a new window) is charged the whole batch.
    assert.equal(l.charge('b', 10, 4, T0 + W).count, 4);
    assert.equal(l.hit('b', 10, T0 + W).count, 5);
  });

  test('holds at most MAX_KEYS keys, forgetting the one seen longest ago; past windows are swept', () => {
    const l = new RateLimiter('ip', W);
    l.hit('first', 10, T0);
    for (let i = 0; i < MAX_KEYS - 1; i++) l.hit(`k${i}`, 10, T0);
    assert.equal(l.size, MAX_KEYS);
    l.hit('new', 10, T0);
    assert.equal(l.size, MAX_KEYS);
    assert.equal(l.hit('k0', 10, T0).count, 2, 'a later key was kept');
    assert.equal(l.hit('new', 10, T0).count, 2);
    // Two windows later every key of T0's window is gone.
    assert.equal(l.hit('k1', 10, T0 + 2 * W).count, 1);
    assert.equal(l.size, 1);
  });
});

/** Two limiters sharing one store: what two processes on one database do. */
async function withStore(fn: (store: Store, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fanzha-rl-'));
  const store = openSqliteStore(dir);
  try {
    await fn(store, dir);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('RateLimiter, shared through the store', () => {
  test('two processes enforce one limit once their counts are exchanged', async () => {
    await withStore(async (store) => {
      const a = new RateLimiter('key', W);
      const b = new RateLimiter('key', W);
      const sa = startRateSync({ store, limiters: [a], syncMs: 60_000 });
      const sb = startRateSync({ store, limiters: [b], syncMs: 60_000 });
      try {
        const now = Date.now();
        for (let i = 0; i < 6; i++) assert.equal(a.hit('key:k1', 10, now).exceeded, false);
        await sa.sync();
        // B has not seen this key yet: its first request passes; its sync brings A's six.
        assert.equal(b.hit('key:k1', 10, now).count, 1);
        await sb.sync();
        const seen = [1, 2, 3, 4].map(() => b.hit('key:k1', 10, now));
        assert.deepEqual(
          seen.map((d) => d.count),
          [8, 9, 10, 11],
        );
        assert.deepEqual(
          seen.map((d) => d.exceeded),
          [false, false, false, true],
        );
        await sb.sync();
        // A sent nothing new, but the key is past half its limit, so A's sync refreshes it.
        await sa.sync();
        assert.equal(a.hit('key:k1', 10, now).exceeded, true);
        // Another key is untouched.
        assert.equal(a.hit('key:k2', 10, now).count, 1);
      } finally {
        await sa.stop();
        await sb.stop();
      }
    });
  });

  test('alternating between processes, exactly the limit is admitted', async () => {
    await withStore(async (store) => {
      const procs = [new RateLimiter('ip', W), new RateLimiter('ip', W)];
      const syncs = procs.map((l) => startRateSync({ store, limiters: [l], syncMs: 60_000 }));
      try {
        const now = Date.now();
        let admitted = 0;
        for (let i = 0; i < 16; i++) {
          if (!procs[i % 2]!.hit('ip:10.0.0.1', 5, now).exceeded) admitted++;
          // Between two requests every process has synced once (in a real service: > syncMs apart).
          for (const s of syncs) await s.sync();
          for (const s of syncs) await s.sync();
        }
        assert.equal(admitted, 5);
      } finally {
        for (const s of syncs) await s.stop();
      }
    });
  });

  test('a failing store keeps the hits for the next sync and keeps counting locally', async () => {
    await withStore(async (store) => {
      let fail = true;
      const flaky = overriding(store, {
        addRateHits: (rows) => (fail ? Promise.reject(new Error('down')) : store.addRateHits(rows)),
      });
      const errors: unknown[] = [];
      const l = new RateLimiter('key', W);
      const s = startRateSync({ store: flaky, limiters: [l], syncMs: 60_000, onError: (e) => errors.push(e) });
      try {
        const now = Date.now();
        for (let i = 0; i < 3; i++) l.hit('key:x', 4, now);
        await s.sync();
        await s.sync();
        assert.equal(errors.length, 1, 'one warning per outage');
        assert.equal(l.hit('key:x', 4, now).count, 4, 'local hits still count');
        fail = false;
        await s.sync();
        const other = new RateLimiter('key', W);
        const so = startRateSync({ store, limiters: [other], syncMs: 60_000 });
        other.hit('key:x', 4, now);
        await so.sync();
        assert.equal(other.hit('key:x', 4, now).count, 6, 'the hits kept during the outage reached the store');
        await so.stop();
      } finally {
        await s.stop();
      }
    });
  });

  test('a database that is down from the start (no salt yet) is a warning, not a crash', async () => {
    await withStore(async (store) => {
      let down = true;
      const late = overriding(store, { salt: () => (down ? Promise.reject(new Error('connection refused')) : store.salt()) });
      const errors: unknown[] = [];
      const l = new RateLimiter('ip', W);
      const s = startRateSync({ store: late, limiters: [l], syncMs: 60_000, onError: (e) => errors.push(e) });
      const now = Date.now();
      l.hit('ip:192.0.2.1', 10, now);
      await s.sync();
      assert.equal(errors.length, 1);
      down = false;
      await s.stop(); // the last sync delivers the kept hit
      const other = new RateLimiter('ip', W);
      const so = startRateSync({ store, limiters: [other], syncMs: 60_000 });
      other.hit('ip:192.0.2.1', 10, now);
      await so.sync();
      assert.equal(other.hit('ip:192.0.2.1', 10, now).count, 3);
      await so.stop();
    });
  });

  test('buckets are salted hashes (no client address in the database) and old windows are purged', async (t) => {
    await withStore(async (store, dir) => {
      const l = new RateLimiter('ip', W);
      const s = startRateSync({ store, limiters: [l], syncMs: 60_000 });
      try {
        l.hit('ip:203.0.113.9', 100);
        await s.sync();
        const rows = await store.addRateHits([]);
        assert.deepEqual(rows, []);
        const all = await store.addRateHits([{ windowStart: 0, bucket: 'ancient', hits: 1 }]);
        assert.equal(all[0]!.hits, 1);
        // On SQLite the counts live in their own file (src/store/sqlite.ts): read it as another process would.
        const db = new Database(join(dir, SQLITE_RATE_FILE), { readonly: true });
        t.after(() => db.close());
        const rowsOf = (): { bucket: string; window_start: number }[] =>
          db.prepare('SELECT bucket, window_start FROM rate_limit_hits').all() as { bucket: string; window_start: number }[];
        const buckets = rowsOf();
        assert.equal(buckets.length, 2);
        assert.ok(buckets.every((b) => !b.bucket.includes('203.0.113')));
        assert.equal(await store.purgeRateHits(Date.now() - 2 * W), 1);
        assert.deepEqual(
          rowsOf().map((b) => b.bucket === 'ancient'),
          [false],
        );
      } finally {
        await s.stop();
      }
    });
  });
});
