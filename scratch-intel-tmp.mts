import { analyze } from './src/index.ts';
for (const t of ['【杭州互联网法院】您好，(2024)浙0192民诉前调595号案件已受理，请登录人民法院在线服务小程序查看，如有疑问请拨打12368。', '【花呗调解中心】您的花呗已逾期，(2023)蚂调字第123号，请于2小时内联系调解员微信hb_tiaojie88，将欠款转入以下账户，否则冻结名下所有账户并通知家人。', '您好我是支付宝客服，您的账户异常，请点击 alipay.com.refund-help.cn 处理', '【中国联通】您本月账单已出，详情 u.10010.cn/abcd', '【京东】您的验证码是123456，请勿泄露。', '拼多多客服来电 0096836155952：您开通了百万保障，需要关闭']) {
 const a = analyze(t); console.log(a.verdict, a.score, a.signals.map(s=>s.id+':'+s.weight).join(' ')); console.log('   advice:', a.advice.slice(0,2).map(x=>x.zh).join(' / '));
}
