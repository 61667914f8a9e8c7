/**
 * The Store contract: one suite, run against every implementation (SQLite and PostgreSQL) with a fresh
 * store per test. Implementations must agree on every observable behaviour.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashKey } from '../../src/store/identifiers.js';
import type { NewReport, Store } from '../../src/store/types.js';
import { addPhoneReport } from '../helpers/reports.js';

export type MakeStore = () => Promise<Store>;

/** The contract's usual report: a described fake-customer-service phone report that the engine called a scam. */
const report = (store: Store, over: Partial<NewReport> & { value?: string } = {}): ReturnType<Store['createReport']> =>
  addPhoneReport(store, { description: '自称客服要退款', analysis: { verdict: 'scam', score: 80, category: 'fake_customer_service' }, ...over });

async function hashOf(store: Store, key: string): Promise<string> {
  return hashKey(await store.salt(), key);
}

export function runStoreContract(name: string, makeStore: MakeStore, skip: string | false = false): void {
  const t = (title: string, fn: (s: Store) => Promise<void>): void => {
    test(`${name}: ${title}`, { skip }, async () => {
      const s = await makeStore();
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    });
  };

  t('salt is stable and non-trivial', async (s) => {
    const a = await s.salt();
    assert.ok(a.length >= 32);
    assert.equal(await s.salt(), a);
  });

  t('creates, reads and lists reports', async (s) => {
    const r = await report(s, { evidence: '短信内容', occurredAt: '2026-11-01T10:00:00Z' });
    assert.match(r.id, /^r_/);
    assert.equal(r.status, 'pending');
    const got = await s.getReport(r.id);
    assert.ok(got);
    assert.equal(got.subjectKey, 'phone:13800138000');
    assert.equal(got.evidence, '短信内容');
    assert.equal(got.occurredAt, '2026-11-01T10:00:00Z');
    assert.equal(got.consent, false);
    assert.deepEqual(got.analysis, { verdict: 'scam', score: 80, category: 'fake_customer_service' });
    assert.equal(await s.getReport('r_nope'), null);
    await report(s, { kind: 'url', category: 'phishing', value: '13900139000' });
    const all = await s.listReports({});
    assert.equal(all.total, 2);
    const phish = await s.listReports({ category: 'phishing' });
    assert.equal(phish.total, 1);
    assert.equal(phish.items[0]?.kind, 'url');
    const page = await s.listReports({ limit: 1, offset: 1 });
    assert.equal(page.items.length, 1);
    assert.equal(page.total, 2);
  });

  t('concurrent writes are all committed', async (s) => {
    const rs = await Promise.all(Array.from({ length: 40 }, (_, i) => report(s, { reporter: `k_${i}` })));
    assert.equal(new Set(rs.map((r) => r.id)).size, 40);
    const facts = await s.identifierFacts([await hashOf(s, 'phone:13800138000')]);
    assert.equal([...facts.values()][0]?.reporters, 40);
  });

  t('distinct reporters count once; rejected reports do not count', async (s) => {
    await report(s, { reporter: 'k_a' });
    await report(s, { reporter: 'k_a' });
    await report(s, { reporter: 'k_b', category: 'phishing' });
    const r = await report(s, { reporter: 'k_c' });
    await s.reviewReport(r.id, { action: 'reject', note: 'not a scam', reviewer: 'k_admin' });
    const h = await hashOf(s, 'phone:13800138000');
    const f = (await s.identifierFacts([h, 'missing'])).get(h);
    assert.ok(f);
    assert.equal(f.reporters, 2);
    assert.equal(f.reports, 4);
    assert.equal(f.rejected, 1);
    assert.equal(f.pending, 3);
    assert.deepEqual(f.byCategory, { fake_customer_service: 1, phishing: 1 });
    assert.ok(f.lastSeen !== null && f.firstSeen !== null && f.lastSeen >= f.firstSeen);
    assert.equal((await s.identifierFacts(['missing'])).size, 0);
  });

  t('reviews confirm, reject and merge', async (s) => {
    const a = await report(s);
    const b = await report(s, { reporter: 'k_b' });
    const c = await s.reviewReport(a.id, { action: 'confirm', note: '核实', reviewer: 'k_an' });
    assert.equal(c?.status, 'confirmed');
    assert.equal(c?.reviewNote, '核实');
    assert.equal(c?.reviewedBy, 'k_an');
    assert.ok(c?.reviewedAt);
    const m = await s.reviewReport(b.id, { action: 'merge', note: null, reviewer: 'k_an', into: a.id });
    assert.equal(m?.status, 'merged');
    assert.equal(m?.mergedInto, a.id);
    assert.equal(await s.reviewReport('r_missing', { action: 'confirm', note: null, reviewer: 'x' }), null);
    const f = [...(await s.identifierFacts([await hashOf(s, 'phone:13800138000')])).values()][0];
    assert.equal(f?.confirmed, 1);
    assert.equal(f?.reporters, 2);
    assert.equal((await s.listReports({ status: 'merged' })).total, 1);
  });

  t('mentions are counted by hash, not by subject', async (s) => {
    const mention = await hashOf(s, 'phone:13700137000');
    await report(s, { mentionHashes: [mention, mention] });
    const f = (await s.identifierFacts([mention])).get(mention);
    assert.equal(f?.mentions, 1);
    assert.equal(f?.reports, 0);
  });

  t('feedback is stored and feeds identifier facts', async (s) => {
    const h = await hashOf(s, 'phone:95188');
    await s.addFeedback({ target: 'lookup', kind: 'false_alarm', identifierHash: h, subject: '95188', verdict: 'scam', note: 'real', reporter: 'a' });
    await s.addFeedback({ target: 'lookup', kind: 'false_alarm', identifierHash: h, subject: '95188', verdict: 'scam', note: null, reporter: 'a' });
    await s.addFeedback({ target: 'analysis', kind: 'missed_scam', identifierHash: null, subject: 'text', verdict: 'safe', note: null, reporter: 'b' });
    const f = (await s.identifierFacts([h])).get(h);
    assert.equal(f?.falseAlarms, 1);
    assert.equal(f?.missedScams, 0);
    const list = await s.listFeedback(10, 0);
    assert.equal(list.length, 3);
    assert.match(list[0]!.id, /^f_/);
  });

  t('retention purges old evidence only', async (s) => {
    const r = await report(s, { evidence: 'old', contact: '138****0000' });
    assert.equal(await s.purgeEvidence(r.createdAt - 1), 0);
    assert.equal(await s.purgeEvidence(Date.now() + 1000), 1);
    const got = await s.getReport(r.id);
    assert.equal(got?.evidence, null);
    assert.equal(got?.contact, null);
    assert.ok(got?.evidencePurgedAt);
    assert.equal(got?.subjectKey, 'phone:13800138000');
    assert.equal(await s.purgeEvidence(Date.now() + 1000), 0);
  });

  t('api keys: create, find by hash, list, revoke', async (s) => {
    const k = await s.createApiKey({ id: 'k_1', hash: 'h1', role: 'analyst', name: 'alice' });
    assert.equal(k.revokedAt, null);
    assert.deepEqual(await s.findApiKeyByHash('h1'), k);
    assert.equal(await s.findApiKeyByHash('nope'), null);
    await assert.rejects(s.createApiKey({ id: 'k_2', hash: 'h1', role: 'admin', name: null }));
    await s.createApiKey({ id: 'k_3', hash: 'h3', role: 'admin', name: null });
    assert.deepEqual((await s.listApiKeys()).map((x) => x.id), ['k_1', 'k_3']);
    assert.equal(await s.revokeApiKey('k_1'), true);
    assert.equal(await s.revokeApiKey('k_1'), false);
    assert.ok((await s.findApiKeyByHash('h1'))?.revokedAt);
  });

  t('blocklist holds confirmed identifiers only, newest confirmed category', async (s) => {
    assert.deepEqual(await s.blocklist(), []);
    const a = await report(s, { reporter: 'a' });
    await report(s, { reporter: 'b' });
    await report(s, { value: '13900139000' });
    await s.reviewReport(a.id, { action: 'confirm', note: null, reviewer: 'x' });
    const bl = await s.blocklist();
    assert.equal(bl.length, 1);
    assert.equal(bl[0]?.key, 'phone:13800138000');
    assert.equal(bl[0]?.value, '13800138000');
    assert.equal(bl[0]?.reporters, 2);
    assert.equal(bl[0]?.category, 'fake_customer_service');
  });

  t('stats by status, category, day and top identifiers', async (s) => {
    await report(s, { reporter: 'a' });
    await report(s, { reporter: 'b' });
    await report(s, { reporter: 'a', value: '13900139000', category: 'phishing' });
    await s.addFeedback({ target: 'analysis', kind: 'missed_scam', identifierHash: null, subject: null, verdict: null, note: null, reporter: 'a' });
    const st = await s.stats({ days: 30, top: 10 });
    assert.equal(st.total, 3);
    assert.equal(st.byStatus.pending, 3);
    assert.deepEqual(st.byCategory, [
      { category: 'fake_customer_service', reports: 2 },
      { category: 'phishing', reports: 1 },
    ]);
    assert.equal(st.byDay.length, 1);
    assert.equal(st.byDay[0]?.day, new Date().toISOString().slice(0, 10));
    assert.deepEqual(
      st.byDayCategory.map((d) => [d.category, d.reports]),
      [
        ['fake_customer_service', 2],
        ['phishing', 1],
      ],
    );
    assert.equal(st.topIdentifiers[0]?.key, 'phone:13800138000');
    assert.equal(st.topIdentifiers[0]?.reporters, 2);
    assert.equal(st.feedback.missed_scam, 1);
    const later = await s.stats({ days: 1, top: 10, now: Date.now() + 5 * 86_400_000 });
    assert.equal(later.byCategory.length, 0);
  });

  t('identifier facts: only known hashes are answered, unknown ones are absent', async (s) => {
    const subject = await hashOf(s, 'phone:13800138000');
    const mention = await hashOf(s, 'phone:13700137000');
    const never = await hashOf(s, 'phone:13600136000');
    await report(s, { mentionHashes: [mention] });
    const facts = await s.identifierFacts([never, subject, mention, never]);
    assert.deepEqual([...facts.keys()].sort(), [subject, mention].sort());
    assert.equal(facts.get(subject)?.reports, 1);
    assert.equal(facts.get(mention)?.mentions, 1);
    assert.equal((await s.identifierFacts([never])).size, 0);
  });

  t('watchIdentifiers hears every write that can change facts, after it commits, until unsubscribed', async (s) => {
    assert.ok(s.watchIdentifiers, 'the SQL stores announce their writes');
    const heard: (string[] | null)[] = [];
    const subject = await hashOf(s, 'phone:13800138000');
    const mention = await hashOf(s, 'phone:13700137000');
    let askedThen: Promise<Map<string, unknown>> | null = null;
    const stop = s.watchIdentifiers((hashes) => {
      heard.push(hashes);
      // The write is committed when the listener runs: a question asked now sees it.
      if (hashes?.includes(subject)) askedThen = s.identifierFacts([subject]);
    });
    const r = await report(s, { mentionHashes: [mention] });
    assert.deepEqual(heard, [[subject, mention]]);
    assert.ok((await askedThen!)?.has(subject));
    const fb = await hashOf(s, 'phone:95188');
    await s.addFeedback({ target: 'lookup', kind: 'false_alarm', identifierHash: fb, subject: '95188', verdict: 'scam', note: null, reporter: 'a' });
    await s.addFeedback({ target: 'analysis', kind: 'missed_scam', identifierHash: null, subject: 'text', verdict: 'safe', note: null, reporter: 'b' });
    assert.deepEqual(heard.slice(1), [[fb]], 'feedback without an identifier changes no facts');
    await s.reviewReport(r.id, { action: 'confirm', note: null, reviewer: 'x' });
    assert.deepEqual(heard.slice(2), [null], 'a review may change any facts');
    await s.createApiKey({ id: 'k_w', hash: 'hw', role: 'public', name: null });
    await s.purgeEvidence(Date.now() + 1000);
    assert.equal(heard.length, 3, 'keys and retention change no facts');
    stop();
    await report(s, { reporter: 'k_z' });
    assert.equal(heard.length, 3);
  });

  t('rate-limit hits add up across calls (as from several processes) and old windows are purged', async (s) => {
    const now = Date.now();
    assert.deepEqual(await s.addRateHits([]), []);
    const first = await s.addRateHits([
      { windowStart: now, bucket: 'b1', hits: 3 },
      { windowStart: now, bucket: 'b2', hits: 1 },
      { windowStart: now - 600_000, bucket: 'b1', hits: 9 },
    ]);
    assert.deepEqual(
      first.map((r) => [r.windowStart - now, r.bucket, r.hits]).sort(),
      [
        [-600_000, 'b1', 9],
        [0, 'b1', 3],
        [0, 'b2', 1],
      ].sort(),
    );
    // Another process adds to the same buckets; a refresh adds 0 and reads the total.
    const again = await Promise.all([s.addRateHits([{ windowStart: now, bucket: 'b1', hits: 2 }]), s.addRateHits([{ windowStart: now, bucket: 'b1', hits: 4 }])]);
    const totals = again.map((r) => r[0]!.hits).sort((x, y) => x - y);
    assert.equal(totals[1], 9, 'the later of the two sees both');
    assert.ok(totals[0] === 5 || totals[0] === 7, `the earlier sees its own: ${totals[0]}`);
    assert.deepEqual(await s.addRateHits([{ windowStart: now, bucket: 'b1', hits: 0 }]), [{ windowStart: now, bucket: 'b1', hits: 9 }]);
    assert.equal(await s.purgeRateHits(now - 1), 1);
    assert.equal((await s.addRateHits([{ windowStart: now - 600_000, bucket: 'b1', hits: 1 }]))[0]!.hits, 1);
  });

  t('ping answers', async (s) => {
    await s.ping();
  });
}
