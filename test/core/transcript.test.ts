import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTranscript } from '../../src/core/transcript.js';

describe('parseTranscript', () => {
  it('reads A:/B: and full-width-colon speaker lines, joining continuation lines', () => {
    const turns = parseTranscript('客服：您好，我是淘宝客服\n用户：什么事？\n客服：您的订单有问题\n需要退款');
    assert.deepEqual(turns, [
      { speaker: '客服', text: '您好，我是淘宝客服' },
      { speaker: '用户', text: '什么事？' },
      { speaker: '客服', text: '您的订单有问题\n需要退款' },
    ]);
  });
  it('is not fooled by a single message, a single speaker or a link', () => {
    assert.equal(parseTranscript('您好，我是淘宝客服'), null);
    assert.equal(parseTranscript('A: hello\nA: again'), null);
    assert.equal(parseTranscript('https://a.cn/x\nhttp://b.cn/y'), null);
    assert.equal(parseTranscript('第一行没有说话人\nB: 你好'), null);
  });
  it('reads inline call-centre tags (【坐席】…【客户】…) and ignores a brand signature', () => {
    const turns = parseTranscript('【坐席】您好，我是京东金融客服。【客户】什么事？【坐席】您的金条额度过高，需要关闭。');
    assert.deepEqual(turns, [
      { speaker: '坐席', text: '您好，我是京东金融客服。' },
      { speaker: '客户', text: '什么事？' },
      { speaker: '坐席', text: '您的金条额度过高，需要关闭。' },
    ]);
    assert.equal(parseTranscript('【中国移动】您的话费余额不足。【中国移动】请及时充值。'), null);
    assert.equal(parseTranscript('【坐席】只有一个说话人【坐席】还是他'), null);
  });
});
