#!/usr/bin/env python3
"""Builds fanzha's own training messages (data/training/*.jsonl).

Two kinds of input, both written for fanzha (see README.md):
  * src/*.txt          hand-written messages, one per line (`kind ::: sender ::: text` or `category ::: text`);
  * the TEMPLATES here  brand-specific notification formats (OTP, bank alerts, pickup codes, court SMS, ...) whose
                        real-world counterparts are themselves fixed templates; slots are filled from a seeded RNG.

Deterministic: a fixed seed, sorted inputs, no clock. Run: python3 data/training/generate.py
It refuses to write if any text duplicates, or is too close to, a held-out text in test/fixtures/ (never train on those).
"""
import hashlib
import json
import os
import random
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
SEP = ' ::: '
rng = random.Random(20261123)


# Traditional-only characters common in messages: enough to tell zh-Hant from zh without a converter.
TRAD = set('們這說為於與個時國會對實現點開關網錢帳號驗證請輸臺灣獲獎繳貸銷註專業務額運費機車買賣價單從應該當斷學調審還換過進達選遊戲讚寶貝親愛媽爺聯繫電話碼訊後際幫頁體準備護遞郵資獎項權債務檢測險將經濟飛絡訂購億萬麼')


def lang_of(text):
    han = re.findall(r'[\u4e00-\u9fff]', text)
    if not han:
        return 'en'
    latin = re.findall(r'[A-Za-z]+', text)
    if len(latin) >= 4 * len(han):
        return 'en'
    return 'zh-Hant' if sum(c in TRAD for c in han) >= 2 else 'zh'


# ---------------------------------------------------------------- slot helpers
def tail():
    return f'{rng.randrange(10000):04d}'


def code(n=6):
    return ''.join(rng.choice('0123456789') for _ in range(n))


def money(lo, hi, cents=True):
    v = rng.uniform(lo, hi)
    return f'{v:,.2f}' if cents else f'{int(v):,}'


def md():
    return f'{rng.randint(1, 12)}月{rng.randint(1, 28)}日'


def hm():
    return f'{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}'


def pick(xs):
    return rng.choice(xs)


NAMES = ['王*', '李*华', '*军', '张*', '刘*芳', '陈*', '赵*强', '周*', '孙*梅', '吴*', '郑*宇', '黄*']
MERCHANTS = ['财付通-美团', '支付宝-滴滴出行', '京东商城', '中国石化加油站', '永辉超市', '星巴克', '肯德基', '瑞幸咖啡',
             '拼多多', '携程旅行网', '中国铁路12306', '屈臣氏', '优衣库', '盒马鲜生', '华润万家', '苹果中国']

BANKS = [  # (short name, signature as it appears, hotline)
    ('工商银行', '【工商银行】', '95588'), ('建设银行', '【建设银行】', '95533'), ('农业银行', '【中国农业银行】', '95599'),
    ('中国银行', '【中国银行】', '95566'), ('交通银行', '【交通银行】', '95559'), ('招商银行', '【招商银行】', '95555'),
    ('邮储银行', '【邮储银行】', '95580'), ('兴业银行', '【兴业银行】', '95561'), ('浦发银行', '【浦发银行】', '95528'),
    ('中信银行', '【中信银行】', '95558'), ('光大银行', '【光大银行】', '95595'), ('民生银行', '【民生银行】', '95568'),
    ('平安银行', '【平安银行】', '95511'), ('华夏银行', '【华夏银行】', '95577'), ('广发银行', '【广发银行】', '95508'),
]


# ---------------------------------------------------------------- legit templates
def gen_otp(n):
    brands = ['唯品会', '苏宁易购', '知乎', '百度', '爱奇艺', '优酷', '腾讯视频', '快手', '微博', '得物', '叮咚买菜', '58同城',
              '贝壳找房', '同程旅行', '飞猪', '航旅纵横', '交管12123', '随申办', '浙里办', '云闪付', '喜马拉雅', '网易云音乐',
              'Keep', '大众点评', '朴朴超市', '顺丰速运', '菜鸟', '中国联通', '中国电信', '网上国网', '平安金管家', '懂车帝']
    acts = ['登录', '注册', '修改密码', '绑定银行卡', '实名认证', '更换手机号', '找回账号', '设置支付密码', '身份验证', '提现']
    forms = [
        '【{b}】验证码：{c}，您正在{a}，{t}分钟内有效。如非本人操作，请忽略本短信。',
        '【{b}】{c}（{b}验证码），用于{a}，请勿转发或告知他人。',
        '【{b}】您的动态码为{c}，有效期{t}分钟，工作人员不会向您索取，请妥善保管。',
        '【{b}】尊敬的用户，您本次{a}的验证码为{c}。为保障账户安全，切勿将验证码告知任何人。',
        '{c}为您的{b}{a}验证码，请于{t}分钟内填写。如非本人操作，请忽略。【{b}】',
        '【{b}】您正在{a}，验证码{c}，泄露验证码会导致账户资金损失，谨防诈骗！',
        '【{b}】验证码{c}，{t}分钟内有效。提醒：任何索要验证码的都是骗子。',
        '【{b}】您好，您的短信验证码是{c}，请在页面输入完成验证。',
        '【{b}】本次操作验证码：{c}。若您未进行{a}操作，请及时修改密码。',
        '【{b}】您的校验码{c}，用于{a}。如有疑问请通过{b}App联系官方客服。',
        '【{b}】{c} 是你的验证码，{t}分钟有效，请勿泄露给任何人，包括{b}工作人员。',
    ]
    out = []
    for _ in range(n):
        b, bank = pick(brands), None
        text = pick(forms).format(b=b, c=code(pick([4, 6, 6])), a=pick(acts), t=pick([2, 5, 5, 10, 15]))
        sender = pick(['', '', '1069' + code(rng.randint(4, 9)), '10655' + code(rng.randint(3, 6))])
        out.append(('otp', sender, text))
    # bank OTPs, with the transaction they protect
    bforms = [
        '{s}您尾号{t}的卡正在进行{op}，金额{m}元，验证码{c}，请勿告诉他人。',
        '{s}验证码{c}，您正在通过{ch}向{n}转账{m}元。银行工作人员不会索取验证码，谨防诈骗。',
        '{s}您正在{op}，动态密码{c}，{k}分钟内有效。任何人索要此密码都是诈骗。',
    ]
    ops = ['网上支付', '快捷支付签约', '手机银行登录', '设置交易密码', '修改预留手机号', '开通网上银行']
    for _ in range(n // 4):
        _, s, hot = pick(BANKS)
        text = pick(bforms).format(s=s, t=tail(), op=pick(ops), m=money(10, 9000), c=code(6), ch=pick(['手机银行', '网上银行']),
                                   n=pick(NAMES), k=pick([3, 5, 10]))
        out.append(('otp', hot, text))
    return out


def gen_bank(n):
    forms = [
        '{s}您尾号{t}的账户于{d} {h}{ch}支出人民币{m}元，余额{b}元。',
        '{short}：您的账户{t}于{d}{h}存入{m}元，当前余额{b}元。',
        '{s}您尾号{t}信用卡{d}{h}在{mer}消费{m}元，当前可用额度{l}元。',
        '{s}{d}{h}，您尾号{t}的借记卡转入{m}元，付款人{n}，附言：{memo}。',
        '{s}您尾号{t}账户{d}自动扣款{ms}元（{bill}），余额{b}元。',
        '{s}您的账户{t}于{d}{h}在ATM取款{m0}元，余额{b}元。如有疑问请致电{hot}。',
        '{s}您尾号{t}的卡片{d}{h}发生一笔退货交易，退款{m}元已入账（{mer}）。',
        '{s}您尾号{t}的账户{d}定期存款到期自动转存，本息合计{m}元。',
        '{s}您尾号{t}的信用卡{d}{h}网上消费{m}元（{mer}），如非本人交易请立即致电{hot}。',
        '{s}您于{d}{h}通过手机银行向{n}转账{m}元成功，手续费0.00元。',
        '{s}您尾号{t}的账户{d}{h}收到跨行汇款{m}元，汇款人{n}，可在手机银行查看明细。',
        '{s}您尾号{t}的信用卡已成功还款{m}元，感谢您的使用。',
    ]
    memos = ['房租', '还款', '货款', '饭钱AA', '生日快乐', '报销', '学费', '押金退还', '劳务费']
    bills = ['水费', '电费', '保险费', '基金定投', '话费', '物业费', '燃气费']
    out = []
    for _ in range(n):
        short, s, hot = pick(BANKS)
        text = pick(forms).format(s=s, short=short, hot=hot, t=tail(), d=md(), h=hm(), ch=pick(['快捷支付', '网上支付', '银联消费', '微信支付', '支付宝']),
                                  m=money(5, 20000), ms=money(20, 800), m0=pick(['500.00', '1,000.00', '2,000.00', '300.00']), b=money(100, 90000),
                                  l=money(1000, 50000), mer=pick(MERCHANTS), n=pick(NAMES), memo=pick(memos), bill=pick(bills))
        out.append(('bank_alert', hot, text))
    return out


def gen_payroll(n):
    companies = ['杭州星河网络科技有限公司', '上海申泰物流有限公司', '成都蜀联医药有限公司', '广州南岭电子有限公司', '北京华科建设集团',
                 '苏州锦程精密制造有限公司', '武汉东湖软件有限公司', '青岛海润食品有限公司']
    forms = [
        '{s}{d}{h}您尾号{t}的账户收到代发工资{m}元，可用余额{b}元。',
        '{short}：{d}您尾号{t}卡入账工资{m}元，摘要：{co}代发。',
        '【{co}】{mo}月工资已发放至您尾号{t}的工资卡，实发{m}元，明细请登录公司OA查看。',
        '{s}您尾号{t}的账户收到{co}发放的绩效奖金{m}元。',
        '{s}您尾号{t}账户{d}收到代发报销款{m}元，余额{b}元。',
    ]
    out = []
    for _ in range(n):
        short, s, hot = pick(BANKS)
        form = pick(forms)
        text = form.format(s=s, short=short, t=tail(), d=md(), h=hm(), m=money(3000, 30000), b=money(3000, 60000),
                           co=pick(companies), mo=rng.randint(1, 12))
        out.append(('payroll', '' if form.startswith('【{co}】') else hot, text))
    return out


def gen_refund(n):
    plats = ['淘宝', '天猫', '京东', '拼多多', '唯品会', '抖音商城', '快手小店', '得物', '美团', '饿了么', '苏宁易购', '当当']
    forms = [
        '【{p}】您申请的订单退款{m}元已到账，请在{p}App-我的订单中查看详情。',
        '【{p}】商家已同意退款，{m}元将在1-3个工作日内原路退回，请留意支付账户。',
        '【{p}】您的售后申请（退货退款）已完成，退款金额{m}元，已退回原支付方式。',
        '【{p}】您的退货已被商家签收，退款{m}元已处理，感谢您的耐心等待。',
        '【{p}】订单{oid}已取消，支付金额{m}元已原路退回。',
        '【{p}】您申请的“仅退款”已通过，{m}元已退还，如有疑问请在App内联系客服。',
    ]
    out = []
    for _ in range(n):
        p = pick(plats)
        out.append(('refund_done', '', pick(forms).format(p=p, m=money(5, 900), oid=code(12))))
    return out


def gen_courier(n):
    stations = [('菜鸟驿站', '菜鸟驿站'), ('兔喜生活', '兔喜快递超市'), ('妈妈驿站', '妈妈驿站'), ('熊猫快收', '熊猫快收'),
                ('近邻宝', '近邻宝'), ('中邮驿站', '中邮驿站'), ('快递超市', '快递超市')]
    carriers = ['中通', '圆通', '韵达', '申通', '极兔', '顺丰', '京东', '邮政', '德邦']
    places = ['枫林苑南门', '幸福里小区3号楼', '科技园北区', '紫荆花园西门', '大学城生活区', '东湖湾小区', '新华路56号', '和平里社区',
              '滨江花园', '世纪城二期', '工业园宿舍区', '桃源村东门']
    forms = [
        '【{st}】您的{c}包裹已到{pl}{sn}，取件码{pc}，请于今日21:00前领取。',
        '【{st}】取件码{pc}，您的{c}快递已在{pl}{sn}待取，超过3天将退回。',
        '【{c}快递】您的快件已到{pl}{sn}，凭取件码{pc}取件，如有疑问请联系驿站。',
        '【丰巢】您的{c}包裹已存入{pl}丰巢柜，取件码{cc}，24小时内免费。',
        '【{c}快递】您好，快递员今天下午送件到{pl}，家里没人的话会放到{sn}，请留意取件短信。',
        '【{c}速递】您的快件{wb}已签收，签收人：{sn}代收。',
        '【{st}】您有{k}个包裹在{pl}{sn}，取件码分别为{pc}、{pc2}。',
        '【{c}快递】您的包裹因地址不在派送范围已转{sn}代收，取件码{pc}，无需支付任何费用。',
    ]
    out = []
    for _ in range(n):
        st, sn = pick(stations)
        pc = f'{rng.randint(1, 30)}-{rng.randint(1, 9)}-{rng.randint(1000, 9999)}'
        pc2 = f'{rng.randint(1, 30)}-{rng.randint(1, 9)}-{rng.randint(1000, 9999)}'
        text = pick(forms).format(st=st, sn=sn, c=pick(carriers), pl=pick(places), pc=pc, pc2=pc2, cc=code(6),
                                  wb=code(13), k=pick(['2', '3']))
        out.append(('courier', '', text))
    return out


COURTS = [('北京市朝阳区人民法院', '京0105'), ('北京市西城区人民法院', '京0102'), ('上海市徐汇区人民法院', '沪0104'),
          ('上海市闵行区人民法院', '沪0112'), ('广州市天河区人民法院', '粤0106'), ('深圳市福田区人民法院', '粤0304'),
          ('杭州市西湖区人民法院', '浙0106'), ('南京市玄武区人民法院', '苏0102'), ('成都市锦江区人民法院', '川0104'),
          ('武汉市洪山区人民法院', '鄂0111'), ('西安市碑林区人民法院', '陕0103'), ('长沙市天心区人民法院', '湘0103'),
          ('重庆市江北区人民法院', '渝0105'), ('天津市南开区人民法院', '津0104'), ('青岛市市南区人民法院', '鲁0202'),
          ('厦门市思明区人民法院', '闽0203'), ('昆明市五华区人民法院', '云0102'), ('贵阳市南明区人民法院', '黔0102'),
          ('呼和浩特市新城区人民法院', '内0102'), ('合肥市蜀山区人民法院', '皖0104'), ('苏州市中级人民法院', '苏05'),
          ('上海金融法院', '沪74'), ('北京金融法院', '京74')]


def gen_court(n):
    forms = [
        ('民初', '【{ct}】{nm}，您好。{cn}案件定于{d}{h}在本院第{r}法庭开庭，请携带身份证件准时到庭。核实请拨12368。'),
        ('民初', '【{ct}】您有一份{doc}（{cn}）已通过电子送达平台送达，请登录人民法院在线服务查看。'),
        ('民初', '【{ct}】您提交的起诉材料已收到，案件已登记立案，案号{cn}，后续进展可在人民法院在线服务“我的案件”中查询。'),
        ('民诉前调', '【{ct}】经您同意，{cn}纠纷已委派特邀调解员调解，调解员将通过本院平台与您联系，调解不收取费用，身份可拨12368核实。'),
        ('民诉前调', '【{ct}】{nm}：{cn}调解已于{d}达成协议，如需申请司法确认，请通过人民法院在线服务提交，司法确认不收费。'),
        ('执', '【{ct}】您申请执行的{cn}案件已立案，执行法官将依法开展财产调查，进展请登录人民法院在线服务查看。'),
        ('执', '【{ct}】{cn}案件执行款已到账本院执行款专户，将在核对收款账户后发放，本院不会要求您提供银行卡密码或验证码。'),
        ('民终', '【{ct}】{cn}上诉案件已收案，合议庭将依法审理，开庭时间另行通知。'),
        ('民初', '【{ct}】提醒：{cn}案件将于{d}进行在线庭审，请提前在人民法院在线服务完成设备调试。'),
        ('民初', '【{ct}】{cn}案件已审结，裁判文书已电子送达，如有疑问请拨打12368。'),
    ]
    docs = ['开庭传票', '举证通知书', '应诉通知书', '民事裁定书', '民事判决书', '受理案件通知书']
    out = []
    for _ in range(n):
        ty, form = pick(forms)
        # appeals (民终) go to an intermediate-level court, whose code has 2 digits
        ct, cc = pick([c for c in COURTS if len(c[1]) == 3] if ty == '民终' else COURTS)
        cn = f'({pick(["2025", "2026", "2026"])}){cc}{ty}{rng.randint(100, 39999)}号'
        text = form.format(ct=ct, cn=cn, nm=pick(['刘*', '王**', '陈*', '杨*', '何**']), d=f'2026年{md()}',
                           h=pick(['9:00', '9:30', '14:00', '14:30', '10:15']), r=pick(['一', '三', '五', '七', '十一']), doc=pick(docs))
        out.append(('court_sms', '12368', text))
    return out


def gen_telecom(n):
    ops = [('中国移动', '10086', '中国移动App', 'https://dx.10086.cn/'), ('中国联通', '10010', '中国联通App', 'u.10010.cn/'),
           ('中国电信', '10000', '中国电信App', 'https://e.189.cn/')]
    forms = [
        '【{o}】尊敬的客户，您{mo}月话费账单已出：合计{m}元。详单可登录{app}查询，或点击{url}{sl}',
        '【{o}】您好，您的套餐内语音已使用{u}分钟，剩余{r}分钟。',
        '【{o}】您已成功缴费{p}元，当前余额{m}元，感谢您的使用。',
        '【{o}】温馨提示：您的号码本月流量已超出套餐，超出部分按每GB{g}元收费，可在{app}订购流量包。',
        '【{o}】您的合约将于{d}到期，到期后套餐自动延续，如需变更请到营业厅或登录{app}办理。',
        '【{o}】您办理的宽带提速已生效，当前速率{bw}M，如有问题请拨打{hot}。',
        '【{o}】您的号码已成功开通“来电提醒”业务，月功能费{p}元，退订请回复TD。',
    ]
    out = []
    for _ in range(n):
        o, hot, app, url = pick(ops)
        sl = ''.join(rng.choice('abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(5))
        text = pick(forms).format(o=o, app=app, url=url, sl=sl, hot=hot, mo=rng.randint(1, 12), m=money(8, 300), u=rng.randint(50, 400),
                                  r=rng.randint(10, 500), p=pick(['30', '50', '100', '200', '5']), g=pick(['3', '5']), d=f'2026年{md()}',
                                  bw=pick(['500', '1000', '300']))
        out.append(('telecom', hot, text))
    return out


def gen_repay(n):
    lenders = [('花呗', '支付宝App-花呗', '95188'), ('借呗', '支付宝App-借呗', '95188'), ('京东白条', '京东App-白条', ''),
               ('京东金条', '京东金融App', ''), ('微粒贷', '微信-微粒贷', ''), ('美团月付', '美团App', ''), ('还呗', '还呗App', ''),
               ('度小满', '度小满App', ''), ('招联金融', '招联金融App', ''), ('马上消费金融', '安逸花App', ''),
               ('分期乐', '分期乐App', ''), ('抖音月付', '抖音App-钱包', '')]
    forms = [
        '【{l}】您本期账单{m}元将于{d}到期，请在{app}还款，逾期将产生罚息。',
        '【{l}】温馨提醒：{d}为您的还款日，应还{m}元，可在{app}设置自动还款。',
        '【{l}】您的借款本期应还{m}元已于今日自动扣款成功，感谢您按时还款。',
        '【{l}】您的账单已逾期{k}天，应还{m}元，请尽快在{app}还款，以免影响个人信用记录。',
        '【{l}】本期还款{m}元已结清，剩余{r}期，下期还款日{d}。',
        '【{l}】您有一笔{m}元的账单即将到期，请仅通过{app}还款，官方不会通过个人账户收款。',
    ]
    out = []
    for _ in range(n):
        l, app, hot = pick(lenders)
        text = pick(forms).format(l=l, app=app, m=money(50, 6000), d=md(), k=rng.randint(1, 20), r=rng.randint(1, 11))
        out.append(('repayment_reminder', hot, text))
    for _ in range(n // 3):  # credit-card bills from banks
        short, s, hot = pick(BANKS)
        text = pick([
            '{s}您尾号{t}的信用卡{mo}月账单金额{m}元，最低还款{mm}元，到期还款日{d}。',
            '{s}您尾号{t}的信用卡本期应还{m}元，还款日{d}，可通过{short}手机银行还款。',
            '{s}您的房贷第{k}期应还{m}元将于{d}从尾号{t}账户扣款，请确保余额充足。',
        ]).format(s=s, short=short, t=tail(), mo=rng.randint(1, 12), m=money(500, 9000), mm=money(50, 900), d=md(), k=rng.randint(2, 200))
        out.append(('repayment_reminder', hot, text))
    return out


def gen_en(n):
    banks = ['Chase', 'Barclays', 'Santander', 'Citi', 'Wells Fargo', 'Monzo', 'Starling', 'UOB', 'Maybank', 'Standard Chartered',
             'TD Bank', 'ANZ', 'Westpac', 'Nationwide']
    merch = ['AMAZON MKTPLACE', 'UBER TRIP', 'TESCO', 'SHELL', 'STARBUCKS', 'SPOTIFY', 'GRAB', 'IKEA', 'APPLE.COM/BILL', 'COSTCO']
    couriers = ['Evri', 'DHL', 'Parcelforce', 'USPS', 'Australia Post', 'Ninja Van', 'Canada Post', 'GLS']
    brands = ['Netflix', 'Instagram', 'LinkedIn', 'Steam', 'Discord', 'Airbnb', 'Facebook', 'TikTok', 'Grab', 'Shopee', 'eBay', 'Coinbase']
    forms = [
        ('en_bank', '{b}: Card ending {t} was used for {cur}{m} at {me}. Not you? Call the number on the back of your card.'),
        ('en_bank', '{b}: You received {cur}{m} from {nm}. Your balance is now {cur}{bal}.'),
        ('en_bank', '{b}: Your salary of {cur}{sal} has been credited to account ending {t}.'),
        ('en_bank', '{b}: Your direct debit of {cur}{m} to {me} will be taken on {day}.'),
        ('en_bank', '{b} alert: a new device signed in to your online banking. If this wasn\'t you, call us using the number on our website.'),
        ('en_otp', '{c} is your {br} code. Don\'t share it.'),
        ('en_otp', '{br}: Your verification code is {c}. It expires in 10 minutes. If you didn\'t ask for it, ignore this text.'),
        ('en_otp', '{b}: Use code {c} to confirm your payment of {cur}{m} to {me}. We\'ll never ask you for this code.'),
        ('en_delivery', '{cr}: Your parcel {wb} is out for delivery today. Track it in the {cr} app.'),
        ('en_delivery', '{cr}: We delivered your parcel and left it in your safe place (porch).'),
        ('en_delivery', '{cr}: Your parcel {wb} is ready to collect from your local pickup point. Bring photo ID.'),
        ('en_repayment', '{b}: Your credit card statement is ready. Minimum payment {cur}{mm} due on {day}. Pay in the {b} app.'),
        ('en_refund', '{br}: We\'ve issued a refund of {cur}{m} to your original payment method. It can take 5-10 days to show.'),
    ]
    days = ['3 Dec', '12 Dec', '28/11', 'Monday', '15 Jan', '1 Dec']
    out = []
    for _ in range(n):
        kind, form = pick(forms)
        text = form.format(b=pick(banks), t=tail(), cur=pick(['$', '£', '€', 'S$', 'A$']), m=money(3, 900), bal=money(100, 9000),
                           me=pick(merch), nm=pick(['J PATEL', 'ANNA LEE', 'M GARCIA', 'TAN K H', 'O BROWN']), day=pick(days),
                           sal=money(1800, 6500), c=code(6), br=pick(brands), cr=pick(couriers), wb=code(3).upper() + code(9), mm=money(25, 150))
        out.append((kind, '', text))
    return out


# ---------------------------------------------------------------- reading, checking, writing
def read_src(name, nfields):
    out = []
    with open(os.path.join(HERE, 'src', name), encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            parts = [p.strip() for p in line.split(SEP, nfields - 1)]
            if len(parts) != nfields or not parts[-1]:
                sys.exit(f'{name}:{n}: expected {nfields} fields')
            parts[-1] = parts[-1].replace('\\n', '\n')
            out.append(tuple(parts))
    return out


def grams(t):
    t = re.sub(r'\d', '0', re.sub(r'\s+', '', t.lower()))
    return {t[i:i + 3] for i in range(max(1, len(t) - 2))}


def held_out():
    texts = []
    fx = os.path.join(ROOT, 'test', 'fixtures')
    for name in sorted(os.listdir(fx)):
        if name.endswith('.jsonl'):
            with open(os.path.join(fx, name), encoding='utf-8') as f:
                texts += [json.loads(line)['text'] for line in f if line.strip()]
    return texts


def check_against_held_out(items, limit=0.6):
    """Exact or near copies of held-out texts (char-trigram Jaccard >= limit, digits folded) are refused."""
    ho = [(t, grams(t)) for t in held_out()]
    bad = []
    for _, _, text in items:
        g = grams(text)
        for t, h in ho:
            j = len(g & h) / max(1, len(g | h))
            if j >= limit:
                bad.append((round(j, 2), text, t))
                break
    return bad


def split_of(text):
    """About 1 in 7 rows is held for calibration (split=dev), chosen by a hash of the text so it survives reordering."""
    return 'dev' if int(hashlib.sha256(text.encode('utf-8')).hexdigest(), 16) % 7 == 0 else 'train'


def dedupe(items):
    seen, out = set(), []
    for it in items:
        if it[2] not in seen:
            seen.add(it[2])
            out.append(it)
    return out


def write(name, objs):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8', newline='\n') as f:
        for o in objs:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    print(f'{name}: {len(objs)} lines')


# ---------------------------------------------------------------- Taiwan's published-SMS form
# Taiwan's public SMS collections print messages with every number, link and LINE ID cut out ("請於 前至 繳費"). The
# model should read that form as it reads the full one, so every Traditional hand-written text also appears stripped.
URL_RE = re.compile(r'(?:https?://|www\.)\S+|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|tw|cc|top|xyz|co|info|vip|shop|site|me|io|app|link|cn|hk)(?:/[!-~]*)?', re.I)
HANDLE_RE = re.compile(r'(?<=[:：])\s*@?[A-Za-z0-9_.\-]{3,}|@[A-Za-z0-9_.\-]{2,}')
DIGITS_RE = re.compile(r'(?:NT\$|\$)?[0-9０-９][0-9０-９,.:/\-]*')


def stripped(text):
    """The text as Taiwan's collections publish it; a cut leaves a space or nothing, chosen by a hash of the text."""
    gap = ' ' if int(hashlib.sha256(text.encode('utf-8')).hexdigest(), 16) % 2 else ''
    out = URL_RE.sub(gap, text)
    out = HANDLE_RE.sub(gap, out)
    out = DIGITS_RE.sub(gap, out)
    return re.sub(r'  +', ' ', out).strip()


def stripped_variants(items):
    """(kind, sender, text, split) for each Traditional text that changes when stripped; the split is the original's."""
    out = []
    for k, s, t in items:
        if lang_of(t) != 'zh-Hant':
            continue
        v = stripped(t)
        if v != t and len(re.findall(r'[\u4e00-\u9fff]', v)) >= 4:
            out.append((k, s, v, split_of(t)))
    return out


def unseen(items, seen):
    """The items whose text (third field) is not in `seen`, adding each to it: no copy repeats another row."""
    out = []
    for it in items:
        if it[2] not in seen:
            seen.add(it[2])
            out.append(it)
    return out


def main():
    src_files = sorted(os.listdir(os.path.join(HERE, 'src')))
    legit = [(k, s, t) for name in src_files if name.startswith('legit-') for k, s, t in read_src(name, 3)]
    legit += gen_otp(56) + gen_bank(56) + gen_payroll(14) + gen_refund(22) + gen_courier(36) + gen_court(26) \
        + gen_telecom(22) + gen_repay(24) + gen_en(44)
    legit = dedupe(legit)
    scam = dedupe([(c, '', t) for name in src_files if name.startswith('scam-') for c, t in read_src(name, 2)])
    # Unsolicited marketing that is not fraud (label spam): `spam ::: text`.
    spam = dedupe([(k, '', t) for name in src_files if name.startswith('spam-') for k, t in read_src(name, 2)])
    if any(k != 'spam' for k, _, _ in spam):
        sys.exit('spam-*.txt lines must start with "spam ::: "')

    cats = [c['id'] for c in json.load(open('/work/shared/spec/taxonomy.json', encoding='utf-8'))['categories']] \
        if os.path.exists('/work/shared/spec/taxonomy.json') else None
    if cats:
        unknown = {c for c, _, _ in scam} - set(cats)
        if unknown:
            sys.exit(f'unknown categories: {unknown}')
    bad = check_against_held_out(legit + scam + spam)
    if bad:
        for j, t, h in bad:
            print(f'too close to held-out ({j}):\n  train: {t}\n  held : {h}', file=sys.stderr)
        sys.exit(f'{len(bad)} training texts too close to test/fixtures/')

    seen = {t for _, _, t in legit + scam + spam}
    legit_v = unseen(stripped_variants(legit), seen)
    scam_v = unseen(stripped_variants(scam), seen)
    bad = check_against_held_out([v[:3] for v in legit_v + scam_v])
    if bad:
        sys.exit(f'{len(bad)} stripped copies too close to test/fixtures/: {bad[0][1]}')
    # A stripped copy says "stripped": the trainer weighs it as one corpus row, not as an own original (tools/train.ts).
    legit_rows = [(k, s, t, split_of(t), None) for k, s, t in legit] + [v + ('stripped',) for v in legit_v]
    scam_rows = [(c, s, t, split_of(t), None) for c, s, t in scam] + [v + ('stripped',) for v in scam_v]
    write('legit-near-domain.jsonl', [
        {'id': f'trl-{i + 1:04d}', 'text': t, 'lang': lang_of(t), 'label': 'legit', 'kind': k, 'split': sp,
         **({'sender': s} if s else {}), **({'variant': v} if v else {})}
        for i, (k, s, t, sp, v) in enumerate(legit_rows)])
    write('scam-written.jsonl', [
        {'id': f'trs-{i + 1:04d}', 'text': t, 'lang': lang_of(t), 'label': 'scam', 'category': c, 'split': sp,
         **({'variant': v} if v else {})}
        for i, (c, _, t, sp, v) in enumerate(scam_rows)])
    print(f'  stripped Taiwan variants: {len(legit_v)} legit, {len(scam_v)} scam')
    if spam:
        write('spam-written.jsonl', [
            {'id': f'trp-{i + 1:04d}', 'text': t, 'lang': lang_of(t), 'label': 'spam', 'kind': k, 'split': split_of(t),
             **({'sender': s} if s else {})}
            for i, (k, s, t) in enumerate(spam)])
    print('  legit kinds:', dict(sorted(Counter(k for k, _, _ in legit).items())))
    print('  scam categories:', dict(sorted(Counter(c for c, _, _ in scam).items())))


if __name__ == '__main__':
    main()
