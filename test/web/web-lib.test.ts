/** The web app's other pure helpers: input detection, masking preview, report checks, language choice. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectInput, parseTranscript } from '../../web/src/lib/detect.js';
import { maskPreview } from '../../web/src/lib/mask.js';
import { validateReport, type ReportForm } from '../../web/src/lib/report-validate.js';
import { catalogue, format, pickLang } from '../../web/src/i18n/messages.js';
import { excerpt } from '../../web/src/lib/warning.js';

test('detectInput tells phone numbers, links, transcripts and messages apart', () => {
  assert.equal(detectInput('   '), 'empty');
  assert.equal(detectInput('13800138000'), 'phone');
  assert.equal(detectInput('+86 138-0013-8000'), 'phone');
  assert.equal(detectInput('95188'), 'phone');
  assert.equal(detectInput('http://tb-refund.cn/pay?id=1'), 'url');
  assert.equal(detectInput('alipay-help.com'), 'url');
  assert.equal(detectInput('A: 您好，我是淘宝客服\nB: 什么事？\nA: 您的订单需要退款'), 'transcript');
  assert.equal(detectInput('客服：你好\n我：你好'), 'transcript');
  assert.equal(detectInput('【淘宝】您的订单已发货，请注意查收。'), 'message');
  // One speaker only, or a link on its own line, is not a dialogue.
  assert.equal(detectInput('A: 你好\nA: 在吗'), 'message');
  assert.equal(detectInput('请点击\nhttps://x.cn/a'), 'message');
});

test('parseTranscript keeps speakers and folds unlabelled lines into the previous turn', () => {
  assert.deepEqual(parseTranscript('A：您好\n我是客服\nB: 哦'), [
    { speaker: 'A', text: '您好\n我是客服' },
    { speaker: 'B', text: '哦' },
  ]);
  assert.equal(parseTranscript('just one line'), null);
});

test('a call-centre export with inline tags is a transcript; a brand signature is not', () => {
  assert.equal(detectInput('【坐席】您好，我是京东金融客服。【客户】什么事？【坐席】您的金条需要关闭。'), 'transcript');
  assert.deepEqual(parseTranscript('【坐席】您好【客户】嗯'), [
    { speaker: '坐席', text: '您好' },
    { speaker: '客户', text: '嗯' },
  ]);
  assert.equal(detectInput('【中国移动】您的话费余额不足，请及时充值。'), 'message');
});

// Bounded patterns only: catastrophic backtracking would hang here until the test's time limit.
test('detectInput answers on long adversarial input', { timeout: 20_000 }, () => {
  assert.equal(detectInput('a:'.repeat(50_000) + '\n' + '1'.repeat(100_000)), 'message');
  assert.equal(detectInput('a'.repeat(3000) + '.cn'), 'message');
  assert.equal(detectInput('1'.repeat(100_000)), 'message');
});

test('maskPreview hides mobile, card and ID numbers as the service stores them', () => {
  const r = maskPreview('他让我打 13800138000，卡号 6222021234567890123，身份证 110101199003071234。');
  assert.equal(r.count, 3);
  assert.ok(r.text.includes('138****8000'), r.text);
  assert.ok(r.text.includes('6222***********0123'), r.text);
  assert.ok(r.text.includes('110***********1234'), r.text);
  assert.ok(!/13800138000|6222021234567890123|110101199003071234/.test(r.text), r.text);
  assert.deepEqual(maskPreview('没有号码 95188'), { text: '没有号码 95188', count: 0 });
});

test('validateReport flags what the form needs', () => {
  const base: ReportForm = { kind: 'phone', value: '', platform: 'wechat', category: '', description: '', evidence: '', occurredAt: '', amount: '', contact: '', consent: false };
  assert.equal(validateReport(base).value?.key, 'report.err.required');
  assert.equal(validateReport({ ...base, value: 'abc' }).value?.key, 'report.err.phone');
  assert.deepEqual(validateReport({ ...base, value: '13800138000' }), {});
  assert.equal(validateReport({ ...base, kind: 'url', value: 'not a link' }).value?.key, 'report.err.url');
  assert.deepEqual(validateReport({ ...base, kind: 'url', value: 'http://tb-refund.cn/pay' }), {});
  assert.equal(validateReport({ ...base, kind: 'sms', evidence: '您的快递丢失，点击理赔' }).value?.key, 'report.err.required');
  assert.deepEqual(validateReport({ ...base, kind: 'sms', value: '【某银行】' }), {});
  assert.equal(validateReport({ ...base, value: '13800138000', amount: '-5' }).amount?.key, 'report.err.amount');
  assert.deepEqual(validateReport({ ...base, value: '13800138000', amount: '1200.5' }), {});
  assert.equal(validateReport({ ...base, kind: 'payment_account', value: '123' }).value?.key, 'report.err.account');
  assert.equal(validateReport({ ...base, value: '13800138000', description: 'x'.repeat(5001) }).description?.key, 'report.err.tooLong');
});

test('the catalogue has the same keys and placeholders in both languages', () => {
  const zhKeys = Object.keys(catalogue.zh).sort();
  assert.deepEqual(Object.keys(catalogue.en).sort(), zhKeys);
  for (const k of zhKeys) {
    const ph = (s: string) => (s.match(/\{[a-zA-Z]+\}/g) ?? []).sort();
    assert.deepEqual(ph(catalogue.en[k as keyof typeof catalogue.en]), ph(catalogue.zh[k as keyof typeof catalogue.zh]), k);
    assert.ok(catalogue.en[k as keyof typeof catalogue.en].trim(), `en ${k} is empty`);
  }
  assert.equal(format('风险分 {score}/100', { score: 90 }), '风险分 90/100');
  assert.equal(format('{missing}', {}), '{missing}');
});

test('pickLang: a stored choice, else the first browser language', () => {
  assert.equal(pickLang(['zh-CN', 'en'], null), 'zh');
  assert.equal(pickLang(['zh-TW'], null), 'zh');
  assert.equal(pickLang(['en-US', 'zh-CN'], null), 'en');
  assert.equal(pickLang(['fr-FR'], null), 'en');
  assert.equal(pickLang([], null), 'zh');
  assert.equal(pickLang(['zh-CN'], 'en'), 'en');
  assert.equal(pickLang(['en'], 'bogus'), 'en');
});

test('excerpt cuts on whole characters', () => {
  assert.equal(excerpt('😀'.repeat(100), 3), '😀😀😀…');
  assert.equal(excerpt('  a \n b  '), 'a b');
});
