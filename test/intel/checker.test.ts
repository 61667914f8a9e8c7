import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeWith } from '../../src/core/analyze.js';
import { createEngine } from '../../src/engine.js';
import { analyze } from '../../src/index.js';
import { intelChecker } from '../../src/intel/index.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';

const withIntel = (text: string, sender?: string) => analyzeWith(text, defaultKnowledge, { useModel: false, ...(sender ? { sender } : {}) }, { checkers: [intelChecker] });
const without = (text: string, sender?: string) => analyzeWith(text, defaultKnowledge, { useModel: false, ...(sender ? { sender } : {}) }, {});
const intelIds = (a: ReturnType<typeof analyze>): string[] => a.signals.filter((s) => s.source === 'intel').map((s) => s.id);

describe('intelChecker inside analyze', () => {
  it('is wired into the shipped engine', () => {
    const a = analyze('您好我是支付宝客服，您的账户异常，请点击 alipay.com.refund-help.cn 处理');
    assert.ok(intelIds(a).includes('URL_LOOKALIKE'), intelIds(a).join(','));
  });

  it('turns a look-alike link into a signal whose span covers the link', () => {
    const text = '您好我是支付宝客服，您的账户异常，请点击 alipay.com.refund-help.cn 处理';
    const a = withIntel(text);
    const s = a.signals.find((x) => x.id === 'URL_LOOKALIKE');
    assert.ok(s);
    assert.equal(text.slice(s.spans[0]?.start, s.spans[0]?.end), 'alipay.com.refund-help.cn');
    assert.match(s.explanation.zh, /alipay\.com/);
  });

  it('names the real channel in advice when a brand is impersonated by a foreign number', () => {
    const text = '拼多多客服来电 0096836155952：您开通了百万保障，需要关闭，否则每月扣费';
    const a = withIntel(text);
    const s = a.signals.find((x) => x.id === 'PHONE_INTL_CLAIMS_DOMESTIC');
    assert.ok(s, a.signals.map((x) => x.id).join(','));
    assert.equal(text.slice(s.spans[0]?.start, s.spans[0]?.end), '0096836155952');
    assert.ok(a.advice.some((x) => x.zh.includes('拼多多官方客服电话是 021-53395288')), JSON.stringify(a.advice));
    assert.ok(a.verdict === 'scam' || a.verdict === 'suspicious');
  });

  it('"支付宝官方客服电话是 95188" appears for an Alipay impersonation', () => {
    const a = withIntel('【支付宝】您的花呗已逾期，请联系专员13812345678处理，否则影响征信');
    assert.ok(a.advice.some((x) => x.zh.startsWith('支付宝官方客服电话是 95188')), JSON.stringify(a.advice));
    assert.ok(intelIds(a).includes('PHONE_PERSONAL_CLAIMS_OFFICIAL'));
  });

  it('an impossible case number raises the score once per number', () => {
    const text = '【花呗调解中心】(2023)蚂调字第123号，您的花呗已逾期，请配合处理。';
    const a = withIntel(text);
    const b = without(text);
    assert.ok(a.score > b.score, `${a.score} vs ${b.score}`);
    assert.equal(a.signals.filter((s) => s.id.startsWith('CASE_NUMBER_')).length, 1);
  });

  it('a valid-looking case number never lowers a scam notice below suspicious', () => {
    const base = '诉前调解通知：您的借款纠纷已登记，请于今日内联系调解员13912345678办理还款，户名：张三，开户行：农业银行。';
    const withNumber = base.replace('诉前调解通知：', '诉前调解通知：(2024)浙0192民诉前调595号，');
    const a = withIntel(withNumber);
    assert.ok(a.verdict === 'scam' || a.verdict === 'suspicious', a.verdict);
    assert.ok(a.score >= withIntel(base).score, 'the number must not lower the score');
    assert.ok(a.signals.some((s) => s.id === 'NOTICE_NUMBER_NOT_PROOF'), 'says a valid number proves nothing');
  });

  it('an official court SMS is not called a scam and is told how to verify', () => {
    const a = withIntel('【杭州互联网法院】您好，(2024)浙0192民诉前调595号案件已受理，请登录“人民法院在线服务”小程序查看，如有疑问请拨打12368。');
    assert.notEqual(a.verdict, 'scam');
    const s = a.signals.find((x) => x.id === 'NOTICE_VERIFY_OFFICIAL');
    assert.ok(s);
    assert.match(s.explanation.zh, /12368/);
    assert.match(s.explanation.zh, /人民法院在线服务/);
  });

  it('leaves legitimate look-alikes alone: operator short links and 1069 code senders', () => {
    const unicom = withIntel('【中国联通】尊敬的客户，您本月账单已出，详情请点击 https://u.10010.cn/qAbCd 查看。');
    // Only the vouching: the operator's own short-link domain.
    assert.deepEqual(intelIds(unicom), ['URL_ALL_VOUCHED']);
    const code = withIntel('【京东】验证码384712，用于登录，5分钟内有效，请勿泄露。', '1069012345678');
    assert.deepEqual(intelIds(code), []);
    assert.equal(code.verdict, 'safe');
  });

  it('does not count a referral number next to a brand as a mismatch', () => {
    const a = withIntel('支付宝提醒：谨防诈骗，如遇可疑情况请拨打96110咨询。');
    assert.ok(!intelIds(a).includes('PHONE_CLAIM_MISMATCH'), intelIds(a).join(','));
  });

  it('checks the sender too, without spans', () => {
    const a = withIntel('【支付宝】您的账户存在风险', '+8695188');
    const s = a.signals.find((x) => x.id === 'PHONE_SPOOFED_OFFICIAL');
    assert.ok(s);
    assert.deepEqual(s.spans, []);
  });

  it('every signal it emits is defined in the knowledge and has spans inside the text', () => {
    const texts = [
      '点击 http://1.2.3.4:8080/pay 或 bit.ly/abc 或 foo.duckdns.org 领取',
      'PayPal: your account is limited, verify at https://paypa1.com/login',
      '（2024）贵01民初5号 请于2小时内还款至以下账户 户名李四',
    ];
    for (const t of texts) {
      const a = withIntel(t);
      for (const s of a.signals.filter((x) => x.source === 'intel')) {
        assert.ok(defaultKnowledge.signals.some((d) => d.id === s.id), s.id);
        for (const sp of s.spans) assert.ok(sp.start >= 0 && sp.end <= t.length && sp.start < sp.end, `${s.id} span`);
      }
    }
  });

  it('createEngine accepts the checker as a plug-in', () => {
    const e = createEngine({ checkers: [intelChecker] });
    assert.ok(intelIds(e.analyze('jd-refund.top 京东退款', { useModel: false })).includes('URL_LOOKALIKE'));
  });
});

describe('12381 / anti-fraud-centre warnings', () => {
  it('a "国家反诈中心" message with a link is flagged; the real warning text is not', () => {
    const fake = withIntel('【国家反诈中心】您的手机存在涉诈风险，请点击 http://fzzx-check.top 下载安全插件');
    assert.ok(intelIds(fake).includes('ANTIFRAUD_WARNING_WITH_LINK'), intelIds(fake).join(','));
    const real = withIntel('【工信部反诈中心】您可能正在遭遇诈骗，请勿转账汇款，如有疑问请拨打96110咨询。', '12381');
    assert.ok(!intelIds(real).includes('ANTIFRAUD_WARNING_WITH_LINK'));
  });
});

describe('URL_ALL_VOUCHED', () => {
  it('fires when every link is on an organisation\'s own or a government domain, with the links as spans', () => {
    const text = '请登录 https://www.gov.cn/zhengce/ 或 https://www.beijing.gov.cn 查询';
    const a = withIntel(text);
    const s = a.signals.find((x) => x.id === 'URL_ALL_VOUCHED');
    assert.ok(s, intelIds(a).join(','));
    assert.deepEqual(s.spans.map((sp) => text.slice(sp.start, sp.end)), ['https://www.gov.cn/zhengce/', 'https://www.beijing.gov.cn']);
    assert.ok(s.weight < 0);
  });
  it('does not fire for a host where anyone publishes, nor beside a number that is not the organisation\'s', () => {
    assert.ok(!intelIds(withIntel('用這個連結安裝交易軟體 https://testflight.apple.com/join/Xy12AbCd')).includes('URL_ALL_VOUCHED'));
    assert.ok(intelIds(withIntel('请登录 https://www.gov.cn/zhengce/ 查询')).includes('URL_ALL_VOUCHED'));
    assert.ok(!intelIds(withIntel('请登录 https://www.gov.cn/zhengce/ 查询，并致电专员 13812345678')).includes('URL_ALL_VOUCHED'));
  });
  it('does not fire beside any other link, nor for a bare site name, nor without links', () => {
    assert.ok(!intelIds(withIntel('请登录 https://www.alipay.com/help 或 http://alipay-refund.top/r 办理')).includes('URL_ALL_VOUCHED'));
    assert.ok(!intelIds(withIntel('Amazon.com: your order has shipped')).includes('URL_ALL_VOUCHED'));
    assert.ok(!intelIds(withIntel('您的订单已发货')).includes('URL_ALL_VOUCHED'));
  });
});

describe('Taiwan and Hong Kong companies in the directory', () => {
  it('vouches for their real domains and catches look-alikes of them', () => {
    assert.ok(intelIds(withIntel('【台灣電力公司】您的電費帳單已出帳，詳 https://www.taipower.com.tw')).includes('URL_ALL_VOUCHED'));
    assert.ok(intelIds(withIntel('【遠通電收】您的通行費欠費，請補繳 https://fetc-pay.com/t')).includes('URL_LOOKALIKE'));
    assert.ok(intelIds(withIntel('【黑貓宅急便】包裹地址有誤，請更新 https://t-cat-tw.top/x')).includes('URL_NOT_OFFICIAL_FOR_CLAIM'));
  });
  it('does not read everyday words as the brands (高鐵, 全家) nor flag an unrelated "family" site', () => {
    const a = withIntel('我在高鐵上，全家都在等我 https://www.familysearch.org');
    assert.ok(!a.entities.some((e) => e.kind === 'brand'), JSON.stringify(a.entities));
    assert.ok(!intelIds(a).includes('URL_LOOKALIKE'), intelIds(a).join(','));
  });
});
