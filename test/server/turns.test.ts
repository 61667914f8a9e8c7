/**
 * Analyses run in turns (src/server/turns.ts): jobs queued while the loop is busy start together, each caller still
 * gets its own answer, a failing job fails alone, and a long queue is split so I/O gets a turn in between.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultEngine } from '../../src/default-engine.js';
import type { Engine } from '../../src/engine.js';
import { Turns, TurnsFull } from '../../src/server/turns.js';
import { makeHarness, type Harness } from './harness.js';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('Turns', () => {
  test('jobs queued together start together, and each caller gets its own result', async () => {
    const started: number[] = [];
    const turns = new Turns(
      async (n: number) => {
        started.push(n);
        await new Promise((r) => setTimeout(r, (5 - n) * 3)); // later jobs finish first
        return n * 10;
      },
      (out, n) => `${n}:${out}`,
    );
    const pending = [1, 2, 3, 4, 5].map((n) => turns.run(n));
    assert.deepEqual(started, [], 'nothing runs before the turn');
    let seenAtTurn: number[] = [];
    setImmediate(() => (seenAtTurn = [...started]));
    assert.deepEqual(await Promise.all(pending), ['1:10', '2:20', '3:30', '4:40', '5:50']);
    assert.deepEqual(seenAtTurn, [1, 2, 3, 4, 5], 'all five started in the same turn');
  });

  test('a long queue is split into turns of at most maxTurn, with the loop free in between', async () => {
    const started: number[] = [];
    const turns = new Turns(async (n: number) => (started.push(n), n), (n) => n, 2);
    const pending = [1, 2, 3, 4, 5].map((n) => turns.run(n));
    const snapshots: number[][] = [];
    for (let i = 0; i < 4; i++) {
      await tick();
      snapshots.push([...started]);
    }
    assert.deepEqual(await Promise.all(pending), [1, 2, 3, 4, 5]);
    assert.deepEqual(snapshots[0], [1, 2]);
    assert.deepEqual(snapshots.at(-1), [1, 2, 3, 4, 5]);
    assert.ok(snapshots.some((s) => s.length === 4), `turns of two: ${JSON.stringify(snapshots)}`);
  });

  test('a job that throws, rejects or fails to finish fails alone', async () => {
    const turns = new Turns(
      (n: number) => {
        if (n === 1) throw new Error('sync');
        if (n === 2) return Promise.reject(new Error('async'));
        return Promise.resolve(n);
      },
      (n) => {
        if (n === 3) throw new Error('finish');
        return n;
      },
    );
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => turns.run(n)));
    assert.deepEqual(
      settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)),
      ['sync', 'async', 'finish', 4],
    );
    // The queue keeps working after failures.
    assert.equal(await turns.run(7), 7);
  });
});

describe('Turns with prepare', () => {
  test('prepare sees a turn’s inputs together and hands each job its own part', async () => {
    const turnsSeen: number[][] = [];
    const turns = new Turns(
      async (n: number, part?: string) => `${n}:${part ?? '-'}`,
      (out) => out,
      3,
      100,
      (inputs) => (turnsSeen.push([...inputs]), inputs.map((n) => (n % 2 ? `odd${n}` : undefined))),
    );
    assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map((n) => turns.run(n))), ['1:odd1', '2:-', '3:odd3', '4:-', '5:odd5']);
    assert.deepEqual(turnsSeen, [[1, 2, 3], [4, 5]]);
  });

  test('when prepare throws, every job of the turn runs without its part', async () => {
    const turns = new Turns(
      async (n: number, part?: string) => `${n}:${part ?? '-'}`,
      (out) => out,
      32,
      100,
      (): string[] => {
        throw new Error('prepare failed');
      },
    );
    assert.deepEqual(await Promise.all([1, 2].map((n) => turns.run(n))), ['1:-', '2:-']);
  });
});

describe('Turns limits', () => {
  test('beyond maxQueue waiting jobs, run refuses at once with TurnsFull; the queue drains and accepts again', async () => {
    const turns = new Turns(async (n: number) => n, (n) => n, 2, 4);
    const accepted = [1, 2, 3, 4].map((n) => turns.run(n));
    assert.equal(turns.waiting, 4);
    await assert.rejects(turns.run(5), (e: unknown) => e instanceof TurnsFull && e.waiting === 4);
    assert.deepEqual(await Promise.all(accepted), [1, 2, 3, 4]);
    assert.equal(turns.waiting, 0);
    assert.equal(await turns.run(6), 6);
  });

  test('started jobs still waiting on I/O count against maxQueue until they settle', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const turns = new Turns(async (n: number) => (await gate, n), (n) => n, 2, 4);
    const first = [1, 2, 3, 4].map((n) => turns.run(n));
    await tick();
    await tick();
    assert.equal(turns.waiting, 0, 'all four have started');
    assert.equal(turns.pending, 4);
    await assert.rejects(turns.run(5), TurnsFull);
    release();
    assert.deepEqual(await Promise.all(first), [1, 2, 3, 4]);
    await tick(); // a job leaves the count a microtask after its caller has the answer
    assert.equal(turns.pending, 0);
    assert.equal(await turns.run(6), 6);
  });

  test('reserved slots (a batch running its own items) count against maxQueue until done or closed', async () => {
    const turns = new Turns(async (n: number) => n, (n) => n, 2, 4);
    assert.throws(() => turns.reserve(5), TurnsFull, 'more than the bound');
    const slots = turns.reserve(3);
    assert.equal(turns.pending, 3);
    const one = turns.run(1);
    await assert.rejects(turns.run(2), TurnsFull, '3 reserved + 1 queued = 4');
    assert.throws(() => turns.reserve(1), TurnsFull);
    slots.done();
    assert.equal(turns.pending, 3, 'one item done');
    slots.close();
    slots.close();
    slots.done(10);
    assert.equal(await one, 1);
    await tick();
    assert.equal(turns.pending, 0, 'close gives back the rest, once');
    turns.reserve(4).close();
    assert.equal(turns.pending, 0);
  });

  test('a turn size below 1 or a queue smaller than a turn is refused (it would spin or refuse everything)', () => {
    for (const [turn, queue] of [[0, 10], [1.5, 10], [Number.NaN, 10], [8, 4]] as const) {
      assert.throws(() => new Turns(async (n: number) => n, (n) => n, turn, queue), RangeError, `${turn}/${queue}`);
    }
  });

  test('a long queue keeps order across the compaction of its started jobs', async () => {
    const seen: number[] = [];
    const turns = new Turns(async (n: number) => (seen.push(n), n), (n) => n, 100, 5000);
    const all = Array.from({ length: 3000 }, (_, i) => turns.run(i));
    assert.deepEqual(await Promise.all(all), Array.from({ length: 3000 }, (_, i) => i));
    assert.deepEqual(seen, Array.from({ length: 3000 }, (_, i) => i));
  });
});

describe('analyze when too many analyses wait', () => {
  let h: Harness;
  before(async () => {
    h = await makeHarness({ analyzeQueueLimit: 8 }); // below a turn's 32: the turn shrinks to fit
  });
  after(async () => h.close());

  test('the excess gets 503 FZ_ERR_BUSY with Retry-After, the rest their answers', async () => {
    const all = await Promise.all(Array.from({ length: 120 }, (_, i) => h.req({ method: 'POST', url: '/v1/analyze', payload: { text: `我是淘宝客服，第${i}号订单要退款，请加微信` } })));
    const busy = all.filter((r) => r.statusCode === 503);
    const ok = all.filter((r) => r.statusCode === 200);
    assert.equal(busy.length + ok.length, 120);
    assert.ok(busy.length > 0 && ok.length >= 8, `${ok.length} ok, ${busy.length} busy`);
    for (const r of busy) {
      assert.equal(r.json().error.code, 'FZ_ERR_BUSY');
      assert.equal(r.headers['retry-after'], '1');
    }
    // Once the queue has drained, analyze answers again.
    assert.equal((await h.req({ method: 'POST', url: '/v1/analyze', payload: { text: '你好' } })).statusCode, 200);
  });
});

describe('analyze in turns over real sockets', () => {
  let h: Harness;
  let base = '';
  before(async () => {
    h = await makeHarness({ publicAccess: true });
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => h.close());

  test('40 concurrent HTTP requests each get their full analysis', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => (i % 2 ? `我是淘宝客服，订单${i}要退款，请加微信 tb_${i}abc` : `晚上${i}点回家吃饭`));
    const answers = await Promise.all(
      texts.map(async (text) => {
        const r = await fetch(`${base}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
        return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as { analysis: { verdict: string; entities: { text: string }[] } } };
      }),
    );
    answers.forEach((a, i) => {
      assert.equal(a.status, 200);
      assert.match(String(a.type), /^application\/json/);
      assert.equal(a.body.analysis.verdict === 'safe', i % 2 === 0, `${i}: ${a.body.analysis.verdict}`);
      if (i % 2) assert.ok(a.body.analysis.entities.some((e) => e.text.includes(`tb_${i}abc`)), `${i}: its own handle`);
    });
  });
});

describe('concurrent analyze requests', () => {
  let h: Harness;
  before(async () => {
    h = await makeHarness({}, { intel: undefined });
  });
  after(async () => h.close());

  test('60 requests at once each get the answer they get alone', async () => {
    const texts = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seeds.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const bodies = Array.from({ length: 60 }, (_, i) => (i % 3 === 2 ? { text: '' } : { text: texts[i % texts.length]!, sender: i % 2 ? '+8613800138000' : '10086' }));
    const alone = [];
    for (const payload of bodies) alone.push((await h.req({ method: 'POST', url: '/v1/analyze', payload })).body);
    const together = await Promise.all(bodies.map((payload) => h.req({ method: 'POST', url: '/v1/analyze', payload })));
    assert.deepEqual(
      together.map((r) => r.body),
      alone,
    );
    assert.ok(together.some((r) => r.statusCode === 400) && together.some((r) => r.json().analysis?.verdict === 'scam'));
    for (const r of together) if (r.statusCode === 200) assert.match(String(r.headers['content-type']), /^application\/json; charset=utf-8/);
  });
});

describe('a turn of analyze requests is analysed as one batch', () => {
  let h: Harness;
  const groups: number[] = [];
  const engine: Engine = {
    ...defaultEngine(),
    analyzeBatch: (items, o) => (groups.push(items.length), defaultEngine().analyzeBatch(items, o)),
  };
  before(async () => {
    h = await makeHarness({}, { engine, intel: undefined });
  });
  after(async () => h.close());

  test('30 requests at once share analyzeBatch calls and each gets the answer it gets alone', async () => {
    const bodies = Array.from({ length: 30 }, (_, i) => (i % 5 === 4 ? { turns: [{ speaker: '客服', text: `订单${i}异常，请提供验证码` }] } : { text: `我是淘宝客服，订单${i}要退款，请加微信 tb_${i}abc`, ...(i % 3 ? { sender: '95188' } : {}) }));
    const alone = [];
    for (const payload of bodies) alone.push((await h.req({ method: 'POST', url: '/v1/analyze', payload })).body);
    groups.length = 0;
    const together = await Promise.all(bodies.map((payload) => h.req({ method: 'POST', url: '/v1/analyze', payload })));
    assert.deepEqual(together.map((r) => r.body), alone);
    assert.ok(Math.max(...groups) > 1, `texts analysed together: ${JSON.stringify(groups)}`);
    assert.equal(groups.reduce((a, b) => a + b, 0), 24, 'every text once, no transcript');
  });
});

