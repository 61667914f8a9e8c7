/**
 * Regression suites on text the project wrote itself (test/fixtures/, never trained on):
 * the seed articles' scam scripts and advice lines, and held-out near-domain messages.
 * Named false-positive cases live here, as Rspamd keeps its "NO FP" cases.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze, analyzeConversation, type Analysis, type AnalyzeOptions, type Turn } from '../../src/index.js';

interface Fixture {
  id: string;
  text: string;
  label: 'scam' | 'legit' | 'spam';
  category?: string;
  kind?: string;
  sender?: string;
  how?: string;
}

const load = (name: string): Fixture[] =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Fixture);

const flagged = (v: string): boolean => v === 'scam' || v === 'suspicious';
/** Verdict, score and signals: what a failing case prints. */
const why = (a: Analysis, text: string): string => `${a.verdict} ${a.score} ${a.signals.map((s) => `${s.id}:${s.weight}`).join(',')}: ${text}`;
/** Analyses `text`, asserts it is flagged (scam or suspicious), returns the analysis for further checks. */
const assertFlagged = (text: string, options: AnalyzeOptions = {}): Analysis => {
  const a = analyze(text, options);
  assert.ok(flagged(a.verdict), why(a, text));
  return a;
};
/** Analyses `text`, asserts it is not flagged, returns the analysis. */
const assertQuiet = (text: string, options: AnalyzeOptions = {}): Analysis => {
  const a = analyze(text, options);
  assert.ok(!flagged(a.verdict), why(a, text));
  return a;
};
/** Each of `texts` is flagged (one assertion per text, as a loop of assertFlagged). */
const assertAllFlagged = (texts: readonly string[], options: AnalyzeOptions = {}): void => {
  for (const text of texts) assertFlagged(text, options);
};
/** None of `texts` is flagged. */
const assertAllQuiet = (texts: readonly string[], options: AnalyzeOptions = {}): void => {
  for (const text of texts) assertQuiet(text, options);
};
const run = (f: Fixture) => analyze(f.text, f.sender ? { sender: f.sender } : {});

describe('seed articles', () => {
  const seeds = load('seeds.jsonl');
  for (const f of seeds.filter((x) => x.label === 'scam')) {
    it(`scam script ${f.id} is flagged with the right category`, () => {
      const a = run(f);
      assert.ok(flagged(a.verdict), `${a.verdict} ${a.score}: ${f.text}`);
      assert.equal(a.category, f.category, f.text);
    });
  }
  it('at least 80% of the seed scam scripts come out as a plain "scam" verdict', () => {
    const scams = seeds.filter((x) => x.label === 'scam');
    const scam = scams.filter((f) => run(f).verdict === 'scam').length;
    assert.ok(scam / scams.length >= 0.8, `${scam}/${scams.length}`);
  });
  for (const f of seeds.filter((x) => x.label === 'legit')) {
    it(`advice line ${f.id} is not flagged`, () => {
      const a = run(f);
      assert.ok(!flagged(a.verdict), `${a.verdict} ${a.score} ${a.signals.map((s) => s.id).join(',')}: ${f.text}`);
    });
  }
});

describe('held-out near-domain messages', () => {
  it('false alarms on genuine near-domain messages stay under 5%', () => {
    const legit = load('near-domain-legit.jsonl');
    const bad = legit.filter((f) => flagged(run(f).verdict));
    assert.ok(bad.length / legit.length < 0.05, `${bad.length}/${legit.length}: ${bad.map((b) => b.id).join(', ')}`);
  });
  it('at least 85% of held-out written scams are flagged', () => {
    const scams = load('near-domain-scam.jsonl');
    const caught = scams.filter((f) => flagged(run(f).verdict));
    assert.ok(caught.length / scams.length >= 0.85, `${caught.length}/${scams.length}`);
  });
});

describe('Taiwan messages (session 7; written beside the Taiwan rules and training rows, so a regression set)', () => {
  const rows = load('taiwan.jsonl');
  it('at least 90% of the scams are flagged', () => {
    const scams = rows.filter((f) => f.label === 'scam');
    const missed = scams.filter((f) => !flagged(run(f).verdict));
    assert.ok(1 - missed.length / scams.length >= 0.9, missed.map((m) => m.id).join(', '));
  });
  it('fewer than 5% of the genuine messages are flagged', () => {
    const legit = rows.filter((f) => f.label === 'legit');
    const bad = legit.filter((f) => flagged(run(f).verdict));
    assert.ok(bad.length / legit.length < 0.05, bad.map((b) => b.id).join(', '));
  });
});

describe('named false-positive regressions', () => {
  const quiet: [string, string, string?][] = [
    ['a real 1069 verification-code sender', '【京东】验证码：552301，您正在登录京东账号，切勿告知他人。', '1069071112345'],
    ['an operator SMS with a u.10010.cn link', '【中国联通】您好，您本月账单已出，话费68.50元，详情请点击 https://u.10010.cn/qAbc1 查看。'],
    ['a court SMS that points to 12368', '【杭州互联网法院】您好，(2025)浙0192民初12345号案件已立案，请登录人民法院在线服务查看，核实请拨12368。'],
    ['a 12381 warning that quotes scam phrases', '【工信部反诈中心】您好，近期有不法分子冒充客服以“退款”“百万保障”为由要求共享屏幕、提供验证码，都是诈骗，请勿相信。'],
    ['a refund-done notice', '【拼多多】您的售后退款￥39.90已原路退回至微信支付，请注意查收。'],
    // Session 7: Taiwan's uniform-invoice lottery and a lender reporting a disbursement (帳 folds to 帐, not 账).
    ['a Taiwan invoice-prize notice', '【財政部】恭喜您統一發票中獎200元，請至財政部統一發票兌獎APP或四大超商兌領，詳見 https://invoice.etax.nat.gov.tw'],
    ['a loan-disbursed notice', '中信銀行：您申辦的信用貸款已核准，撥款金額NT$300,000已入帳，請至網銀查詢。'],
    // Warnings and statements written the Taiwan way, digits stripped as in nagato (session 7).
    ['a Taiwan warning that names the scam in its own words', '【反詐騙】「恭喜中獎，請先繳稅金和運費」是假中獎詐騙。合法抽獎的稅金由主辦單位依法扣繳，不會要你先匯款。'],
    ['a warning that there is no "supervision account"', '【內政部警政署】近期假冒檢警詐騙增加，警察與檢察官不會用LINE辦案，也沒有「監管帳戶」，接到可疑電話請撥查證。'],
    ['a matured deposit paid into the own account', '【玉山銀行】您的日圓定存JPY ,已到期，本息已轉入您的外幣活存帳戶。'],
    ['a clean-record certificate', '【国家政务服务平台】您申请的无犯罪记录证明已开具，可在“公安一网通办”中下载电子证明。'],
    ['a broadband installer visit with a deposit clause', '【中国电信】您申请的宽带移机已预约成功，装维人员将于月日上午上门，上门服务不收取额外费用，设备押金以合同为准。'],
    ['an app-login code that names no "code"', '[Instagram] Use 482913 to verify your Instagram account.'],
    ['a complaint-accepted notice that points to the app', '【淘宝】您的投诉已受理，平台将在48小时内介入处理，处理进度请在淘宝App-我的-客服中心查看。'],
  ];
  for (const [name, text, sender] of quiet) {
    it(`does not flag ${name}`, () => {
      assertQuiet(text, sender ? { sender } : {});
    });
  }
});

describe('session 7: tactics added to the rule packs, end to end', () => {
  const scams: [string, string, string][] = [
    ['a "class teacher" collecting a fee by QR code', '各位家长好，我是班主任，这学期的资料费每人260元，请扫这个二维码付款，今天下午截止。', 'TEACHER_FEE_COLLECTION'],
    ['a "download" that needs the firewall off', '资料我发你了，你先下载这个软件，安装前把手机管家关掉，关闭防火墙，不然会被拦截。', 'DISABLE_PROTECTION'],
    ['money-mule recruitment', '高价收购银行卡，一张卡三千元，当天结算，私聊。', 'ACCOUNT_RENTAL'],
    ['an adviser asking for a transfer to "our" card', '这个项目稳赚不赔，您把钱转到我们的银行卡上就能马上开始投资了。', 'TRANSFER_TO_THEIR_ACCOUNT'],
  ];
  for (const [name, text, rule] of scams) {
    it(`flags ${name}, naming ${rule}`, () => {
      const s = assertFlagged(text).signals.find((x) => x.id === rule);
      assert.ok(s && s.spans.length > 0 && s.explanation.zh && s.explanation.en, rule);
    });
  }
  it('but not a school that sends parents to its own platform, a form to fill in, or a parent who paid', () => {
    for (const text of [
      '各位家长好，下学期校服费请在智慧校园平台扫码缴纳，老师不会在群里收款，请勿向个人转账。',
      '各位家长，运动会报名表请扫描二维码填写，不收费。',
      '老师好，班费我已经扫码交了',
    ]) {
      const a = analyze(text);
      assert.ok(!flagged(a.verdict) && !a.signals.some((s) => s.id === 'TEACHER_FEE_COLLECTION'), `${a.verdict} ${a.score}: ${text}`);
    }
  });
});

// A second review of session 7 wrote these against the first versions of its exceptions and warning patterns: one
// reassuring phrase ("都是正规流程没有任何诈骗风险", "平台不会向您索取任何费用", "安全合法不违法") silenced the scam.
describe('a reassurance inside a scam does not silence it (session 7 review)', () => {
  const scams = [
    '您好，我就是市公安局反诈骗中心的民警，您的银行卡涉嫌洗钱，需要配合调查，请下载会议软件开启屏幕共享。',
    '放心，这都是正规流程没有任何诈骗风险，您先转5000保证金到我们公司账户，贷款马上就能下来。',
    '我们是正规投资平台，都是持牌经营不存在诈骗，您把钱转到我们的账户即可开始投资。',
    '那些都是网上的诈骗话术，我们是正规平台，您先充值1万元就能开始跟单赚钱。',
    '我们一般不会主动来电，这次是因为您的账户出现风险，需要您配合把余额转到新账户。',
    '我们平时不会主动要求您提供信息，这次是系统升级，请把短信验证码报给我核对一下。',
    '您好，我是支付宝客服，平台不会向您索取任何费用，请把收到的验证码告诉我，帮您完成退款。',
    '高价收购银行卡，一张三千，当天结算，安全合法不违法，无任何法律责任。',
    '您好，欢迎预约我们的同城上门服务，家政保洁小姐姐已为您安排好，请先支付500元安全保证金。',
    '这只新股内部认购名额有限，请今天内把认购款5万元转到公司对公账户，明天上市即翻倍。',
    '各位家长，我是数学老师，学校缴费平台在维护，资料费每人80元，请扫这个二维码交费。',
    // A third round: "can be cancelled any time", "that was a fake-prize scam.", money-recovery offers, invoice-prize
    // callbacks, "切勿错过", "不涉嫌犯罪", a fake teacher citing the school platform.
    '您好，您开通的京东会员自动续费每月将扣除599元，可随时取消，请添加客服QQ进行取消操作。',
    '【美团】您开通的美团月付会员即将扣费498元/月，可随时取消，如需取消请致电客服400-1234567。',
    '您好，您刚才收到的中奖短信是假中奖诈骗。为保障资金安全，请把卡里余额转到我们的账户，我们核查后退回。',
    '您好，我们是反诈中心追损组，您之前投资的平台就是诈骗。我们可以帮您追回损失，需要先缴纳5000元手续费，请转到以下账户。',
    '您好，我是165反詐騙專線，您之前遇到的就是投資詐騙。我們可協助追回款項，需先繳交保證金3萬元至指定帳戶。',
    '【財政部】您的雲端發票中獎NT$20,000，因領獎帳戶未設定，請來電02-2345-6789專線設定，逾期視同放棄。',
    '【兆豐銀行】您的定存已到期，本息將暫停撥付，請儘速至 https://mega-bank-service.com 登入確認續存。',
    '收购对公账户，月租两万，切勿错过，联系飞机号abc123',
    '高价收购银行卡，一张3000，当天结算，不涉嫌犯罪，放心出。',
    '家长们好，因智慧校园缴费系统升级维护，本学期资料费260元请直接扫下方二维码转给我，今天截止。',
  ];
  for (const text of scams) {
    it(`flags: ${text.slice(0, 24)}…`, () => {
      assertFlagged(text);
    });
  }
  it('and the rules alone still see the request behind the reassurance', () => {
    for (const text of scams.slice(4, 8)) assert.ok(analyze(text, { useModel: false }).score >= 40, text);
  });
  const genuine = [
    '【XX银行】新客户首存送礼，活动期间存入5万元即可领取精美礼品，详询网点。',
    '物业通知：本季度物业费可转账到我们的对公账户，也可到物业前台缴纳，谢谢配合。',
    '网银登录密码我私信你了，记得改一下。',
    'Can you send it to 4417 Oak Street?',
    'Chase Fraud Alert: did you attempt a $452.10 purchase at BestBuy? Reply YES or NO to 72579.',
    "I won't pay more than £50 for that jacket",
    'Winston owes me £40',
    '【工商银行】温馨提示：严禁出租、出借、出售银行卡，否则将被纳入惩戒名单，影响个人征信。',
    '【台灣銀行】提醒您：依洗錢防制法，不得出租、出借帳戶，違者最高可處3年有期徒刑。',
    '小王，帮忙收款一下，张老板那边有一笔货款今天到，到了跟我说一声。',
    '李姐，明天能帮我代收快递吗？就一件，谢谢啦',
    '他玩百家乐输了好多钱，你加他微信劝劝他吧。',
    '请各位家长在周五前通过学校缴费二维码缴纳校服费，收据由财务室开具。',
    '车贷下款前4S店说要先买一份保险，我觉得贵，要不要换一家？',
  ];
  for (const text of genuine) {
    it(`does not flag: ${text.slice(0, 24)}…`, () => {
      assertQuiet(text);
    });
  }
});

// Session 8: a helper wrote 377 everyday messages; these are the ones the engine got wrong before the session's
// changes (short chat lines with a number, warnings in new words, ID numbers read as phones, mule recruitment, a court
// robocall), plus short chat lines we wrote. Written beside the fixes, so a regression set, not a measure.
describe('session 8 review: everyday genuine messages and the scams they sit beside', () => {
  const genuine = [
    '【拼多多】您的售后申请已通过，商家已同意退款，请在7天内寄回商品并填写物流单号。',
    '【京东】您好，您购买的华为手机已签收，如有质量问题可在7天内申请无理由退货，请勿相信任何要求您添加微信或点击链接的“客服”电话。',
    '【XX市公安局】近期冒充“医保局”工作人员以医保卡异常为由实施诈骗的案件高发，医保部门不会电话要求您转账到“安全账户”，请广大群众提高警惕。',
    '【交管12123】您的机动车（浙A·2B3C4）于2025年4月2日在XX路违法停车，罚款200元，请通过交管12123APP处理。',
    '【蝦皮購物】您的訂單已完成退款NT$459，款項將退回原付款方式，請勿相信要求加LINE的假客服。',
    '老師：各位家長，下週三校外教學費用每人350元，請讓孩子帶現金交給導師。',
    '【京东客服】您好，您反馈的商品破损问题已处理，为您补发的商品已发货，运单号JD0081123456。',
    '【国家医保局】您的家庭共济绑定申请已通过，您可使用本人医保个人账户为家人支付医药费用。',
    '我的电话是13800138000',
    '你好，我是小王，电话13800138000',
    '订单号123456789012',
    '我手机号13912345678，有事打我',
    '快递到了吗？单号75312345678901',
    '明天下午3点开会，会议号 876 543 210',
    '我在3号楼1203，你到了给我打电话13600001111',
    '我的QQ是12345678，加我一下',
    '电表号 0031234567，麻烦帮我交下电费',
    '我们小区物业电话是 0571-86001234',
    // Sent to the organisation's own number (95555 is 招商银行's in the directory) or its own app.
    '【招商银行】您的信用卡已逾期3天，欠款2,318.60元，为避免影响您的信用记录，请尽快通过掌上生活APP或拨打95555还款。',
    'Dear customer, your ICBC credit card payment of CNY 4,210.55 is overdue by 2 days. Please repay via the ICBC app or call 95588 to avoid late fees.',
  ];
  for (const text of genuine) {
    it(`does not flag: ${text.slice(0, 24)}…`, () => {
      assertQuiet(text);
    });
  }
  it('reads no phone number inside a tracking or order number', () => {
    for (const text of ['运单号JD0081123456', '订单号：A0085212345678', 'SF0081123456789']) {
      assert.deepEqual(analyze(text).entities.filter((e) => e.kind === 'phone'), [], text);
    }
    assert.equal(analyze('请拨打0085212345678').entities.filter((e) => e.kind === 'phone').length, 1, 'a real international number still is one');
  });
  // The second review of the session: scams that say a warning phrase themselves, and genuine messages that use the
  // words of the new card-lending, robocall and form rules.
  const saysWarningToo = [
    '本平台不会电话要求您转账，退款需您本人加专属客服微信kf8899办理，客服会一步步指导。',
    '近期诈骗案件高发，请认准我们唯一的正规投资平台，带单导师每天指导，稳赚不赔，入金5000起，添加助理微信tz6688。',
    '务必电话核实，您的社保卡已被冻结，请立即拨打社保专线 010-52871234 缴纳解冻费。',
    '您好，请勿相信要求您提供银行卡密码的人，我们只要您的银行卡号和身份证号就能为您办理退税。',
    '【支付宝】您的花呗账户异常，请勿相信要求您转账的电话，务必电话核实：请拨打 400-819-6688 客服解除限制。',
    '【中国平安】尊敬的客户，您的保单即将失效，近期冒充保险公司的案件高发，请勿相信要求您付款的电话，续保请直接转账至我司对公账户 31001234567890，户名平安保险代理。',
    '你的快递丢了，加我微信赔你三倍',
    '刷单日结，一单5元',
  ];
  for (const text of saysWarningToo) {
    it(`flags a scam that says a warning phrase itself or is a line long: ${text.slice(0, 24)}…`, () => {
      assertFlagged(text);
    });
  }
  it('does not flag everyday words of the new rules', () => {
    for (const text of [
      '老婆，把卡借我用一下，我去超市买点东西，我的卡落家里了。',
      '这笔差旅报销得走个账，你把发票和行程单给我，我月底统一报。',
      '公司要求新员工办理一张一类卡作为工资卡，二类卡不行，明天带身份证去银行。',
      '欢迎致电12315，举报商家涉嫌虚假宣传请按1，投诉请按2。',
      '如您怀疑账户涉嫌被盗刷，请按1；挂失请按2；人工服务请按0。',
      '请在下方填写手机号，点击获取验证码，填写验证码后即可完成注册。',
      '今晚八点直播间老师教大家做红烧肉，记得准时来。',
      '微博热议：又有人收到“您有一张传票未领取，请按9”的电话，网友吐槽这种电话一天三个。',
      '快递到付的钱你直接现金交给我们的人，他会给你开收据。',
    ]) {
      assertQuiet(text);
    }
  });
  it('the official number counts only when nothing else is asked', () => {
    for (const text of ['【招商银行】您的信用卡已逾期，请联系专员13800138000处理，详询95555', '【招商银行】您的信用卡已逾期，请点击 cmb-pay.top 还款，详询95555']) {
      const a = analyze(text);
      assert.ok(!a.signals.some((s) => s.id === 'OFFICIAL_NUMBER_NO_ASK'), text);
      assert.ok(flagged(a.verdict), `${a.verdict} ${a.score}: ${text}`);
    }
  });
  const scams: [string, string][] = [
    ['兄弟，有个活干不干，你把你的卡借我用一天，走点账，给你5个点，很安全的，我们都做了好久了。', 'CARD_LENDING_FOR_PAY'],
    ['出一张一类卡，日流水20万，跑一天给你3000，不用你做任何事，只需要把卡借我用几天，刷脸配合一下就行。', 'CARD_LENDING_FOR_PAY'],
    ['大哥，帮忙取点现金，就是去ATM把卡里的钱取出来交给我们的人，一次给你2000辛苦费，不违法的。', 'CARD_LENDING_FOR_PAY'],
    ['你好，这里是北京市朝阳区法院，你有一张传票未领取，请按9查询，你因信用卡恶意透支被起诉。', 'AUTH_ROBOCALL_SUMMONS'],
    ['【公积金中心】您的住房公积金账户可申请一次性提取，额度最高20万，请添加公积金专员QQ：2839xx021办理，手续费1%。', 'ADD_CONTACT'],
  ];
  for (const [text, rule] of scams) {
    it(`flags, naming ${rule}: ${text.slice(0, 24)}…`, () => {
      assert.ok(assertFlagged(text).signals.some((s) => s.id === rule && s.spans.length > 0), rule);
    });
  }
});

describe('session 9: amounts are not phone numbers, money asked with a sum, Taiwan wording', () => {
  const phones = (text: string): string[] => analyze(text).entities.filter((e) => e.kind === 'phone').map((e) => e.value);
  it('reads a sum after a transfer verb or before a currency unit as money, not as 10000 or 95555', () => {
    for (const text of ['你往里面转10000，让公司把账目对一下', '孩子住院了，请汇10000到这个账户', '你给我打10000元', '您本月话费10000元', '借95555块给我']) {
      assert.deepEqual(phones(text), [], text);
    }
    for (const text of ['有问题请拨打10000', '请致电95555咨询', '打10086']) assert.equal(phones(text).length, 1, text);
  });
  it('no longer lets a sum read as an official number talk a money request down', () => {
    const a = analyze('小李，我是人事经理，公司账目不对，你往里面转10000，让公司把账对一下。');
    assert.ok(!a.signals.some((s) => s.id === 'OFFICIAL_NUMBER_NO_ASK' || s.id === 'PHONE_OFFICIAL'));
    assert.ok(a.signals.some((s) => s.id === 'TRANSFER_REQUEST'));
  });
  const asks: [string, string][] = [
    ['你现在给我打5000过来，急用', 'ASK_TO_LEND'],
    ['外公，我打架受伤住院了，你转5000块给我吧', 'ASK_TO_LEND'],
    ['借我3000，下周一定还你', 'ASK_TO_LEND'],
    ['您孩子出车祸了，请汇20000到医院账户，速来', 'TRANSFER_AMOUNT_REQUEST'],
    ['为了验证身份，请告诉我您账户的最后四位数字以及您的出生年月', 'ASK_PERSONAL_INFO'],
  ];
  for (const [text, rule] of asks) {
    it(`names ${rule} for a sum asked in digits: ${text.slice(0, 16)}…`, () => {
      assert.ok(analyze(text).signals.some((s) => s.id === rule && s.spans.length > 0), text);
    });
  }
  it('does not read a call-me, a score or a sum already sent as money asked', () => {
    for (const text of ['有事给我打电话', '打给我13800138000', '作文能打90到95分', '我已转500到你卡上了，收到了吗', '不要汇10000到陌生账户']) {
      const ids = analyze(text).signals.map((s) => s.id);
      assert.ok(!ids.includes('ASK_TO_LEND') && !ids.includes('TRANSFER_AMOUNT_REQUEST'), `${ids.join(',')}: ${text}`);
    }
  });
  it('does not flag a warning that names the scam, a bank reply about its own limits, or a loan paid out', () => {
    for (const text of [
      '【刑事局】凡是「穩賺不賠」、「加LINE領飆股」皆為詐騙，請勿輕信。',
      '媽，要是有人打電話說我被抓了要錢，那是假的，別理他。',
      '您好，您的非約定轉帳上限為每日五萬元，如需調整請至分行辦理約定帳號。',
      '【台灣銀行】您申請的信用貸款已於今日撥款至您的帳戶。',
    ]) {
      assertQuiet(text);
    }
  });
  it('reads Taiwan warnings as warnings, and a wallet named "Pay" as no fee', () => {
    for (const text of [
      '【刑事局】提醒：「換號借錢」詐騙再起，親友說換號碼請務必撥打原號碼確認。',
      '【新北市警察局】檢警不會在電話中辦案，也不會要求監管帳戶，有疑問請撥打 查證。',
      '我每個月定期定額買基金，你也不要去信那些報明牌的群組',
    ]) {
      assertQuiet(text);
    }
    assert.ok(!analyze('【全聯】恭喜您的PX Pay電子發票中獎 元，獎金已存入您的領獎帳戶。').signals.some((s) => s.id === 'PRIZE_FEE'));
    assert.ok(analyze('Congratulations, you have won a prize! To claim it you must pay a processing fee').signals.some((s) => s.id === 'PRIZE_FEE'));
  });
  it('does not flag family telling a new number, or friends passing on a warning', () => {
    for (const text of [
      // In Traditional characters the same message is still flagged: the model reads a new number as the scam's
      // opener and counts as strong evidence there (policy modelScamTraditional; docs/model.md, known limits).
      '爸，我换号码了，新号码是13912345678，旧的下个月停掉，你帮我改一下通讯录。',
      '媽，如果有人用我的名字加妳借錢，一定是假的，不要理。',
      '我看到群里有人说买虚拟币稳赚你别被忽悠了',
      '【淘宝】您申请的售后退款已同意，款项将原路退回，请在淘宝App中查看进度。官方客服不会主动联系您要求转账。',
      '【招商银行】您的个人贷款申请已审批通过，请登录招商银行App确认合同，本行不会要求您预先缴纳任何手续费。',
    ]) {
      assertQuiet(text);
    }
    // Known limit: "别被忽悠" sets aside only its own clause, so "…有人说买虚拟币稳赚，你别被忽悠了" (two clauses) is
    // still flagged (docs/model.md).
    // "晚点打给你" is a call, not money asked.
    assert.ok(!analyze('妈，我换手机了，晚点打给你').signals.some((s) => s.id === 'ACQ_MONEY_REQUEST'));
    assert.ok(analyze('媽，我換手機了，加我新LINE').signals.some((s) => s.id === 'ADD_CONTACT'));
    // The scam's new number asks soon after: then the composite is off.
    const asks = analyze('爸，我換號碼了，這是我的新LINE，先幫我轉五萬給朋友，急用。');
    assert.ok(!asks.signals.some((s) => s.id === 'NEW_NUMBER_NO_ASK'));
    assert.ok(flagged(asks.verdict), `${asks.verdict} ${asks.score}`);
  });
  const taiwanTactics: [string, string][] = [
    ['首儲即送體驗金，百家樂、運彩、老虎機一站玩，出金快速', 'GAMBLING_PLATFORM_PROMO'],
    ['您的門號將於兩小時後停話，因涉及不法使用，如有疑問請按九', 'AUTH_ROBOCALL_LINE_CUT'],
    ['新股抽籤內部名額，保證中籤，獲利翻倍', 'INVEST_PITCH'],
    ['代辦信貸，銀行不核也能過，免聯徵', 'LOAN_OFFER'],
    ['我是你儿子的同学，他被坏人抓走了，要两万块才肯放人，快转钱', 'KIDNAP'],
    ['您好，我是贷款公司客服，了解到您有贷款的需求，您的额度已审批，但账户冻结需先交解冻金', 'LOAN_APPLICATION_PRETEXT'],
    ['您應徵的職缺已錄取，報到前需先繳交制服費 元', 'UPFRONT_FEE'],
  ];
  for (const [text, rule] of taiwanTactics) {
    it(`names ${rule}: ${text.slice(0, 16)}…`, () => {
      assert.ok(analyze(text).signals.some((s) => s.id === rule && s.spans.length > 0), text);
    });
  }
  it('keeps its own words quiet: a casino warning, an operator’s own cut-off notice, a mortgage broker', () => {
    const ids = (text: string) => analyze(text).signals.map((s) => s.id);
    assert.ok(!ids('警方提醒：百家樂、娛樂城首儲送彩金都是詐騙，切勿參與').includes('GAMBLING_PLATFORM_PROMO'));
    assert.ok(!ids('【中國移動】您已欠費停機，繳費後自動開通，查詢請撥10086按1。').includes('AUTH_ROBOCALL_LINE_CUT'));
    assert.ok(!ids('本人主营二手房销售，公积金贷款，代办过户').includes('LOAN_OFFER'));
  });
  it('reads "请点击更新" as a request to open a link, a bare "请点击" not', () => {
    assert.ok(analyze('您的包裹地址不全，請點擊更新').signals.some((s) => s.id === 'CLICK_LINK'));
    assert.ok(!analyze('新品上市，请点击查看').signals.some((s) => s.id === 'CLICK_LINK'));
  });
});

describe('session 9 review: warnings a scammer says, sums and call numbers, licensed lottery', () => {
  const scams = [
    '您好，我是平安银行客服，我们不会要求您转账，但您的账户涉嫌洗钱，需要把资金转到安全账户进行核查',
    '京东金融客服：我们不会要求您垫付任何费用，但由于您开通了百万保障，需要您先交手续费500元关闭',
    '回拨原号码确认的时候直接把验证码念给客服就行',
    '如果有人让你转账那是假的，我才是真的，你赶紧把钱转给我',
    '要是有人问你，就说是你自己转的，别信银行那套，赶紧把钱汇过来',
  ];
  for (const text of scams) {
    it(`flags a scam that borrows warning words: ${text.slice(0, 20)}…`, () => {
      assertFlagged(text);
    });
  }
  it('keeps a request said again after a warning clause (every match of a windowed rule is evidence)', () => {
    const a = analyze('不会主动联系您要求转账的是真客服，我们现在需要您转账到对公账户验证流水');
    const t = a.signals.find((s) => s.id === 'TRANSFER_REQUEST');
    assert.ok(t && t.spans.length >= 2, 'both places the rule fired are spans');
    assert.ok(flagged(a.verdict), `${a.verdict} ${a.score}`);
    // A warning that quotes the request in each of its sentences still sets it aside.
    assert.ok(!flagged(analyze('【LINE】LINE官方不會私訊要求您提供驗證碼。任何人向您索取驗證碼，都可能是盜用帳號的詐騙。').verdict));
  });
  it('reads call numbers as numbers and decimal sums as money', () => {
    const phones = (text: string): string[] => analyze(text).entities.filter((e) => e.kind === 'phone').map((e) => e.value);
    assert.deepEqual(phones('请转95588人工服务核实您的账户'), ['95588']);
    assert.deepEqual(phones('手机里存95555这个号'), ['95555']);
    assert.deepEqual(phones('你给我打10086问一下话费还剩多少'), ['10086']);
    assert.deepEqual(phones('账户余额：95555.00元'), []);
    assert.deepEqual(phones('赔偿金额为10000.00元，请提供银行卡号'), []);
  });
  it('does not read a call for help, a call to the operator or money already received as money asked', () => {
    for (const text of ['快给我打120！我爸晕倒了', '你先打10086给移动问问是不是欠费了', '你转500给我的那笔钱我收到了，谢谢', '他上周借500给我，我今天还他了']) {
      const ids = analyze(text).signals.map((s) => s.id);
      assert.ok(!ids.includes('ASK_TO_LEND') && !ids.includes('TRANSFER_AMOUNT_REQUEST'), `${ids.join(',')}: ${text}`);
    }
    assert.ok(analyze('借我5000用一下，明天还你').signals.some((s) => s.id === 'ASK_TO_LEND'));
  });
  it('keeps the licensed sports lottery, a bank branch visit and a "请按规定" apart from the new rules', () => {
    const ids = (text: string) => analyze(text).signals.map((s) => s.id);
    assert.ok(!ids('【台灣運彩】世足賽開打！本週指定賽事投注享加碼彩金，詳情請洽各地經銷商').includes('GAMBLING_PLATFORM_PROMO'));
    assert.ok(!ids('您申请的贷款因资料不全审批未通过，可前往就近网点补充材料').includes('LOAN_APPLICATION_PRETEXT'));
    assert.ok(!ids('【中華電信】您的門號因遭人冒用申辦，依規定暫停服務，請本人攜帶雙證件至門市辦理，請按規定於期限內完成').includes('AUTH_ROBOCALL_LINE_CUT'));
  });
});

describe('session 10: Taiwan requests whose link was cut, instalment and subsidy lures, family talk about money', () => {
  it('flags a Taiwan request that ends where its link was cut out', () => {
    for (const text of ['【監理站】您的交通罰單逾期未繳，請盡速繳納：', '台灣自來水：您的帳戶扣款失敗，請儘速更新付款資料：']) {
      const a = assertFlagged(text);
      assert.ok(a.signals.some((s) => s.id === 'REQUEST_BEFORE_CUT_LINK'), why(a, text));
    }
    // A code line and a warning that point to a (cut) link ask for nothing.
    assertQuiet('【蝦皮購物】登入驗證碼： ，請勿告知他人');
    assertQuiet('【警政署提醒您】假冒客服要求解除分期付款都是詐騙，請勿點擊不明連結，詳見：');
  });
  it('names the instalment-error script and the subsidy claim form', () => {
    const a = assertFlagged('您好，我們是網購平台客服，您上次的訂單被誤設成分期付款，每月將重複扣款，請配合我們解除');
    assert.equal(a.category, 'fake_customer_service');
    assert.ok(a.signals.some((s) => s.id === 'CS_INSTALLMENT_ERROR'));
    const b = assertFlagged('【勞動部】您的紓困補貼已核准，請於期限內點擊連結填寫資料領取 bzt-tw.cc/a');
    assert.ok(b.signals.some((s) => s.id === 'SUBSIDY_CLAIM_LURE'), why(b, 'subsidy'));
    // The subsidy paid, not claimed through a form.
    assertQuiet('您申請的育兒津貼已核准，將於月底撥入您登記的帳戶，無需另外辦理');
  });
  it('does not flag family and friends talking about money or warning each other', () => {
    assertAllQuiet([
      '爸，午餐錢我等一下轉給你',
      '我換了新手機，LINE還是同一個，如果有人用我的名字跟你借錢，一定是假的別理他',
      '哥，刚刚有人说是你的微信号来找我借钱，我没理，你号是不是被盗了',
      '她说那种老师带单的群几乎都是骗人的，你千万别加',
    ]);
  });
  it('does not flag shop prizes claimed at the counter, a lottery result, a game notice or a refund done', () => {
    assertAllQuiet([
      '恭喜您在本店週年慶抽中飲料兌換券一張，請於活動期間至門市出示會員條碼領取',
      '【体彩】您购买的大乐透本期未中奖，感谢您的支持',
      '【和平精英】您的账号已完成实名认证，请合理安排游戏时间',
      '【淘宝】您的退款申请售后已完成，退款将在1-3个工作日内退回原支付账户',
      '【XX公安】“先充值后返利”“做任务拿佣金”都是陷阱，请勿相信',
    ]);
  });
  it('keeps an English bank fraud alert that asks for a yes or no quiet, and the smishing "reply Y" trick flagged', () => {
    assertQuiet('Barclays Fraud Alert: did you attempt a £89.99 purchase at ASOS? Reply YES or NO.');
    assertFlagged('USPS: your package is on hold due to an incomplete address. Reply Y, then reopen this message to click the link and update.');
  });
});

describe('session 10 review: the new exclusions must not let a scam through', () => {
  it('flags scams that open by warning about an impersonator and then ask', () => {
    assertAllFlagged([
      '我是你儿子，有人冒充我找你借钱你别理，我现在真的出事了，快给我转5000到这个卡',
      '有人冒充我的名字借钱，不要相信，我这个才是新号，急用3000',
      '爸，有人冒用我名義跟你借錢別信，我現在真的急需繳學費，匯3萬到這個帳戶',
      '刚才有人冒充你的微信号找我借钱我没理，对了你现在方便先转我3000吗，我急用',
      '我是你二舅，听说是你的号码就打过来了，我没理由骗你，急需3000交住院费，先转给我',
    ]);
  });
  it('flags scams that use the new warning or prize wording as a shield', () => {
    assertAllFlagged([
      '您好，网上贷款都是陷阱，请勿相信，我司正规放款，需先交会员费599元提高通过率',
      '恭喜您中奖了！奖品为现金8888元，请至门市出示身份证领取，如无法到店可支付300元邮寄费后寄送',
      '您好，我们检测到有人用你的账号在异地登录，是不是被盗号了，请立即点击链接验证身份 http://wx-verify.cc',
      '您好，我是博客來客服，您的訂單被誤設成分期付款，每月將扣款165元，請配合到ATM解除',
    ]);
  });
  it('does not flag operator, subsidy and order notices that share the new rules\' words', () => {
    assertAllQuiet([
      '【中国电信】您的账户已产生欠费，将于3日后暂停使用，请及时缴费',
      '【工商银行】您的旧版手机银行将停用，请在应用商店更新至最新版',
      '【財政部】全民普發現金6000元，符合資格者可於4月10日起上網登記領取，官網：https://6000.gov.tw',
      '您好，我是街道办的小王，你家老人的高龄津贴已审核通过，请带身份证和存折到社区服务中心登记领取',
      '【淘宝】系统检测到您的订单可能重复下单，如不需要可在订单详情页申请取消',
      '【中華電信】您於11月的帳單因系統錯誤重複扣款，溢繳金額將於下期帳單扣抵',
      '【美团】您的会员自动续费因系统重复扣款，已全额退款至原支付账户',
      '本次停水公告詳細資訊請點擊：',
    ]);
    // A phone extension is no inside tip.
    assert.ok(!analyze('有事打我内线8023').signals.some((s) => s.id === 'INVEST_PITCH'));
  });
});

describe('session 10: Taiwan scam wording the rules lacked (probe set D misses)', () => {
  it('flags the grandchild accident, the OTP screenshot, the mule job and the video extortion', () => {
    assertAllFlagged([
      '阿嬤，我開車擦撞到人，對方要和解金，你先準備現金，我同學等一下去家裡拿，不要跟爸媽說',
      '我舊帳號被盜了，等一下會有驗證碼傳到你手機，幫我截圖傳回來好嗎，我急著用',
      '誠徵在家工作，只需將存摺和提款卡寄到公司協助收款，每月另有補貼',
      '我們錄到你視訊的畫面了，通訊錄也已經備份，明天前不處理就發送給你的家人',
    ]);
  });
  it('reads a casino balance as the lure it is, not a bank statement', () => {
    const a = analyze('【娛樂城】您的體驗金已入帳，帳戶餘額可直接申請提款');
    assert.ok(!a.signals.some((s) => s.id === 'BALANCE_NOTICE'), why(a, 'casino'));
  });
});

describe('session 10: invoice prizes claimed at the counter, legal warnings, English billing phish', () => {
  it('does not flag a store e-invoice prize or a government warning that quotes account renting', () => {
    assertQuiet('【7-ELEVEN】您的會員載具有中獎發票，請至門市ibon列印後到櫃檯兌領。');
    assertQuiet('【內政部】提醒您：「出租帳戶」、「幫忙領錢」可能觸犯洗錢防制法，請勿因小利觸法。');
  });
  it('flags English billing-problem phishing with a look-alike link', () => {
    assertFlagged('Problem billing on your Amazon account. Confirm your info here: amzn-bill-help.us/login');
    assertFlagged('ERROR ALERT - Chase: confirm infos instantly at chase-secure-verify.com');
  });
});

describe('session 10 second review: official links, everyday Taiwan words, fake 165', () => {
  it('does not let the model flag a Traditional notice whose link is a government site', () => {
    const a = assertQuiet('【中華郵政】您的包裹已送達，請至 https://postserv.post.gov.tw 查詢。');
    assert.ok(a.signals.some((s) => s.id === 'URL_GOVERNMENT_DOMAIN'), why(a, 'gov link'));
    // A look-alike of the same office is still a phish.
    assertFlagged('【監理站】您有一筆罰單逾期未繳，請立即繳納 https://mvdis-gov-tw.top/pay');
  });
  it('does not read everyday words as scam tactics', () => {
    // The rules alone: the words themselves must not read as tactics.
    assertAllQuiet([
      '蛋糕總共1200，轉帳給我就好',
      '下禮拜二我請假，工作先交給小陳。',
      '團購的鳳梨酥還有人要跟單嗎？',
      '那個推銷電話我已經加入黑名單了。',
      '媽，幫我轉告爸晚上不回家吃飯。',
    ], { useModel: false });
  });
  it('flags a fake 165, the unpaid-bill robocall and a new LINE that asks to be added', () => {
    assertFlagged('【165反詐騙】您的帳戶已被列為警示帳戶，請立即撥打 與專員聯繫解除。');
    assertFlagged('您好這裡是中華電信，您申辦的門號積欠電話費 元，將於今日停話，如有疑問請按9由專人為您服務。');
    assertFlagged('媽，我換新LINE了，舊的不用了，加我新的ID：xiaoming0921');
  });
});

describe('session 11: links the checker vouches for, login alerts, bulletins that list tactics, retold calls', () => {
  it('does not let the model flag a notice or a chat whose every link is the organisation\'s own', () => {
    const a = assertQuiet('【Apple】您的Apple ID刚刚在一台新的Mac上登录。如果不是您本人，请前往 appleid.apple.com 修改密码。');
    assert.ok(a.signals.some((s) => s.id === 'URL_ALL_VOUCHED'), why(a, 'vouched'));
    assertQuiet('你看看这条裙子好看吗 https://item.taobao.com/item.htm?id=712300998811');
    // The same shape with a look-alike link, or an official link beside a private contact, is still flagged.
    assertFlagged('【Apple】您的Apple ID已在新设备登录，如果这不是您本人，请前往 appleid-verify.top 更改密码');
    assertFlagged('【淘宝】您的订单异常，请登录 https://www.taobao.com 并添加客服微信 tbkf889 办理退款');
  });
  it('does not let a site name in a heading vouch for a text ("GOV.UK ALERT")', () => {
    const a = analyze('GOV.UK ALERT: you have been fined £35 for leaving home. Pay now to avoid further action.');
    assert.ok(!a.signals.some((s) => s.id === 'URL_ALL_VOUCHED'), why(a, 'heading'));
  });
  it('reads a login alert that asks for nothing as genuine', () => {
    assertQuiet('【腾讯游戏】您的QQ账号于今日在新设备登录，如非本人操作，请前往腾讯客服小程序冻结账号。');
  });
  it('sets aside the tactics an anti-fraud bulletin lists or names as the pretext of a fraud', () => {
    assertQuiet('【某市公安】近期有不法分子冒充电商客服，以“取消会员扣费”“注销校园贷账户”为由实施诈骗，公安机关从不设立“安全账户”，请勿轻信。');
    assertQuiet(
      '【和平社区】居民朋友们请注意，近期诈骗案件多发，主要有以下几种：一是冒充医保局称医保卡异常，让您点链接填写银行卡号和验证码；二是冒充快递客服称包裹丢失要理赔，诱导您下载会议软件开启屏幕共享；三是网上兼职刷单，先返小额佣金再要求垫付。社区不会通过电话让您提供验证码，如有疑问请拨打96110。',
    );
  });
  it('reads a retold scam call that was ignored, a refund to a friend and a party prize as talk', () => {
    assertAllQuiet([
      '笑死，今天有人打电话说我快递丢了要理赔，我直接挂了，我最近根本没网购',
      '你是不是多转了200？我退给你',
      '今年公司年会我中奖了，抽到一台空气炸锅',
    ]);
    // The same retelling that then asks for money is no retelling.
    assertFlagged('接到个电话说快递丢了要赔钱，我直接挂了。对了我手机欠费停机了，你先转我500，微信转账就行');
  });
  it('flags sextortion, private ticket resale, a game deal on "my" platform and a romance fare request', () => {
    assertAllFlagged([
      '我是黑客，已经控制了你的手机摄像头，录下了你的视频，48小时内支付500 USDT到以下钱包地址，否则发给你所有联系人。',
      '出两张五月天内场票，原价转，先转账后发电子票，要的私聊',
      '出王者荣耀V10账号，全英雄全皮肤，急出600，走我指定平台交易',
      '宝贝我好想见你，下周就飞过去，可是机票还差1500，你先借我好不好',
      '内部消息，明天必涨停，带你上车，加Q群55667788',
    ]);
  });
});

describe('session 11: everyday Taiwan chat the model read as fraud, and the acquaintance tells it relied on', () => {
  it('does not flag short everyday Traditional chat about trains, part-time jobs or sharing photos', () => {
    // Trained with data/training/src/legit-chat-tw-5.txt; before it, lines like these came out P(scam) 0.6–0.9.
    assertAllQuiet(['我在捷運上，訊號很差，晚點回你喔', '我週末在咖啡廳打工，時薪190，還不錯', '你LINE加我一下，我把旅遊照片傳給你']);
  });
  it('still flags the acquaintance who cannot pay "because WeChat is restricted" or asks for a loan to an account', () => {
    const a = assertFlagged('我微信被限制了，用卡给你转账要2小时才到，你先帮我微信付一下这个款');
    assert.ok(a.signals.some((s) => s.id === 'ACQ_PAY_FIRST_EXCUSE'), why(a, 'excuse'));
    const b = assertFlagged('我是你表弟，你先借我2000，这是我的卡号6222020202020202');
    assert.ok(b.signals.some((s) => s.id === 'ACQ_MONEY_TO_ACCOUNT'), why(b, 'account'));
    // Splitting a bill is no loan.
    assert.ok(!analyze('昨天火锅一个人分下来是120，我先付了，你们转给我就好，账号是招行那个').signals.some((s) => s.id === 'ACQ_MONEY_TO_ACCOUNT'));
  });
});

describe('session 11 second pass: promised returns are no refund, third parties to pay', () => {
  it('does not read "returned after the check" as a refund already made', () => {
    const a = analyze('为保障资金安全，请将卡内资金转入安全账户核查，核查后原路退回。');
    assert.ok(!a.signals.some((s) => s.id === 'REFUND_DONE'), why(a, 'promise'));
  });
  it('flags an "acquaintance" who hands over a third party\'s WeChat to pay', () => {
    const a = assertFlagged('叔，我喝了酒开车被交警查了，你加一下交警的微信jiaojing110，给他转500块红包就能私了，别告诉我爸');
    assert.ok(a.signals.some((s) => s.id === 'ACQ_PAY_A_THIRD_PARTY'), why(a, 'third party'));
  });
});

describe('session 11 review: what the new exclusions must not let through, and what the new rules must not flag', () => {
  it('does not let a real domain anyone can publish on, or a real link beside a private number, vouch for a scam', () => {
    assertAllFlagged([
      '陳姐您好，這是我們團隊內部的交易軟體，老師每天的操作都在裡面，用這個連結安裝就可以跟著做了 https://testflight.apple.com/join/Xy12AbCd',
      '【蝦皮購物】親愛的賣家您好，您的賣場因未完成金流服務簽署，買家款項暫時凍結，詳情請見 https://shopee.tw/ 並立即致電客服專線 02-2771-8899 協助處理。',
      '王阿姨，这是我们理财群里老师讲课的直播回放，明天早上九点开课，记得准时看 https://v.douyin.com/iRabc12/',
    ]);
  });
  it('does not let a fake warning list, a slogan, a "hung up" opener or a login alert hide a demand', () => {
    assertAllFlagged([
      '【市公安局反诈中心】诈骗手法主要有以下几种：一是刷单返利；二是虚假投资。三是近期涉案资金排查，凡名下银行卡涉案的市民须在今日内将资金转入安全账户接受清查，逾期将冻结名下所有账户。',
      '【全民反诈】王先生，您的身份信息涉嫌一起洗钱案。按规定涉案资金须于今日转入国家监管账户6217 0031 2345 6789进行资金核查，核查后全额退回，全民反诈，人人有责。',
      '接到个电话说我社保卡被冻结，直接拉黑了。老弟，我这边急用一万块钱周转，你先打到我老婆卡上，卡号6217 0000 8888 9999，下周还你。',
      '【抖音】您的账号在新设备登录，若非本人操作，您的账号存在被盗风险，请保持电话畅通，稍后会有专员与您联系处理。',
      '你好，刚才误转了2000到你支付宝，我是做代购的，本来要退给你隔壁那家的，能不能帮忙原路退回给我，急用。',
    ]);
  });
  it('does not flag a shop\'s broken card machine, a landlord\'s WeChat, bank advice, a travel agency or an IT warning', () => {
    assertAllQuiet([
      '亲，店里POS机坏了刷卡付不了款，麻烦您扫一下柜台上的码付个款，谢谢理解哈。',
      '房东人不错，我把他微信发你，房租每个月直接转账给他就行。',
      '不要相信银行客服打来的电话，有事你自己拿着卡去网点问，别在电话里说密码。',
      '【携程旅行】您预订的上海-成都机票请于30分钟内完成支付，先付款后出票，超时订单将自动取消。',
      '各位同事：近期有黑客群发邮件，声称入侵了你的电脑并开启了摄像头，要求支付比特币，否则会发给你的联系人。这类邮件请直接删除，无需回复，如有疑问联系IT部。',
      '【宁波银行】尊敬的客户，您的信用卡额度提升至80000元已生效，如非本人申请请致电95574。',
    ]);
  });
  it('does not read "fetch" as a look-alike of 遠通電收 (fetc.net.tw)', () => {
    const a = analyze('fetch 的規格在這裡 https://fetch.spec.whatwg.org/#fetch-method ，CORS 那段你再看一下。');
    assert.ok(!a.signals.some((s) => s.id === 'URL_LOOKALIKE'), why(a, 'fetch'));
  });
});

describe('session 12: retold calls, court lines, platform notices and warnings that quote the pitch', () => {
  it('does not flag a court SMS that gives the judge\'s office line, or a community warning that quotes the pitch', () => {
    assertAllQuiet([
      '【12368】李娜，您好！您诉王刚买卖合同纠纷一案（(2025)苏0102民初5521号）已立案，承办法官周敏，联系电话025-8452 3310。请登录江苏法院诉讼服务网查看。',
      '各位业主：社区民警提醒，最近有冒充社保局说“社保卡被冻结”的电话，社保局不会打电话让您转账，请大家转告家里老人。——阳光花园物业',
    ]);
  });
  it('does not flag a retold call or chat the teller ignored', () => {
    assertAllQuiet([
      '刚有人打电话说是检察院的，说我卡涉嫌洗钱，我说那我去检察院当面说，他就挂了',
      '我下午接了个00开头的电话，说我淘宝会员要扣费，让我开屏幕共享，我直接挂了',
      '我在转转卖手机，买家让我加QQ私下转账，我没理他',
      '我爸说有人加他微信，说是我们公司领导要他帮忙转钱，我让他删了',
    ]);
  });
  it('does not flag a marketplace or game notice that warns against leaving the platform', () => {
    assertAllQuiet([
      '【闲鱼】您的宝贝“二手游戏手柄”已被拍下，买家已付款，请在闲鱼App内发货，请勿脱离平台交易。',
      '【网易游戏】您在梦幻西游中的充值30元已到账。如非本人操作，可通过网易客服App申请处理。',
    ]);
  });
  it('flags what the new words read: a caller who talks you out of checking, paid credit repair, a gift with a shipping fee, a coached deposit', () => {
    assertAllFlagged([
      '我是市公安局的王警官，你的银行卡涉嫌一起诈骗案，情况紧急，来不及通过官方渠道核实了，你先把卡里的钱转到我们的核查账户。',
      '你的征信有好几条逾期吧？我们在央行内部有人，可以把逾期记录删掉，一条收1500，办完你自己去查。',
      '尊敬的会员，您被评为年度优质客户，可免费领取空气炸锅一台，仅需支付快递费19.9元，回复1即可领取。',
      '宝贝，你先充1000到这个平台，我教你操作，我上周在上面赚了5000多，我们一起攒钱买房好不好',
      '亲，您在拼多多购买的商品所属店铺已关闭，订单款无法原路退回，需要您扫下方二维码进群，专员给您人工退款。',
    ]);
  });
  it('keeps the office line rule for a mediator\'s mobile', () => {
    const a = assertFlagged('【调解中心】您的借呗逾期已进入诉前调解，请立即联系调解员手机 13912345678 处理，否则将起诉至法院。');
    assert.ok(a.signals.some((s) => s.id === 'NOTICE_PERSONAL_CONTACT'), why(a, 'mobile'));
  });
});

describe('session 12: genuine notices and warnings from probe sets H and J, and what they must not let through', () => {
  it('does not flag a genuine overdue reminder that sends you to the app and the organisation\'s own number', () => {
    assertAllQuiet([
      '【花呗】您本月账单2,306.15元已逾期3天，请尽快在支付宝APP-花呗中还款，逾期将产生罚息。请认准支付宝官方客服95188。',
      '【京东金融】您的白条账单已逾期，请在京东金融App中还款，如有疑问请认准官方客服95118。',
    ]);
  });
  it('does not flag a notice that says the platform will never ask, or a workplace notice that says HR never asks', () => {
    assertAllQuiet([
      '【转转】您发布的“95新iPad”已被拍下，请在转转App内发货，切勿添加对方微信，平台不会要求卖家缴纳保证金解冻资金。',
      '各位同事：4月工资将于10日发放，专项附加扣除请在个人所得税App中自行填报，财务部不会要求大家提供银行卡密码或验证码。',
    ]);
  });
  it('does not let a warning that then asks for money for itself, or a fake hotline behind "请认准", through', () => {
    assertAllFlagged([
      '最近有骗子冒充我找你借钱，别信，我是你女儿，手机坏了换了新号，急需交房租4000，快转给我',
      '【支付宝】您的花呗已逾期，请认准官方客服 400-188-6621 协商还款，否则将上报征信。',
    ]);
  });
  it('flags flight compensation through a hotline, paid point clearing, a summons robocall and a free gift with postage', () => {
    assertAllFlagged([
      '【航旅通知】尊敬的旅客，您乘坐的CZ3107航班因天气原因取消，可获得航班延误补偿200元，请致电航空服务专线4006-213-978办理改签及补偿。',
      '驾照分不够了找我，内部渠道帮你消分，一分两百，当天办好，不用去车管所。',
      '这里是市中级人民法院，您有一份未签收的传票，涉及信用卡透支，详情请按1。',
      '恭喜您被评为年度优质会员，可免费领取电动牙刷一支，仅需支付运费15元，回复1领取。',
    ]);
  });
  it('does not flag an airline\'s own compensation notice, or a medical-insurance deposit notice', () => {
    assertAllQuiet([
      '【南方航空】尊敬的旅客，您的航班延误超过4小时，补偿金150元将在3个工作日内发放至南航App“我的钱包”，无需提供银行卡信息。',
      '【市医保局】您的医保个人账户4月划入金额为203.40元，可通过国家医保服务平台App查询。',
    ]);
  });
});

describe('session 12: calls and chats (probe set I): labels are not words, retold calls, checks made', () => {
  const conv = (lines: [string, string][]): Turn[] => lines.map(([speaker, text]) => ({ speaker, text }));
  const flaggedConv = (turns: Turn[]): boolean => flagged(analyzeConversation(turns).verdict);
  it('does not read a speaker label ("客服", "民警", "老师") as a claim made in the text', () => {
    const turns = conv([
      ['客户', '你好，我前天买的玻璃水杯到了，碎了一个，外箱也压坏了。'],
      ['客服', '非常抱歉，麻烦您提供一下订单号和破损照片。'],
      ['客户', '订单号 240402-7781239，照片发你了。'],
      ['客服', '收到，确实是运输破损，给您补发一个，原件不用寄回，补发单号会在订单详情里显示。'],
      ['客户', '好的，谢谢。'],
    ]);
    const a = analyzeConversation(turns);
    assert.ok(!flagged(a.verdict), why(a, 'inbound'));
    assert.ok(!a.signals.some((s) => s.id === 'CS_BRAND_STAFF'), why(a, 'label'));
  });
  it('does not flag a call or chat retelling a scam the teller ignored', () => {
    for (const turns of [
      conv([
        ['老公', '刚才有个电话说是检察院的，说我涉嫌洗钱，要我把钱转到安全账户。'],
        ['老婆', '你没转吧？'],
        ['老公', '我说我去检察院当面说，他就挂了。'],
      ]),
      conv([
        ['阿强', '兄弟，昨天有人加我QQ，说看视频点赞一个五块钱，我做了三单还真给了十五块。'],
        ['大伟', '然后让你充钱做任务了吧？'],
        ['阿强', '对，让我充八百做个“体验单”，我一想不对就把他删了。'],
      ]),
    ]) {
      assert.ok(!flaggedConv(turns), JSON.stringify(turns));
    }
  });
  it('counts a video check the person asked has made, though it does not clear a pitch (AI face-swap calls exist)', () => {
    const asked: [string, string][] = [
      ['表哥', '在吗？想跟你借点钱，我爸住院押金还差六千。'],
      ['小林', '你先别急，我给你打个视频。'],
      ['表哥', '好，你打。'],
    ];
    const checked = analyzeConversation(conv([...asked, ['小林', '刚视频看到了，叔叔没大事就好，六千我转你微信了。']]));
    const unchecked = analyzeConversation(conv([...asked, ['小林', '好吧，六千我转你微信了。']]));
    assert.ok(checked.signals.some((s) => s.id === 'CHECKED_BY_VIDEO'), why(checked, 'checked'));
    assert.ok(checked.score < unchecked.score, `${checked.score} vs ${unchecked.score}`);
  });
  it('does not flag a school fee paid through the school\'s own system', () => {
    assert.ok(
      !flaggedConv(
        conv([
          ['班主任', '各位家长好，下周研学活动每人费用120元，学校已在“智慧校园”小程序发布缴费项目，请不要私下转账给个人。'],
          ['家长', '王老师，我在小程序里交好了。'],
          ['班主任', '好的，收支明细活动后会在家长群公示。'],
        ]),
      ),
    );
  });
  it('still flags a fake agent on a chat the victim opened, and a retold call followed by a request', () => {
    assert.ok(
      flaggedConv(
        conv([
          ['我', '你好，我想问一下我的订单为什么还没退款？'],
          ['客服', '您好，您的退款需要验证，请下载“云会议”App开启屏幕共享，我指导您操作。'],
          ['我', '好的，下载了。'],
          ['客服', '请把收到的验证码告诉我，退款马上到账。'],
        ]),
      ),
    );
    assert.ok(
      flaggedConv(
        conv([
          ['表弟', '哥，昨天有人打电话说我快递丢了要赔我钱，我直接挂了。'],
          ['表哥', '挂得好。'],
          ['表弟', '对了哥，我手机换了新号，急用钱，你先转我3000到这个卡6217 0000 1234 5678，明天还你。'],
        ]),
      ),
    );
  });
  it('decides who opened a chat by the order of turns, not by role labels', async () => {
    const { initiatorOf } = await import('../../src/core/conversation.js');
    assert.equal(initiatorOf([{ speaker: '客户', text: '你好，我买的碗碎了两个' }, { speaker: '客服', text: '抱歉，请提供订单号' }]), '客户');
    assert.equal(initiatorOf([{ speaker: '我', text: '喂？' }, { speaker: '来电', text: '我是京东客服' }]), '来电');
  });
});

describe('session 12, probe set L: platform notices, school payments, paying a friend back', () => {
  it('does not flag after-sales, auto-renewal and play-time notices that leave it to you in the app', () => {
    assertAllQuiet([
      '【京东】您的售后申请已处理，商家同意退货退款，请在7天内寄回商品并在订单页填写快递单号。',
      '【爱奇艺】您的VIP会员已自动续费30元，如需取消自动续费，请在爱奇艺App-个人中心-我的VIP中操作。',
      '【王者荣耀】您的账号今日游戏时长已达上限，根据未成年人防沉迷规定，将于5分钟后下线。',
    ]);
  });
  it('does not flag a class group fee through the school\'s mini-program, or asking a friend\'s card number to pay back', () => {
    assertAllQuiet([
      '各位家长，秋游费用统一通过学校的“校付通”小程序缴纳，有问题私聊班主任，不要扫任何人发的收款码。',
      '小敏，你把建行卡号发我一下，上次你帮我垫的车费钱还你',
    ]);
  });
  it('still flags an "anti-addiction" unlock that asks for a transfer', () => {
    assertFlagged('我能帮您解除游戏防沉迷限制，扫描我发的二维码下载APP，转账4999元后原路退回到您的账户。');
  });
});

describe('session 12 review: a "retold story" that carries the request', () => {
  it('flags a story shape that addresses the reader or carries a live account number', () => {
    assertAllFlagged([
      '我昨天接到个电话说你涉嫌洗钱，你赶紧把钱转到安全账户6217003312345678，他说不然就冻结，我直接挂了',
      '有人打电话说你的快递丢了要赔你，让你加微信kf8899并开屏幕共享，我直接挂了，你照着做就能拿到赔偿',
    ]);
  });
});

describe('session 12 review: what the new exclusions must not let through, and what the new rules must not flag', () => {
  it('does not let a pitch borrow the shape of a retold story or of a warning', () => {
    assertAllFlagged([
      '您好，我是京东金融客服，有个事需要电话跟您核实一下：您大学期间开通了学生账户，现在不符合国家政策，需要您下载会议APP开启屏幕共享，我一步步指导您注销，注销完就一切正常了。',
      '您好，这里是市公安局反诈中心。有人冒充您的身份办理了一张银行卡，涉嫌洗钱，为保护您的资金，请把名下存款转入国家安全账户进行清查，清查完毕一切正常，资金原路返还。',
      '卖家你好，我这边已经付款了，平台说我付的钱被冻结了，要你那边认证一下店铺才能收款，你扫这个码交500保证金认证，认证完一切正常，钱会退回。',
      '妈，我跟你说，有个电话说你医保卡违规要冻结，你别理，那是吓唬人的。我这边学校要交实习押金4800，老师催得急，你直接打到老师给的那个收款账户上，我把截图发你。今天有人冒充学校给家长打电话，我们班好几个家长都拉黑了。',
      '最近有骗子冒充平台客服，您的账户存在异常需要升级安全认证，请点击链接 tb-aq.cc 操作，否则24小时内冻结',
    ]);
  });
  it('does not let a claimed video check, a school-system name or "请认准" vouch for a request', () => {
    assertAllFlagged([
      '兄弟刚视频看到了吧，我真是在医院，医药费还差两万，你先微信转我，出院就还你',
      '爸，视频过了你也放心了吧，我在国外留学的学费下周截止，还差3万，你转到我室友的支付宝，他帮我交',
      '【XX实验小学】学费通缴费通道已开通，请家长点击 xft-edu.top 登录缴纳本学期学杂费1260元，今日内未缴将影响学籍注册。',
      '家长您好，孩子的校服费和保险费合计560元，通过学校统一缴费平台缴纳，如系统提示失败，请直接转给财务室王老师的个人支付宝 13812345678。',
      '【中国国际航空】您的航班CA1832因机械故障取消，改签可获补偿300元，请认准官方客服热线4006-258-116，其他号码都是假的。',
    ]);
    const a = analyzeConversation([
      { speaker: '妈', text: '儿子，你刚才说手机掉水里了？' },
      { speaker: '儿子', text: '对，这是同学的手机，刚才跟你视频过了，你也视频看到了是我吧' },
      { speaker: '妈', text: '看到了，就是有点卡' },
      { speaker: '儿子', text: '我在学校报了个考证培训班，要交3800，老师催得急，你直接转给我们老师，我把老师的收款码发你' },
    ]);
    assert.ok(!a.signals.some((s) => s.id === 'CHECKED_BY_VIDEO'), why(a, 'claimed check'));
  });
  it('does not flag an app that says no counter visit is needed, an airline\'s own compensation, a money-market tip or HR\'s group', () => {
    assertAllQuiet([
      '【电子社保卡】您的社保卡已补办完成，不用去柜台，可在电子社保卡APP直接激活并设置密码。',
      '【南方航空】尊敬的旅客，您乘坐的CZ3101航班因机械故障取消，我们深表歉意，将按规定给予每人400元补偿，请联系现场工作人员或拨打95539办理。',
      '明天入职，HR说等会拉我进公司群，有事在群里通知，让我先把工牌照片发过去。',
      '兄弟，我给嫂子订了条项链做生日惊喜，你千万别告诉你老婆，她俩关系好，肯定会说漏。',
    ]);
  });
});
