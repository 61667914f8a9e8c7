/**
 * Negated and reported asks (tag `negation`, src/core/signals/quoted.ts): what a text tells you NOT to do, or reports
 * that someone else asked, is set aside up to the end of its clause or the next word that asks again; nothing else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, analyzeConversation, type Analysis } from '../../src/index.js';

const flagged = (v: string): boolean => v === 'scam' || v === 'suspicious';
const why = (a: Analysis): string => `${a.verdict} ${a.score} ${a.signals.map((s) => `${s.id}:${s.weight}`).join(',')}`;
const ids = (a: Analysis): string[] => a.signals.map((s) => s.id);

/** One test per case: flagged, with the signal named (a request that must not be set aside, or the rule that reads it). */
function itFlagsWith(verb: string, cases: [name: string, text: string, id: string][]): void {
  for (const [name, text, id] of cases) {
    it(`${verb} ${name}`, () => {
      const a = analyze(text);
      assert.ok(flagged(a.verdict), why(a));
      assert.ok(ids(a).includes(id), why(a));
    });
  }
}

describe('a negated ask is advice, not a request', () => {
  const quiet: [string, string, string][] = [
    ['court SMS: never pay a personal account', '【12368】您好，(2025)沪0115民诉前调2231号案件已委派调解，调解员将通过人民法院调解平台与您联系，请通过12368核实，勿向任何个人账户转账。', 'PERSONAL_ACCOUNT'],
    ['shop reply: add no personal WeChat', '【淘宝】您的售后申请已受理，请在订单详情页上传凭证，客服会在App内回复您，请勿添加任何个人微信。', 'PERSONAL_ACCOUNT'],
    ['bank: no one needs your card password', '【工商银行】养老金资格认证可在手机银行自助完成，全程免费，无需向任何人提供银行卡密码。', 'ASK_CREDENTIALS'],
  ];
  for (const [name, text, setAside] of quiet) {
    it(`${name}: not flagged, and it says what it set aside`, () => {
      const a = analyze(text);
      assert.ok(!flagged(a.verdict), why(a));
      assert.ok(!ids(a).includes(setAside), why(a));
      const neg = a.signals.find((s) => s.id === 'NEGATED_ASK');
      assert.ok(neg, `NEGATED_ASK listed: ${why(a)}`);
      assert.match(String(neg.detail?.['quoted']), new RegExp(setAside));
      // Weight 0: it only sets tactics aside, it never lowers a score by itself.
      assert.equal(neg.weight, 0);
    });
  }

  itFlagsWith('keeps', [
    ['the request after the next 请', '为了您的资金安全，请勿轻信他人，请将全部资金转入我们的安全账户配合核查。', 'SAFE_ACCOUNT'],
    ['the request after 只能 in the same clause', '为了资金安全请不要向他人转账只能转到我们的安全账户', 'SAFE_ACCOUNT'],
    ['the request after a reassurance', '不用担心，只需提供验证码即可帮您完成退款', 'ASK_VERIFICATION_CODE'],
    ['a clause of its own', '千万不要告诉任何人，也不要挂电话，马上把钱转到这个账户', 'PERSONAL_ACCOUNT'],
  ]);

  it('does not read 特别 as 别', () => {
    const a = analyze('我特别为您提供了一个经销商的微信，请您联系他并帮我们转账。');
    assert.ok(!a.signals.some((s) => s.id === 'NEGATED_ASK' && s.detail?.['quoted']), why(a));
  });
});

describe('a reported ask is the other party speaking', () => {
  it('an anti-fraud officer asking what the scammer wanted is not asking for it', () => {
    const a = analyzeConversation([
      { speaker: '民警', text: '您好，我是派出所的民警，我们接到预警，您刚才是不是在和自称客服的人通话？' },
      { speaker: '市民', text: '是啊，他说我的订单有问题要退款。' },
      { speaker: '民警', text: '对方是不是让您下载一个会议软件？' },
      { speaker: '市民', text: '对，还没下呢。' },
      { speaker: '民警', text: '千万别下，那是诈骗，您挂断以后通过淘宝App联系官方客服。' },
    ]);
    assert.ok(!ids(a).includes('DOWNLOAD_APP'), why(a));
    assert.ok(!ids(a).includes('JOIN_MEETING'), why(a));
  });

  it("a scam caller's own request still counts", () => {
    const a = analyzeConversation([
      { speaker: '客服', text: '您好，我是淘宝客服，您的订单商品质量有问题，我们给您双倍赔偿。' },
      { speaker: '用户', text: '好的，怎么办理？' },
      { speaker: '客服', text: '您先下载一个会议软件，开启屏幕共享，我教您操作退款。' },
    ]);
    assert.ok(flagged(a.verdict), why(a));
    assert.ok(ids(a).includes('SCREEN_SHARE'), why(a));
  });
});

describe('a retold story with overlapping openers is still one story', () => {
  it('"昨天有人加我" … "把他删了": the tactics between are quoted', () => {
    const a = analyze('兄弟，昨天有人加我微信，说刷单点赞一个三块钱，后来让我充五百做个福利单，我一想不对就把他删了。');
    assert.ok(!flagged(a.verdict), why(a));
    const story = a.signals.find((s) => s.id === 'NARRATES_IGNORED_SCAM_LONG');
    assert.ok(story && story.detail?.['quoted'], why(a));
  });
});

describe('session 13 review: scams that hide their request in a negation or a reported ask', () => {
  // Found by an adversarial review of the first version of the mechanism; each was let through by it.
  const scams: [string, string][] = [
    ['a back office "there" asks you', '上级那边叫你下载一个云视讯app开视频共享屏幕，配合我们核查你的资金流水'],
    ['"they" want a fee', '您好，我们是反诈中心，骗子让您转的钱已经追回，他们要你交2000元手续费到这个账户后原路退还'],
    ['a regulator "there"', '银保监那边要您把借呗额度借出来清零，不然影响征信。'],
    ['a mentor "there"', '老师那边要你再充值一单20000元才能解冻账户提现。'],
    ['reassurance, then the fee after a space', '不用担心 交完500元保证金就能解冻提现 逾期账户将永久冻结'],
    ['reassurance run into the fee', '不用怕先交一千押金就能领工作服上岗'],
    ['"it will not hurt your credit"', '不会影响你征信的先下载这个APP把额度借出来转到对公账户'],
    ['"we will not leak it", then the ask', '你放心我们不会泄露你的信息 身份证照片和银行卡号发我登记一下'],
    ['urging inside the negation', '不要再犹豫了赶紧转账到这个账户，名额有限。'],
    ['numbered steps', '1.不要挂断电话 2.不要向家人透露任何案情 3.将资金转入国家安全账户 4.核查后退回'],
    ['"do not believe the others", then the ask', '请不要相信其他客服说的 您就按我说的打开屏幕共享操作退款'],
    ['"no card needed", then borrow', '不用提供银行卡 帮我在支付宝里借出5万转到这个账户做信用修复'],
    ['a warning phrase, a space, the code', '我们不会让您转账 您务必把验证码报给我核对身份'],
  ];
  for (const [name, text] of scams) {
    it(`flags ${name}`, () => {
      const a = analyze(text);
      assert.ok(flagged(a.verdict), why(a));
    });
  }

  it('a relative asking whether the caller wanted a safe-account transfer is not flagged', () => {
    const a = analyze('小王，对方是不是让你把钱转到安全账户？千万别转，我现在陪你去派出所。');
    assert.ok(!flagged(a.verdict), why(a));
  });

  it('each warning lists only what it set aside itself', () => {
    const a = analyze('【淘宝】请在订单页申请售后，请勿添加任何个人微信。凡是要求你共享屏幕的都是诈骗。');
    const neg = a.signals.find((s) => s.id === 'NEGATED_ASK');
    const warning = a.signals.find((s) => s.id === 'ANTI_FRAUD_WARNING');
    assert.equal(neg?.detail?.['quoted'], 'PERSONAL_ACCOUNT', why(a));
    assert.equal(warning?.detail?.['quoted'], 'SCREEN_SHARE', why(a));
  });
});

describe('a tactic quoted once in a story and once in a warning is quoted', () => {
  it('a mother retelling a fake-police call to her son, who warns her back, is not flagged', () => {
    const a = analyzeConversation([
      { speaker: '妈', text: '我上午接到个电话，说是公安局的，说我身份证涉嫌洗钱，让我把钱转到安全账户。' },
      { speaker: '儿子', text: '你没转吧？' },
      { speaker: '妈', text: '没有，我直接挂了。' },
      { speaker: '儿子', text: '对，公安不会打电话让你转钱，根本没有什么安全账户。' },
    ]);
    assert.ok(!flagged(a.verdict), why(a));
    assert.ok(!ids(a).includes('AUTH_CRIME'), why(a));
  });
});

describe('session 13 review: old misses that general rules now read', () => {
  itFlagsWith('flags', [
    ['coaching the victim to lie to the bank', '不要相信银行柜员的话，你就说是给家里人转的钱。', 'COACHES_TO_LIE'],
    ['shaming doubt away', '你不会连我都不相信吧，我真的急用，先转我2000。', 'GUILT_AGAINST_DOUBT'],
    ['a platform that denies being a scam before the deposit', '不要相信网上那些说是诈骗的帖子，我们平台是合法的，今天充值5万送5千。', 'DISCREDITS_WARNINGS'],
  ]);
  it('does not read a police warning that "a licensed platform never asks for a deposit" as a platform defending itself', () => {
    const a = analyze('这是游戏交易诈骗，正规平台不会要求另外交保证金解冻，你千万别转钱。');
    assert.ok(!ids(a).includes('DISCREDITS_WARNINGS'), why(a));
  });
});
