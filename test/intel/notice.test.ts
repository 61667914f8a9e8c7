import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNotice, IntelInputError, type Risk } from '../../src/intel/index.js';

const YEAR = 2026;

interface Row {
  text: string;
  risk: Risk;
  has: string[];
  not?: string[];
  why: string;
}

const ROWS: Row[] = [
  {
    text: '【杭州互联网法院】您好，(2024)浙0192民诉前调595号案件已受理，请登录“人民法院在线服务”小程序查看，如有疑问请拨打12368。',
    risk: 'unknown',
    has: ['NOTICE_NUMBER_NOT_PROOF', 'NOTICE_VERIFY_OFFICIAL'],
    not: ['NOTICE_PAY_ACCOUNT', 'NOTICE_PERSONAL_CONTACT'],
    why: 'a genuine-looking court SMS: explain how to verify, never "safe", never "scam"',
  },
  {
    text: '【花呗调解中心】您的花呗已逾期，(2023)蚂调字第123号，请于2小时内联系调解员微信hb_tiaojie88，将欠款转入以下账户，否则冻结名下所有账户并通知家人。',
    risk: 'high',
    has: ['CASE_NUMBER_OLD_STYLE_AFTER_2016', 'NOTICE_PAY_ACCOUNT', 'NOTICE_PERSONAL_CONTACT', 'NOTICE_FREEZE_ALL', 'NOTICE_TELL_FAMILY', 'NOTICE_DEADLINE_HOURS'],
    not: ['NOTICE_VERIFY_OFFICIAL'],
    why: 'the seed-000 pattern: everything a real court never does',
  },
  {
    text: '诉前调解通知：(2024)浙0192民诉前调595号，您的借款纠纷已登记。请于今日内联系调解员13912345678办理还款，户名：张三，开户行：农业银行。',
    risk: 'high',
    has: ['NOTICE_PAY_ACCOUNT', 'NOTICE_PERSONAL_CONTACT', 'NOTICE_DEADLINE_HOURS', 'NOTICE_NUMBER_NOT_PROOF'],
    not: ['NOTICE_VERIFY_OFFICIAL'],
    why: 'a valid-looking number does not rescue a demand to pay a personal account',
  },
  {
    text: '【XX调解委员会】您的案件已进入诉前调解阶段，请扫码还款，逾期不处理将上门走访并通知单位。',
    risk: 'high',
    has: ['NOTICE_PAY_ACCOUNT', 'NOTICE_TELL_FAMILY', 'NOTICE_QR_OR_SCREEN'],
    why: 'QR-code repayment and threats',
  },
  {
    text: '(2030)京01民初1号 开庭传票',
    risk: 'high',
    has: ['CASE_NUMBER_FUTURE_YEAR'],
    why: 'a future year',
  },
  {
    text: '关于你们公司起诉的事情，我们下周再商量。',
    risk: 'unknown',
    has: ['NOTICE_HOW_TO_VERIFY'],
    not: ['NOTICE_PAY_ACCOUNT'],
    why: 'notice words, nothing asked: explain, do not accuse',
  },
  { text: '今晚一起吃饭吗？', risk: 'unknown', has: [], not: ['NOTICE_HOW_TO_VERIFY'], why: 'not a notice at all' },
];

describe('checkNotice', () => {
  for (const row of ROWS) {
    it(`${row.risk}: ${row.why}`, () => {
      const r = checkNotice(row.text, { year: YEAR });
      const ids = r.findings.map((f) => f.id);
      assert.equal(r.risk, row.risk, ids.join(','));
      for (const id of row.has) assert.ok(ids.includes(id), `${id} missing in ${ids.join(',')}`);
      for (const id of row.not ?? []) assert.ok(!ids.includes(id), `${id} must not fire`);
      assert.equal(r.input, row.text);
      assert.notEqual(r.risk as string, 'safe');
    });
  }

  it('links the court directory entry for a notice, none for chat', () => {
    assert.equal(checkNotice(ROWS[0]?.text ?? '', { year: YEAR }).official?.id, 'court');
    assert.equal(checkNotice('今晚一起吃饭吗？', { year: YEAR }).official, null);
  });

  it('lists the parsed case numbers', () => {
    const r = checkNotice(ROWS[1]?.text ?? '', { year: YEAR });
    assert.equal(r.details.caseNumbers.length, 1);
    assert.equal(r.details.caseNumbers[0]?.plausible, false);
  });

  it('rejects empty input', () => {
    assert.throws(() => checkNotice('  '), IntelInputError);
  });
});
