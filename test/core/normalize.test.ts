import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileKnowledge } from '../../src/core/knowledge.js';
import { normalize } from '../../src/core/normalize/normalize.js';
import { toOriginal } from '../../src/core/normalize/text-view.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';

const k = compileKnowledge(defaultKnowledge);
const norm = (s: string) => normalize(s, k.normalize);

describe('normalise', () => {
  const cases: [string, string, string][] = [
    ['full-width letters and digits', 'ＱＱ１２３４５６', 'qq123456'],
    ['traditional to simplified', '支付寶賬戶異常', '支付宝账户异常'],
    ['zero-width characters are dropped', '客\u200b服\u200d', '客服'],
    ['薇信 is WeChat', '加我薇信', '加我微信'],
    ['V信 and VX are WeChat', '请加V信，或VX', '请加微信,或微信'],
    ['加V means add WeChat', '加V：abc123', '加微信:abc123'],
    ['扣扣 is QQ', '扣扣号', 'qq号'],
    ['O written for 0 inside numbers', '138OO138000', '13800138000'],
    ['Chinese numerals in a phone number', '幺三八零零幺三八零零零', '13800138000'],
    ['circled and dingbat digits', '①②➂⓿', '1230'],
    ['Taiwan words for link, click, SMS and account', '請點選連結，簡訊驗證碼，帳號與帳戶', '请点击链接,短信验证码,账号与账户'],
    ['Taiwan investment news keeps 投资 (讯息, not 资讯)', '投資訊息', '投资信息'],
    ['mainland words that contain a Taiwan word are left alone', '重点按照重点选择自身分析存储值', '重点按照重点选择自身分析存储值'],
    ['么 inside a spelled-out number is 1', '么三八零零么三八零零零', '13800138000'],
    ['身分證 is 身份证', '攜帶身分證', '携带身份证'],
    ['么 stays 么 (OpenCC alone would make it 幺); 麼 becomes 么', '什么？為什麼怎么', '什么?为什么怎么'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(norm(input).norm.text, expected));
  }

  it('compact view joins spaced-out and punctuated-apart characters', () => {
    assert.equal(norm('淘 宝 客 服').compact.text, '淘宝客服');
    assert.equal(norm('拼.多.多').compact.text, '拼多多');
    assert.equal(norm('淘-宝_客|服').compact.text, '淘宝客服');
  });

  it('compact view keeps one space between Latin words', () => {
    assert.equal(norm('Reply  STOP, now!').compact.text, 'reply stop now');
  });

  it('maps every derived span back to the original text', () => {
    const original = '您好，淘 宝 客 服：加我薇信 ＡＢＣ';
    const n = norm(original);
    const i = n.compact.text.indexOf('淘宝客服');
    const span = toOriginal(n.compact, i, i + 4);
    assert.equal(original.slice(span.start, span.end), '淘 宝 客 服');
    const j = n.norm.text.indexOf('微信');
    const s2 = toOriginal(n.norm, j, j + 2);
    assert.equal(original.slice(s2.start, s2.end), '薇信');
    const k2 = n.norm.text.indexOf('abc');
    const s3 = toOriginal(n.norm, k2, k2 + 3);
    assert.equal(original.slice(s3.start, s3.end), 'ＡＢＣ');
  });

  it('keeps emoji (surrogate pairs) as one unit with the right offsets', () => {
    const original = '😀客服😀';
    const n = norm(original);
    const i = n.compact.text.indexOf('客服');
    const span = toOriginal(n.compact, i, i + 2);
    assert.deepEqual(span, { start: 2, end: 4 });
  });
});
