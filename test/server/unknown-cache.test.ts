/**
 * The per-process cache of "nobody reported this identifier" answers used by analyze (FANZHA_UNKNOWN_CACHE_MS,
 * src/server/intelligence.ts), against real SQLite and a real PostgreSQL: a report, review or feedback written
 * through this process is seen by the very next analyze, lookup always asks the database, 0 turns the cache off,
 * and a report written by another process (a second store on the same database) reaches analyze within the
 * cache time. One suite, run against each store, as the store contract is.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { addPhoneReport } from '../helpers/reports.js';
import type { Store } from '../../src/store/types.js';
import { pgSkipReason, startPostgres, type PgCluster } from '../helpers/postgres.js';
import { makeHarness, type Harness } from './harness.js';
import { cli } from './proc.js';

interface AnalyzeBody {
  analysis: { signals: { id: string }[] };
  identifiers: { value: string; reputation: { status: string; reporters: number; feedback: { missedScams: number } } }[];
}

/** A store on the same database that another process would use: this server hears nothing of its writes. */
type OtherStore = (h: Harness) => Promise<Store>;

function runUnknownCacheSuite(name: string, open: (() => Promise<Store>) | undefined, other: OtherStore, skip: string | false): void {
  describe(`${name}: cached "nobody reported it" answers`, { skip }, () => {
    /** A harness whose store counts the hashes analyze and lookup ask it about. */
    const harness = async (unknownCacheMs: number): Promise<{ h: Harness; asked: string[][] }> => {
      const h = await makeHarness({ unknownCacheMs, publicAccess: true }, {}, open);
      const asked: string[][] = [];
      const facts = h.store.identifierFacts.bind(h.store);
      h.store.identifierFacts = (hashes) => {
        asked.push(hashes);
        return facts(hashes);
      };
      return { h, asked };
    };
    const analyze = async (h: Harness, text: string): Promise<AnalyzeBody> => {
      const r = await h.req({ method: 'POST', url: '/v1/analyze', payload: { text } });
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as AnalyzeBody;
    };
    const rep = (a: AnalyzeBody, value: string): AnalyzeBody['identifiers'][number]['reputation'] => {
      const i = a.identifiers.find((x) => x.value === value);
      assert.ok(i, `no identifier ${value} in the analysis`);
      return i.reputation;
    };
    const lookup = async (h: Harness, phone: string): Promise<{ reputation: { status: string; reporters: number } }> => {
      const r = await h.req({ url: `/v1/lookup?phone=${phone}` });
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    };
    const report = async (h: Harness, phone: string): Promise<string> => {
      const r = await h.req({ method: 'POST', url: '/v1/reports', key: await h.newKey('public'), payload: { kind: 'phone', value: phone, category: 'fake_credit' } });
      assert.equal(r.statusCode, 201, r.body);
      return (r.json() as { id: string }).id;
    };
    const reportDirectly = async (s: Store, phone: string, reporter: string): Promise<void> => {
      await addPhoneReport(s, { value: phone, reporter, category: 'fake_credit' });
    };
    /** A server caching for unknownCacheMs and another process's store on the same database, both closed after fn. */
    const withTwoProcesses = async (unknownCacheMs: number, fn: (h: Harness, o: Store, asked: string[][]) => Promise<void>): Promise<void> => {
      const { h, asked } = await harness(unknownCacheMs);
      const o = await other(h);
      try {
        await fn(h, o, asked);
      } finally {
        await o.close();
        await h.close();
      }
    };

    test('analyze reuses "unknown"; a report written through the API is seen by the next analyze at once', async () => {
      const { h, asked } = await harness(60_000);
      try {
        const text = '您的征信有问题，请联系 15700001111 处理';
        assert.equal(rep(await analyze(h, text), '15700001111').status, 'unknown');
        const n = asked.length;
        assert.equal(rep(await analyze(h, text), '15700001111').status, 'unknown');
        assert.equal(asked.length, n, 'the second analyze asked the store again');
        await report(h, '15700001111');
        const a = await analyze(h, text);
        assert.equal(rep(a, '15700001111').status, 'reported');
        assert.equal(rep(a, '15700001111').reporters, 1);
        assert.ok(a.analysis.signals.some((s) => s.id === 'REPUTATION_REPORTED'));
        // Known identifiers are never cached: a second reporter shows at once too.
        await report(h, '15700001111');
        assert.equal(rep(await analyze(h, text), '15700001111').reporters, 2);
      } finally {
        await h.close();
      }
    });

    test('feedback and reviews through this process reach the next analyze at once', async () => {
      const { h } = await harness(60_000);
      try {
        const text = '请加我微信并回电 15700002222';
        assert.equal(rep(await analyze(h, text), '15700002222').feedback.missedScams, 0);
        const fb = await h.req({ method: 'POST', url: '/v1/feedback', payload: { target: 'lookup', kind: 'missed_scam', phone: '15700002222' } });
        assert.equal(fb.statusCode, 201, fb.body);
        assert.equal(rep(await analyze(h, text), '15700002222').feedback.missedScams, 1);
        const id = await report(h, '15700002222');
        const rv = await h.req({ method: 'POST', url: `/v1/reports/${id}/review`, key: h.keys.analyst, payload: { action: 'confirm' } });
        assert.equal(rv.statusCode, 200, rv.body);
        assert.equal(rep(await analyze(h, text), '15700002222').status, 'confirmed');
      } finally {
        await h.close();
      }
    });

    test('lookup is never stale: it asks the database even when analyze still holds "unknown"', async () => {
      await withTwoProcesses(60_000, async (h, o, asked) => {
        const text = '客服退款请致电 15700003333';
        assert.equal(rep(await analyze(h, text), '15700003333').status, 'unknown');
        await reportDirectly(o, '15700003333', 'k_other');
        // Within the cache time analyze may still say "unknown" (this is the documented bound) …
        assert.equal(rep(await analyze(h, text), '15700003333').status, 'unknown');
        // … lookup never does, and asks the store every time.
        const n = asked.length;
        const l = await lookup(h, '15700003333');
        assert.equal(l.reputation.status, 'reported');
        assert.equal(l.reputation.reporters, 1);
        assert.equal((await lookup(h, '15700009999')).reputation.status, 'unknown');
        assert.equal((await lookup(h, '15700009999')).reputation.status, 'unknown');
        assert.equal(asked.length, n + 3, 'every lookup asked the store');
        // What lookup learnt replaces the stale answer.
        assert.equal(rep(await analyze(h, text), '15700003333').status, 'reported');
      });
    });

    test("another process's report reaches analyze within the cache time", async () => {
      await withTwoProcesses(300, async (h, o) => {
        const text = '您的贷款已批，请联系 15700004444';
        assert.equal(rep(await analyze(h, text), '15700004444').status, 'unknown');
        await reportDirectly(o, '15700004444', 'k_other');
        await new Promise((r) => setTimeout(r, 350));
        assert.equal(rep(await analyze(h, text), '15700004444').status, 'reported');
      });
    });

    test('FANZHA_UNKNOWN_CACHE_MS=0 turns the cache off: every analyze asks the store', async () => {
      await withTwoProcesses(0, async (h, o, asked) => {
        const text = '请联系 15700005555 办理退款';
        assert.equal(rep(await analyze(h, text), '15700005555').status, 'unknown');
        const n = asked.length;
        assert.equal(rep(await analyze(h, text), '15700005555').status, 'unknown');
        assert.equal(asked.length, n + 1);
        await reportDirectly(o, '15700005555', 'k_other');
        assert.equal(rep(await analyze(h, text), '15700005555').status, 'reported', "another process's report shows at once");
      });
    });
  });
}

runUnknownCacheSuite('sqlite', undefined, async (h) => openSqliteStore(h.dir), false);

const pgSkip = pgSkipReason();
if (pgSkip) console.log(`# ${pgSkip}`);
let cluster: PgCluster | null = null;
let n = 0;
const urls = new Map<Store, string>();
before(async () => {
  if (!pgSkip) cluster = await startPostgres();
});
after(() => cluster?.stop());
runUnknownCacheSuite(
  'postgres',
  async () => {
    if (!cluster) throw new Error('PostgreSQL cluster did not start');
    const url = await cluster.createDatabase(`known_${++n}`);
    const s = await PostgresStore.open(url);
    urls.set(s, url);
    return s;
  },
  async (h) => PostgresStore.open(urls.get(h.store)!),
  pgSkip ?? false,
);

describe('its setting', () => {
  test('fanzha serve reads FANZHA_UNKNOWN_CACHE_MS, and the name it had before (FANZHA_KNOWN_CACHE_MS)', async () => {
    // A bad value stops the server before it listens, naming the setting: proof that each variable is read.
    for (const name of ['FANZHA_UNKNOWN_CACHE_MS', 'FANZHA_KNOWN_CACHE_MS']) {
      await assert.rejects(cli(['serve', '--port', '0'], { [name]: 'soon', FANZHA_DATA_DIR: mkdtempSync(join(tmpdir(), 'fanzha-uc-')) }), (e: { stderr?: string }) => {
        assert.match(e.stderr ?? '', /FANZHA_UNKNOWN_CACHE_MS must be an integer .*"soon"/, name);
        return true;
      });
    }
  });
});
