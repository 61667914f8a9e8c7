import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fanzha } from '../helpers/cli.js';


describe('fanzha phone / url / notice / directory', () => {
  it('phone --json returns {input, risk, findings, official} and exits 2 on high risk', () => {
    const r = fanzha(['phone', '0096836155952', '--claims', '拼多多', '--json']);
    assert.equal(r.code, 2, r.stderr);
    const j = JSON.parse(r.stdout) as { input: string; risk: string; findings: { id: string; severity: string; explanation: { zh: string; en: string } }[]; official: { id: string } | null };
    assert.equal(j.input, '0096836155952');
    assert.equal(j.risk, 'high');
    assert.equal(j.findings[0]?.id, 'PHONE_INTL_CLAIMS_DOMESTIC');
    assert.ok(j.findings[0]?.explanation.en);
    assert.equal(j.official?.id, 'pinduoduo');
  });

  it('phone prints an official match in Chinese and exits 0', () => {
    const r = fanzha(['phone', '95188']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /低风险/);
    assert.match(r.stdout, /支付宝/);
  });

  it('url explains a look-alike in English', () => {
    const r = fanzha(['url', 'alipay.com.refund-help.cn', '--lang', 'en']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /HIGH RISK/);
    assert.match(r.stdout, /refund-help\.cn/);
  });

  it('notice reads stdin', () => {
    const r = fanzha(['notice', '--json'], '【花呗调解中心】(2023)蚂调字第123号，请于2小时内将欠款转入以下账户，否则冻结名下所有账户。');
    assert.equal(r.code, 2, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { risk: string }).risk, 'high');
  });

  it('directory searches and lists', () => {
    const r = fanzha(['directory', '95516', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { id: string }[])[0]?.id, 'unionpay');
    const none = fanzha(['directory', 'no-such-org-xyz']);
    assert.equal(none.code, 1);
  });

  it('bad input is a clear usage error (exit 3)', () => {
    const r = fanzha(['phone', 'hello']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /not a phone number/);
    const u = fanzha(['url', 'javascript:alert(1)']);
    assert.equal(u.code, 3);
    const c = fanzha(['phone', '95188', '--claims', 'nobody-xyz']);
    assert.equal(c.code, 3);
    assert.match(c.stderr, /unknown organisation/);
  });
});
