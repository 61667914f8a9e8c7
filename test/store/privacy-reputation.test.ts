/** Masking, identifier keys and the reputation score (pure functions). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { defaultKnowledge } from '../../src/knowledge/default.js';
import { hashKey, identifier, identifiersOf, normalizeHost, normalizePhone } from '../../src/store/identifiers.js';
import { maskText } from '../../src/store/privacy.js';
import { HALF_LIFE_DAYS, reputationOf, reputationSignal } from '../../src/store/reputation.js';
import type { IdentifierFacts } from '../../src/store/types.js';

test('masks mobiles, cards and ID numbers, keeping keys for hashing', () => {
  const m = maskText('电话 +86 138 0013 8000，卡号6222021234567890123，身份证11010119900307451X。订单号 20261101');
  assert.equal(m.text, '电话 138****8000，卡号6222***********0123，身份证110***********451X。订单号 20261101');
  assert.deepEqual(m.keys, ['phone:13800138000', 'account:6222021234567890123', 'id:11010119900307451X']);
  assert.deepEqual(maskText('没有号码 95188 10086').keys, []);
});

test('masks every form of a number the engine itself reads, and only the number (session 8 review)', () => {
  const forms = [
    '电话一三八一二三四五六七八',
    '壹叁捌壹贰叁肆伍陆柒捌',
    '138\u200b1234\u200b5678',
    '138\u00a01234\u00a05678',
    '138\u00ad1234\u00ad5678',
    '𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖',
    '(138)1234-5678',
    '138  1234  5678',
    '138\t1234\t5678',
    '138/1234/5678',
    '138_1234_5678',
    '138，1234，5678',
    '138—1234—5678',
    '138\n1234\n5678',
  ];
  for (const t of forms) {
    const m = maskText(t);
    assert.deepEqual(m.keys, ['phone:13812345678'], JSON.stringify(t));
    assert.ok(!/1234/.test(m.text) && m.text.includes('138****5678'), `${JSON.stringify(t)} → ${m.text}`);
  }
  // A number beside a short one: only the personal number is masked, the other digits stay as written.
  assert.equal(maskText('电话13800138000 399元').text, '电话138****8000 399元');
  assert.equal(maskText('手机 13800138000 1次').text, '手机 138****8000 1次');
  assert.equal(maskText('身份证110105194912310024 5号').text, '身份证110***********0024 5号');
  for (const t of ['日期 2026/11/05 12:30', '订单号 2026110512345', '没有号码 95188 10086']) assert.equal(maskText(t).text, t);
});

test('property: a masked mobile never shows its middle digits', () => {
  fc.assert(
    fc.property(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }), fc.string({ maxLength: 20 }), (second, rest, pad) => {
      const num = `1${second}${String(rest).padStart(9, '0')}`;
      const safePad = pad.replace(/[0-9]/g, '');
      const m = maskText(`${safePad} ${num} ${safePad}`);
      assert.ok(!m.text.includes(num));
      assert.ok(m.text.includes(`${num.slice(0, 3)}****${num.slice(7)}`));
      assert.ok(m.keys.includes(`phone:${num}`));
    }),
    { numRuns: 300 },
  );
});

test('masking is linear on long digit runs', () => {
  const long = '1'.repeat(200_000);
  const m = maskText(long);
  assert.equal(m.text, long); // a 200k-digit run is not a number we mask
});

test('identifier keys: phones, hosts, accounts, handles', () => {
  assert.equal(normalizePhone('+86 138-0013-8000'), '13800138000');
  assert.equal(normalizePhone('008613800138000'), '13800138000');
  assert.equal(normalizePhone('+85212345678'), '0085212345678');
  assert.equal(normalizePhone('abc'), null);
  assert.equal(normalizeHost('HTTPS://WWW.Example.CN/path?q=1'), 'example.cn');
  assert.match(normalizeHost('支付宝.com')!, /^xn--[a-z0-9]+\.com$/);
  assert.equal(normalizeHost('localhost'), null);
  assert.equal(normalizeHost('http://cafe'), null, 'hex letters without a dot are no IPv6 address');
  assert.equal(normalizeHost('http://[2001:db8::1]/x'), '[2001:db8::1]');
  assert.equal(identifier('account', '6222 0212 3456 7890 123')?.key, 'account:6222021234567890123');
  assert.equal(identifier('handle', ' WXID_Abc ')?.key, 'handle:wxid_abc');
  assert.equal(identifier('url', 'not a url'), null);
  const ids = identifiersOf(
    [
      { kind: 'phone', value: '13800138000', text: '', start: 0, end: 1 },
      { kind: 'url', value: 'evil.cn/login', text: '', start: 2, end: 3 },
      { kind: 'wechat', value: 'wx_1', text: '', start: 4, end: 5 },
      { kind: 'money', value: '100', text: '', start: 6, end: 7 },
    ],
    '95588',
  );
  assert.deepEqual(
    ids.map((i) => i.key),
    ['phone:95588', 'phone:13800138000', 'url:evil.cn', 'handle:wx_1'],
  );
  assert.notEqual(hashKey('salt1', 'phone:1'), hashKey('salt2', 'phone:1'));
});

const facts = (over: Partial<IdentifierFacts>): IdentifierFacts => ({
  hash: 'h',
  reporters: 0,
  byCategory: {},
  reports: 0,
  confirmed: 0,
  rejected: 0,
  pending: 0,
  mentions: 0,
  firstSeen: null,
  lastSeen: null,
  falseAlarms: 0,
  missedScams: 0,
  ...over,
});

test('reputation: unknown is not safe, reports, decay, confirmations, directory guard', () => {
  const now = Date.UTC(2026, 10, 23);
  const unknown = reputationOf(undefined, false, defaultKnowledge, now);
  assert.equal(unknown.status, 'unknown');
  assert.match(unknown.reason.zh, /不代表它是安全的/);
  assert.equal(reputationSignal(unknown, 'x', [], defaultKnowledge), null);

  const fresh = facts({ reporters: 12, reports: 14, pending: 14, byCategory: { fake_customer_service: 12 }, lastSeen: now });
  const rep = reputationOf(fresh, false, defaultKnowledge, now);
  assert.equal(rep.status, 'reported');
  const sig = reputationSignal(rep, '13800138000', [], defaultKnowledge);
  assert.equal(sig?.id, 'REPUTATION_REPORTED_MANY');
  assert.equal(sig?.category, 'fake_customer_service');
  assert.equal(sig?.source, 'reputation');

  const confirmed = reputationOf({ ...fresh, confirmed: 2 }, false, defaultKnowledge, now);
  const c = reputationSignal(confirmed, '13800138000', [], defaultKnowledge);
  assert.equal(c?.id, 'REPUTATION_CONFIRMED');
  assert.match(c!.explanation.zh, /被 12 人举报为冒充.*，2 次经审核确认/);

  // Old reports fade: four half-lives later, 12 reporters weigh less than the "many" threshold.
  const old = reputationOf({ ...fresh, lastSeen: now - 4 * HALF_LIFE_DAYS * 86_400_000 }, false, defaultKnowledge, now);
  assert.ok(old.weightedReporters < 1);
  assert.ok(old.score < rep.score);
  assert.equal(reputationSignal(old, 'x', [], defaultKnowledge)?.id, 'REPUTATION_REPORTED');

  // False-alarm feedback lowers the weight.
  const disputed = reputationOf({ ...fresh, reporters: 3, falseAlarms: 2 }, false, defaultKnowledge, now);
  assert.ok(disputed.weightedReporters < 3);

  // The official directory: many reports alone never make a signal.
  const official = reputationOf(fresh, true, defaultKnowledge, now);
  assert.equal(official.status, 'pending_review');
  assert.equal(official.score, 0);
  assert.equal(reputationSignal(official, '95188', [], defaultKnowledge), null);
  // …but an analyst's confirmation does.
  assert.equal(reputationOf({ ...fresh, confirmed: 1 }, true, defaultKnowledge, now).status, 'confirmed');

  const cleared = reputationOf(facts({ reporters: 1, reports: 2, rejected: 2, lastSeen: now }), false, defaultKnowledge, now);
  assert.equal(cleared.status, 'cleared');
  assert.equal(reputationSignal(cleared, 'x', [], defaultKnowledge)?.weight, -12);
});

test('maskText masks full-width, spaced, dotted and grouped numbers, and leaves dates and amounts alone', () => {
  {
    const a = maskText('我的手机１３８００１３８０００，身份证１１０１０１１９９００３０７１２３４');
    assert.equal(a.text, '我的手机138****8000，身份证110***********1234');
    assert.deepEqual(a.keys, ['phone:13800138000', 'id:110101199003071234']);
    const b = maskText('my card 6222 0212 3456 7890 123, call me on 138.0013.8000');
    assert.ok(!/0212 3456|0013/.test(b.text), b.text);
    assert.deepEqual(b.keys, ['account:6222021234567890123', 'phone:13800138000']);
    const c = maskText('订单 2024-11-23 金额 500 元');
    assert.equal(c.text, '订单 2024-11-23 金额 500 元');
    assert.deepEqual(c.keys, []);
  }
});

test('hashKey: remembered answers equal fresh HMACs, per salt, and the memo stays bounded', async () => {
  const { createHmac } = await import('node:crypto');
  const { HASH_MEMO_SIZE, hashMemoSize } = await import('../../src/store/identifiers.js');
  const fresh = (salt: string, key: string): string => createHmac('sha256', salt).update(key).digest('base64url');
  const a = hashKey('salt-a', 'phone:13800138000');
  assert.equal(a, fresh('salt-a', 'phone:13800138000'));
  assert.equal(hashKey('salt-a', 'phone:13800138000'), a, 'a remembered hash');
  assert.equal(hashKey('salt-b', 'phone:13800138000'), fresh('salt-b', 'phone:13800138000'), 'another salt is not served from the memo');
  for (let i = 0; i < HASH_MEMO_SIZE + 10; i++) hashKey('salt-a', `phone:${i}`);
  assert.equal(hashMemoSize(), HASH_MEMO_SIZE, 'bounded');
  assert.equal(hashKey('salt-a', 'phone:13800138000'), a, 'evicted and computed again');
  const before = hashMemoSize();
  hashKey('salt-b', 'id:110101199003077777');
  hashKey('salt-b', 'account:6222020200112233445');
  assert.equal(hashMemoSize(), 0, 'a new salt starts a new memo, and ID and account numbers are not kept in it');
  assert.ok(before <= HASH_MEMO_SIZE);
  assert.equal(hashKey('salt-a', `url:${'x'.repeat(300)}`), fresh('salt-a', `url:${'x'.repeat(300)}`));
});
