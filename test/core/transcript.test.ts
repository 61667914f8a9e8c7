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
});
