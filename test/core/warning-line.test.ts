import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze, analyzeConversation } from '../../src/index.js';

/**
 * "谨防诈骗" pasted beside a scam's request must not talk the request down (session 14: such a line let 37% of the
 * probe sets' flagged scams through). Two mechanisms: a warning's own weight shrinks with the share of the text it
 * covers (signals/quoted.ts), and the model also reads the text without its warning sentences (core/warning-line.ts).
 */
const load = (name: string): { text: string; label: string }[] =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; label: string });
const flagged = (text: string): boolean => ['scam', 'suspicious'].includes(analyze(text).verdict);
const chinese = (t: string): boolean => /[\u4e00-\u9fff]/.test(t);

const scams = [...load('near-domain-scam.jsonl'), ...load('seeds.jsonl').filter((r) => r.label === 'scam')].map((r) => r.text).filter((t) => chinese(t) && flagged(t));
const genuine = load('near-domain-legit.jsonl').map((r) => r.text);

describe('a warning line beside a message', () => {
  // Held-out written scams (never trained on). Before session 14: 125 of 162 kept with the short line, 104 with the
  // long one; after: 155 and 136.
  it('leaves at least 92% of the flagged written scams flagged, before or after them', () => {
    for (const add of [(t: string) => `${t}\n谨防诈骗。`, (t: string) => `谨防诈骗。\n${t}`]) {
      const kept = scams.filter((t) => flagged(add(t))).length;
      assert.ok(kept / scams.length >= 0.92, `${kept}/${scams.length}`);
    }
  });

  it('and at least 80% with a longer notice line that names a hotline', () => {
    const kept = scams.filter((t) => flagged(`${t}\n温馨提示：谨防电信网络诈骗，如有疑问请拨打96110。`)).length;
    assert.ok(kept / scams.length >= 0.8, `${kept}/${scams.length}`);
  });

  it('flags no genuine near-domain message that was not flagged without it', () => {
    for (const line of ['谨防诈骗。', '温馨提示：谨防电信网络诈骗，如有疑问请拨打96110。']) {
      const newly = genuine.filter((t) => !flagged(t) && flagged(`${t}\n${line}`));
      assert.deepEqual(newly, []);
    }
  });

  it('reads a genuine notice beside its warning, and a warning’s quotations, as they are', () => {
    for (const text of [
      '【平安普惠】您的借款本期已逾期，请尽快还款，逾期将产生罚息并上报征信。官方还款渠道仅限平安普惠APP，请勿向任何个人账户转账。',
      '【市公安局】刷单就是诈骗！“先垫付后返佣”“联单任务需充值”都是陷阱，请勿相信。',
      // A review's court notices that end in the tag line: the model reads them as ordinary, so the line counts in full.
      '【XX区人民法院】您好，您的民间借贷纠纷案件已立案，承办法官李XX，联系电话0571-87651234，请于5个工作日内提交证据材料。谨防诈骗。',
      '【XX县人民法院】您好，您的交通事故责任纠纷案件已调解结案，赔偿款将由对方在15日内支付至您提供的账户。谨防诈骗。',
    ]) {
      assert.ok(!flagged(text), text);
      assert.ok(!analyze(text).signals.some((s) => s.detail?.['withoutWarnings'] === true), text);
    }
  });

  it('weighs a warning by the share of the text it covers, and says so', () => {
    const scam = '【淘宝客服】您好，您购买的儿童保温杯抽检发现铅含量超标，我们将为您办理三倍理赔，请添加理赔专员薇信：tb-lipei886 办理。';
    const line = analyze(`${scam}\n谨防诈骗。`).signals.find((s) => s.id === 'ANTI_FRAUD_WARNING');
    assert.ok(line, 'the warning is still read');
    assert.ok(line.weight > -26 && line.weight < 0, `weight ${line.weight}`);
    assert.ok(Number(line.detail?.['warningShare']) < 0.5);
    // A text that is all warning keeps the warning's full weight.
    const notice = analyze('谨防诈骗！凡是要求您转账到安全账户的都是诈骗，公检法不会电话办案。').signals.find((s) => s.id === 'ANTI_FRAUD_WARNING');
    assert.equal(notice?.weight, -26);
    assert.equal(notice?.detail?.['warningShare'], undefined);
  });

  it('lets the model read the message without the warning line, and says so in its explanation', () => {
    const scam = '【淘宝客服】您好，您于11月18日购买的儿童保温杯经质检部门抽检发现铅含量超标，我们将为您办理三倍理赔，请添加理赔专员薇信：tb-lipei886 办理，逾期视为自动放弃。';
    const model = analyze(`${scam}\n谨防诈骗。`).signals.find((s) => s.id === 'MODEL_SCAM');
    assert.equal(model?.detail?.['withoutWarnings'], true);
    assert.match(model?.explanation.zh ?? '', /不计文中的防骗提示语/);
    assert.match(model?.explanation.en ?? '', /without its anti-fraud lines/);
    // Spans still index the original text, outside the warning line.
    for (const sp of model?.spans ?? []) assert.ok(sp.end <= scam.length, `${sp.start}-${sp.end}`);
  });

  it('leaves calls and chats as they were: their other turns are no part of what a warning answers', () => {
    const a = analyzeConversation([
      { speaker: '民警', text: '阿姨，最近好多人被拉进炒股群，让下载App投资，前面能提现，后面就取不出来。' },
      { speaker: '阿姨', text: '我还真收到了一个，说是老师带炒股。' },
      { speaker: '民警', text: '那就是骗子，您把群退了。' },
    ]);
    const warning = a.signals.find((s) => s.id === 'ANTI_FRAUD_WARNING');
    assert.equal(warning?.detail?.['warningShare'], undefined);
    assert.ok(!a.signals.some((s) => s.detail?.['withoutWarnings'] === true));
  });
});
