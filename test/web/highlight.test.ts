/** Component tests of the highlighter's pure core (web/src/lib/highlight.ts): no browser needed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentText, snapOffset, type Evidence } from '../../web/src/lib/highlight.js';

const ev = (weight: number, ...spans: [number, number][]): Evidence => ({ weight, spans: spans.map(([start, end]) => ({ start, end })) });

/** Every segment list must tile the text exactly, in order, with no empty piece. */
function assertTiles(text: string, segs: ReturnType<typeof segmentText>) {
  assert.equal(segs.map((s) => s.text).join(''), text);
  let at = 0;
  for (const s of segs) {
    assert.equal(s.start, at);
    assert.ok(s.end > s.start, 'no empty segment');
    assert.equal(s.text, text.slice(s.start, s.end));
    at = s.end;
  }
  assert.equal(at, text.length);
}

test('empty text gives no segments, whatever the spans', () => {
  assert.deepEqual(segmentText('', [ev(10, [0, 5])]), []);
});

test('no evidence: one unmarked segment', () => {
  const segs = segmentText('你好', []);
  assert.deepEqual(segs, [{ start: 0, end: 2, text: '你好', refs: [], tone: null }]);
});

test('overlapping spans of two signals give three marks, the middle one listing both', () => {
  const text = 'abcdefgh';
  const segs = segmentText(text, [ev(10, [1, 5]), ev(5, [3, 7])]);
  assertTiles(text, segs);
  assert.deepEqual(
    segs.map((s) => [s.text, s.refs]),
    [['a', []], ['bc', [0]], ['de', [0, 1]], ['fg', [1]], ['h', []]],
  );
});

test('touching spans of one signal merge into one mark; of two signals they stay apart', () => {
  const same = segmentText('花呗调解通知', [ev(10, [0, 2], [2, 4])]);
  assert.deepEqual(same.map((s) => [s.text, s.refs]), [['花呗调解', [0]], ['通知', []]]);
  const two = segmentText('花呗调解通知', [ev(10, [0, 2]), ev(10, [2, 4])]);
  assert.deepEqual(two.map((s) => [s.text, s.refs]), [['花呗', [0]], ['调解', [1]], ['通知', []]]);
});

test('a span covering the whole text marks all of it', () => {
  const text = '请立即转账到安全账户';
  const segs = segmentText(text, [ev(30, [0, text.length])]);
  assert.deepEqual(segs, [{ start: 0, end: text.length, text, refs: [0], tone: 'risk' }]);
});

test('duplicate and nested spans do not duplicate refs', () => {
  const segs = segmentText('abcdef', [ev(10, [0, 6], [0, 6], [2, 3])]);
  assert.deepEqual(segs.map((s) => [s.text, s.refs]), [['abcdef', [0]]]);
});

test('spans never split a surrogate pair (emoji)', () => {
  const text = 'a😀b🎉c'; // a=0, 😀=1..3, b=3, 🎉=4..6, c=6
  assert.equal(text.length, 7);
  // Start inside the first emoji, end inside the second: widened to whole characters.
  const segs = segmentText(text, [ev(10, [2, 5])]);
  assertTiles(text, segs);
  assert.deepEqual(segs.map((s) => [s.text, s.refs]), [['a', []], ['😀b🎉', [0]], ['c', []]]);
  for (const s of segs) assert.ok(!/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/.test(s.text), `no lone surrogate in ${JSON.stringify(s.text)}`);
});

test('a span touching an emoji edge keeps the emoji whole and outside', () => {
  const text = '😀转账😀';
  const segs = segmentText(text, [ev(10, [2, 4])]);
  assert.deepEqual(segs.map((s) => [s.text, s.refs]), [['😀', []], ['转账', [0]], ['😀', []]]);
});

test('out-of-range, reversed, empty and non-finite spans are clamped or dropped', () => {
  const text = 'abc';
  const segs = segmentText(text, [ev(10, [-5, 1], [2, 99], [2, 1], [1, 1], [Number.NaN, 2])]);
  assertTiles(text, segs);
  // [-5,1) → [0,1), [2,99) → [2,3), NaN → 0 so [0,2): all of 'abc' is covered by signal 0, in one mark.
  assert.deepEqual(segs.map((s) => [s.text, s.refs]), [['abc', [0]]]);
});

test('tone: risk when any covering signal is positive, benign when all are negative', () => {
  const segs = segmentText('验证码123请勿泄露', [ev(-24, [0, 10]), ev(22, [0, 3])]);
  assert.deepEqual(segs.map((s) => [s.text, s.tone]), [['验证码', 'risk'], ['123请勿泄露', 'benign']]);
});

test('snapOffset moves off the middle of a pair in the asked direction only', () => {
  const text = 'x😀y';
  assert.equal(snapOffset(text, 2, 'left'), 1);
  assert.equal(snapOffset(text, 2, 'right'), 3);
  assert.equal(snapOffset(text, 1, 'left'), 1);
  assert.equal(snapOffset(text, 3, 'right'), 3);
  assert.equal(snapOffset(text, 100, 'right'), 4);
  assert.equal(snapOffset(text, -1, 'left'), 0);
});

test('a long text with many spans stays linear enough and exact', () => {
  const text = '转账'.repeat(5000);
  const spans: [number, number][] = [];
  for (let i = 0; i < 400; i++) spans.push([i * 20, i * 20 + 4]);
  const segs = segmentText(text, [ev(10, ...spans)]);
  assertTiles(text, segs);
  assert.equal(segs.filter((s) => s.tone === 'risk').length, 400);
});
