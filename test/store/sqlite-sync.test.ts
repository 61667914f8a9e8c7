/**
 * SQLite durability settings, per connection: reports (the main file) commit with synchronous=FULL, the
 * rate-limit counters (fanzha-rate.sqlite, their own connection) with synchronous=NORMAL, both in WAL mode, so the
 * several-times-a-second rate-limit writes cost no fsync on the event loop while an acknowledged report still
 * survives a crash (test/server/crash.test.ts kills a real server to check that).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { addPhoneReport } from '../helpers/reports.js';
import { openSqliteStore, SQLITE_FILE, SQLITE_RATE_FILE, type SqliteStore } from '../../src/store/sqlite.js';

const FULL = 2;
const NORMAL = 1;

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fanzha-sync-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function addReport(s: SqliteStore): Promise<void> {
  await addPhoneReport(s);
}

const count = (file: string, table: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).pluck().get());
  } finally {
    db.close();
  }
};

test('the main connection is WAL + synchronous=FULL; the rate-limit connection WAL + NORMAL, opened on first use', async () => {
  await withDir(async (dir) => {
    const s = openSqliteStore(dir);
    try {
      const before = s.connectionPragmas();
      assert.deepEqual(before.main, { journalMode: 'wal', synchronous: FULL, busyTimeout: 5000 });
      assert.equal(before.rate, null, 'no rate-limit connection before a rate-limit write');
      await addReport(s);
      assert.equal(s.connectionPragmas().rate, null, 'reports do not open the rate-limit connection');

      const now = Date.now();
      assert.deepEqual(await s.addRateHits([{ windowStart: now, bucket: 'b1', hits: 2 }]), [{ windowStart: now, bucket: 'b1', hits: 2 }]);
      const after = s.connectionPragmas();
      assert.deepEqual(after.rate, { journalMode: 'wal', synchronous: NORMAL, busyTimeout: 1000 });
      assert.deepEqual(after.main, before.main, 'the main connection keeps synchronous=FULL');
      await addReport(s);
      assert.equal(s.connectionPragmas().main.synchronous, FULL);
    } finally {
      await s.close();
    }
    // Each kind of row is in its own file.
    assert.equal(count(join(dir, SQLITE_FILE), 'reports'), 2);
    assert.equal(count(join(dir, SQLITE_FILE), 'rate_limit_hits'), 0);
    assert.equal(count(join(dir, SQLITE_RATE_FILE), 'rate_limit_hits'), 1);
  });
});

test('two stores on one directory (two processes) share the rate-limit counts; purge works on the rate file', async () => {
  await withDir(async (dir) => {
    const a = openSqliteStore(dir);
    const b = openSqliteStore(dir);
    try {
      const now = Date.now();
      await a.addRateHits([{ windowStart: now, bucket: 'x', hits: 3 }]);
      assert.deepEqual(await b.addRateHits([{ windowStart: now, bucket: 'x', hits: 4 }]), [{ windowStart: now, bucket: 'x', hits: 7 }]);
      // More than one statement's worth of buckets in one call: one transaction, every total back.
      const many = Array.from({ length: 250 }, (_, i) => ({ windowStart: now, bucket: `m${String(i).padStart(3, '0')}`, hits: 1 }));
      assert.equal((await a.addRateHits(many)).length, 250);
      assert.equal((await b.addRateHits(many)).every((r) => r.hits === 2), true);
      await a.addRateHits([{ windowStart: now - 600_000, bucket: 'old', hits: 1 }]);
      assert.equal(await b.purgeRateHits(now - 1), 1);
      for (const s of [a, b]) assert.equal(s.connectionPragmas().rate?.synchronous, NORMAL);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

test("counts an older version left in the main file's rate_limit_hits are dropped once, by migration 4", async () => {
  await withDir(async (dir) => {
    await openSqliteStore(dir).close();
    const raw = new Database(join(dir, SQLITE_FILE));
    // As a file from before migration 4: its row in the table, the migration not yet recorded.
    raw.prepare('DELETE FROM schema_migrations WHERE version = 4').run();
    raw.prepare('INSERT INTO rate_limit_hits (window_start, bucket, hits) VALUES (?, ?, ?)').run(Date.now(), 'old-version', 5);
    raw.close();
    await openSqliteStore(dir).close();
    assert.equal(count(join(dir, SQLITE_FILE), 'rate_limit_hits'), 0);
    // Once applied, opening the file no longer writes to that table.
    const again = new Database(join(dir, SQLITE_FILE));
    again.prepare('INSERT INTO rate_limit_hits (window_start, bucket, hits) VALUES (?, ?, ?)').run(Date.now(), 'later', 1);
    again.close();
    await openSqliteStore(dir).close();
    assert.equal(count(join(dir, SQLITE_FILE), 'rate_limit_hits'), 1);
  });
});

test('a closed store refuses rate-limit writes', async () => {
  await withDir(async (dir) => {
    const s = openSqliteStore(dir);
    await s.close();
    await assert.rejects(s.addRateHits([{ windowStart: 0, bucket: 'x', hits: 1 }]), /closed/);
  });
});

test('opening an up-to-date file takes no write lock (another process may be mid-commit)', async () => {
  await withDir(async (dir) => {
    await openSqliteStore(dir).close();
    const holder = new Database(join(dir, SQLITE_FILE));
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      // Asking for the write lock here would fail with "database is locked" once busy_timeout ran out.
      const s = openSqliteStore(dir);
      assert.equal((await s.listReports({ limit: 1 })).items.length, 0);
      await s.close();
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
  });
});
