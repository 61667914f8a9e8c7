/** A fixed, deterministic benchmark mix written for fanzha (no corpus needed). */
export const SHORT_SMS: string[] = [
  '【招商银行】您的验证码为384712，5分钟内有效，请勿泄露给他人。',
  '您好，我是淘宝客服，您购买的商品检测出甲醛超标，我们给您双倍赔偿，请加我微信 tb_kefu2024。',
  '【菜鸟驿站】您的包裹已到幸福小区驿站，凭取件码8-2-1034领取。',
  '我是公安局的民警，你的身份证涉嫌洗钱，把资金转到安全账户配合调查，不要告诉家人。',
  '【中国联通】尊敬的用户，月底了请关注话费余额，点击 https://u.10010.cn/qAE9U 查看，回复TD退订。',
  '亲，兼职刷单日结300，动动手指就能赚钱，加QQ 3345678 进群领任务。',
  'URGENT! Your USPS package cannot be delivered due to an incomplete address. Update here: https://usps-redelivery.top/x',
  'Hey, are we still on for dinner tonight? Let me know.',
  '【花呗】您的账单已逾期，现进入诉前调解程序，请2小时内联系调解员 13800138000 还款，否则起诉。',
  '爸，我手机丢了，这是我新号，急用钱，先给我转5000到这个账户。',
  '恭喜您被节目组抽中为幸运观众，获得二等奖奖金58000元，请先缴纳个人所得税1200元领奖。',
  'WINNER!! You have been selected to receive a £900 prize reward! To claim call 09061701462.',
  '【京东】您的订单已发货，顺丰运单号SF1234567890，预计明天送达。',
  '您好，这里是00852客服中心，您的支付宝账户存在异常，需要开启屏幕共享配合处理。',
  '晚上回家吃饭吗？妈妈做了红烧肉。',
  '王总让我跟你对接一下，他在开会不方便接电话，让你先给这个供应商转3万定金。',
];

const PARAGRAPH =
  'Dear customer, we are writing to inform you about changes to our terms of service. 尊敬的客户，我们的服务条款将于下月更新，详情请登录官方网站查看。 ' +
  'Your account remains active and no action is required on your part. 如有疑问，请拨打官方客服热线。 ';
export const LONG_EMAILS: string[] = [0, 1, 2].map((i) => PARAGRAPH.repeat(18 + i * 6) + (i === 1 ? ' Please verify your account at http://secure-update.top/login within 24 hours.' : ''));

const CALLER = ['您好，请问是李先生吗？', '我是京东金融客服，工号8848。', '系统显示您开通了京东金条学生账户。', '根据国家政策需要注销，否则影响征信。', '您需要把额度取出来转到我们的监管账户。', '您下载一个会议软件，开启屏幕共享。'];
const CALLEE = ['是我，什么事？', '我没开通过啊。', '那怎么办？', '好的你说。', '需要多久？', '嗯。'];
export const TRANSCRIPTS = [0, 1, 2].map((v) =>
  Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? { speaker: 'caller', text: CALLER[(i / 2 + v) % CALLER.length] ?? '' } : { speaker: 'callee', text: CALLEE[(i + v) % CALLEE.length] ?? '' })),
);

/** Inputs of 100,000 characters, including hostile shapes for regexes. */
export const HUGE: string[] = [
  '您好，我是淘宝客服。'.repeat(10_000),
  '1'.repeat(100_000),
  '(2024)浙'.repeat(14_285),
  'http://a.'.repeat(11_111),
  '验证码 '.repeat(25_000),
  `${'a'.repeat(99_990)}@b.com`,
  'x. '.repeat(33_333),
  Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join(''),
  // Session 13: zones of negated asks and warnings end at spaces between Chinese characters (src/core/signals/quoted.ts).
  `诈骗${' '.repeat(99_996)}诈骗`,
  '不要 '.repeat(33_333),
  '对方是不是让你转账？'.repeat(10_000),
  // Session 14: a request beside warnings (their share of the text, the model's reading without them).
  `请转账给我${'谨防诈骗'.repeat(24_998)}`,
  '谨防诈骗，请加微信转账。'.repeat(8_333),
];
