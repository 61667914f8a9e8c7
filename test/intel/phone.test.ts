import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPhone, IntelInputError, type PhoneKind, type Risk } from '../../src/intel/index.js';

interface Row {
  number: string;
  claims?: string;
  risk: Risk;
  kind: PhoneKind;
  finding?: string;
  official?: string | null;
  why: string;
}

// Real-world forms from ../shared/reference/domain-facts.md §2–3 and the seeds; legitimate look-alikes included.
const ROWS: Row[] = [
  { number: '0096836155952', claims: '拼多多客服', risk: 'high', kind: 'international', finding: 'PHONE_INTL_CLAIMS_DOMESTIC', official: 'pinduoduo', why: 'police notice [S:P7]: Oman number posing as 拼多多' },
  { number: '0085259530946', claims: 'pinduoduo', risk: 'high', kind: 'international', finding: 'PHONE_INTL_CLAIMS_DOMESTIC', why: '+852 number claiming a domestic platform' },
  { number: '0085259530946', risk: 'medium', kind: 'international', finding: 'PHONE_INTERNATIONAL', official: null, why: 'a foreign caller with no claim is a caution, not a verdict' },
  { number: '+1 202 555 0123', claims: 'paypal', risk: 'medium', kind: 'international', finding: 'PHONE_INTERNATIONAL', why: 'PayPal is not a Chinese organisation: no domestic claim' },
  { number: '+864006700700', risk: 'high', kind: 'service', finding: 'PHONE_SPOOFED_OFFICIAL', official: 'wechat', why: '微信安全中心 warning [S:P8]' },
  { number: '+86 95188', risk: 'high', kind: 'service', finding: 'PHONE_SPOOFED_OFFICIAL', official: 'alipay', why: '+86 in front of a service number' },
  { number: '0086 95533', risk: 'high', kind: 'service', finding: 'PHONE_SPOOFED_OFFICIAL', official: 'ccb', why: '0086 form of a bank line' },
  { number: '0086 96110', risk: 'high', kind: 'service', finding: 'PHONE_SPOOFED_OFFICIAL', official: 'anti_fraud_center', why: '96110 with a prefix is fake [S:P11]' },
  { number: '+86 95123', risk: 'high', kind: 'service', finding: 'PHONE_PREFIXED_SERVICE', why: 'an unlisted service number with +86' },
  { number: '9518866', risk: 'high', kind: 'service', finding: 'PHONE_OFFICIAL_EXTRA_DIGITS', official: 'alipay', why: 'official number with digits appended' },
  { number: '95188', risk: 'low', kind: 'service', finding: 'PHONE_OFFICIAL', official: 'alipay', why: 'a correct 95188 is the official line' },
  { number: '95188', claims: '支付宝', risk: 'low', kind: 'service', finding: 'PHONE_OFFICIAL', official: 'alipay', why: 'claim and number agree' },
  { number: '９５１８８', risk: 'low', kind: 'service', finding: 'PHONE_OFFICIAL', official: 'alipay', why: 'full-width digits' },
  { number: '95588', claims: '支付宝', risk: 'medium', kind: 'service', finding: 'PHONE_CLAIM_MISMATCH', official: 'icbc', why: "ICBC's number is not Alipay's" },
  { number: '13812345678', claims: 'alipay', risk: 'high', kind: 'mobile', finding: 'PHONE_PERSONAL_CLAIMS_OFFICIAL', official: 'alipay', why: 'customer service on a personal mobile' },
  { number: '0085212345678', claims: '还呗', risk: 'high', kind: 'international', finding: 'PHONE_INTL_CLAIMS_DOMESTIC', official: 'huanbei', why: 'seed 001: "00" numbers posing as 还呗 customer service' },
  { number: '13812345678', claims: '淘宝', risk: 'high', kind: 'mobile', finding: 'PHONE_PERSONAL_CLAIMS_OFFICIAL', why: 'seed 003: "customer service" refund call from a mobile' },
  { number: '4001234567', claims: '淘宝', risk: 'unknown', kind: 'service', why: "Taobao's number is [GK]: no mismatch claimed against an unsourced number" },
  { number: '13812345678', claims: '顺丰', risk: 'unknown', kind: 'mobile', why: 'couriers do call from personal mobiles' },
  { number: '13812345678', risk: 'unknown', kind: 'mobile', official: null, why: 'nothing known against a plain mobile' },
  { number: '17012345678', risk: 'unknown', kind: 'mobile_virtual', finding: 'PHONE_VIRTUAL_MOBILE', why: 'virtual-operator range is a hint only' },
  { number: '16512345678', risk: 'unknown', kind: 'mobile_virtual', finding: 'PHONE_VIRTUAL_MOBILE', why: '165 is MVNO' },
  { number: '1440123456789', risk: 'medium', kind: 'mobile_iot', finding: 'PHONE_IOT', why: '13-digit IoT number' },
  { number: '1069012345678', risk: 'unknown', kind: 'gateway', finding: 'PHONE_GATEWAY_106', official: null, why: 'a real 1069 verification-code sender is not flagged' },
  { number: '10690000', risk: 'unknown', kind: 'gateway', finding: 'PHONE_GATEWAY_106', why: 'short 106 port' },
  { number: '0571-96110', risk: 'low', kind: 'service', finding: 'PHONE_OFFICIAL', official: 'anti_fraud_center', why: '96110 shows as area code + 96110 [S:G2]' },
  { number: '12368', risk: 'low', kind: 'service', finding: 'PHONE_OFFICIAL', official: 'court', why: 'court litigation-service line' },
  { number: '12381', risk: 'low', kind: 'service', finding: 'PHONE_OFFICIAL', official: 'anti_fraud_sms_12381', why: 'MIIT/MPS warning SMS sender' },
  { number: '010-12321', risk: 'low', kind: 'service', finding: 'PHONE_OFFICIAL', official: 'report_12321', why: '12321 reporting centre [S:G1]' },
  { number: '110', risk: 'unknown', kind: 'service', finding: 'PHONE_LISTED_UNVERIFIED', official: 'police', why: '110 is [GK]: listed, never called "official"' },
  { number: '96110', claims: '支付宝', risk: 'low', kind: 'service', finding: 'PHONE_OFFICIAL', official: 'anti_fraud_center', why: 'a referral number next to a brand is no mismatch' },
  { number: '021-53395288', risk: 'low', kind: 'landline', finding: 'PHONE_OFFICIAL', official: 'pinduoduo', why: 'Pinduoduo consumer line [S:B4]' },
  { number: '9510211', risk: 'unknown', kind: 'service', finding: 'PHONE_LISTED_UNVERIFIED', official: 'taobao', why: 'Taobao number is [GK]' },
  { number: '95012345', risk: 'unknown', kind: 'service', finding: 'PHONE_SERVICE_CALL_CENTRE', why: '950 range goes to call centres' },
  { number: '4001234567', risk: 'unknown', kind: 'service', finding: 'PHONE_SERVICE_UNLISTED', why: 'unknown 400 number: unknown' },
  { number: '4001234567', claims: 'wechat', risk: 'medium', kind: 'service', finding: 'PHONE_CLAIM_MISMATCH', official: 'wechat', why: "not WeChat's 400 line" },
  { number: '8613812345678', risk: 'unknown', kind: 'mobile', why: '86-prefixed mobile is just a mobile' },
  { number: '+86 138 1234 5678', risk: 'unknown', kind: 'mobile', why: '+86 mobile is normal' },
  { number: '0755-12345678', risk: 'unknown', kind: 'landline', why: 'a landline' },
];

describe('checkPhone', () => {
  for (const row of ROWS) {
    it(`${row.number}${row.claims ? ` claiming ${row.claims}` : ''} → ${row.risk} (${row.why})`, () => {
      const r = checkPhone(row.number, row.claims ? { claims: row.claims } : {});
      assert.equal(r.risk, row.risk, JSON.stringify(r.findings));
      assert.equal(r.details.kind, row.kind);
      if (row.finding) assert.ok(r.findings.some((f) => f.id === row.finding), `${row.finding} missing in ${r.findings.map((f) => f.id).join(',')}`);
      if (row.official !== undefined) assert.equal(r.official?.id ?? null, row.official);
      assert.equal(r.input, row.number);
      for (const f of r.findings) {
        assert.ok(f.explanation.zh.length > 0 && f.explanation.en.length > 0);
        assert.doesNotMatch(f.explanation.zh + f.explanation.en, /\{\w+\}/, `unfilled placeholder in ${f.id}`);
      }
    });
  }

  it('names the country of a foreign number', () => {
    const r = checkPhone('0096836155952');
    assert.equal(r.details.country, 'OM');
    assert.equal(r.details.callingCode, '968');
    assert.equal(r.details.countryName?.en, 'Oman');
  });

  it('names the real number when the claim does not match', () => {
    const r = checkPhone('13812345678', { claims: '支付宝' });
    assert.match(r.findings[0]?.explanation.zh ?? '', /95188/);
  });

  it('never answers "safe"', () => {
    for (const row of ROWS) assert.notEqual(checkPhone(row.number).risk as string, 'safe');
  });

  it('rejects input that is not a phone number with a clear error', () => {
    for (const bad of ['', '   ', 'hello', '12', '1'.repeat(41), '95188; rm -rf', '+']) {
      assert.throws(() => checkPhone(bad), IntelInputError, bad);
    }
  });

  it('rejects an unknown organisation in claims', () => {
    assert.throws(() => checkPhone('95188', { claims: 'no-such-brand' }), /unknown organisation/);
  });
});

describe('checkPhone: company SMS gateways', () => {
  it('a 1069 sender is no mismatch for the brand it signs as', () => {
    const r = checkPhone('1069012345678', { claims: '京东' });
    assert.equal(r.risk, 'unknown');
    assert.ok(!r.findings.some((f) => f.id === 'PHONE_CLAIM_MISMATCH'));
  });
});
