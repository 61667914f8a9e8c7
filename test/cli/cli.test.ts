import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { analyze } from '../../src/index.js';
import { fanzha } from '../helpers/cli.js';


describe('fanzha check', () => {
  it('prints a verdict with reasons and exits 2 for a scam', () => {
    const r = fanzha(['check', '我是淘宝客服，您的快递丢失了，加我微信给您双倍赔偿，把验证码告诉我']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /这是诈骗/);
    assert.match(r.stdout, /依据/);
  });

  it('speaks English with --lang en and reads stdin', () => {
    const r = fanzha(['check', '--lang', 'en'], '【招商银行】您的验证码为384712，5分钟内有效，请勿泄露给他人。');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No sign of fraud/);
  });

  it('lists a negated ask that set a tactic aside, with no weight of its own', () => {
    const r = fanzha(['check', '--lang', 'en', '【淘宝】请在订单页申请售后，请勿添加任何个人微信。']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /±0 .*not counted \(1\).*NEGATED_ASK/);
  });

  it('--json prints the Analysis', () => {
    const r = fanzha(['check', '--json', '您好']);
    const a = JSON.parse(r.stdout) as { verdict: string; signals: unknown[] };
    assert.equal(a.verdict, 'safe');
    assert.ok(Array.isArray(a.signals));
  });

  it('exits 3 on usage errors (never 1, which means suspicious) and 0 for --help', () => {
    assert.equal(fanzha(['check', '--bogus', 'hi']).code, 3);
    assert.equal(fanzha(['no-such-command']).code, 3);
    assert.equal(fanzha(['check', '--help']).code, 0);
  });

  it('rejects empty input with a clear error and exit 3', () => {
    const r = fanzha(['check'], '  \n');
    assert.equal(r.code, 3);
    assert.match(r.stderr, /empty/);
  });

  it('rejects binary and invalid UTF-8 input with a clear error and exit 3', () => {
    const bin = fanzha(['check'], Buffer.from([0x00, 0x01, 0x02, 0xff]));
    assert.equal(bin.code, 3);
    assert.match(bin.stderr, /binary/);
    const gbk = fanzha(['check'], Buffer.from([0xc4, 0xe3, 0xba, 0xc3])); // 你好 in GBK
    assert.equal(gbk.code, 3);
    assert.match(gbk.stderr, /UTF-8/);
  });

  it('--jsonl keeps order, echoes ids, and turns a bad line into an error line (exit 4)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanzha-cli-'));
    const input = join(dir, 'in.jsonl');
    const out = join(dir, 'out.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a', text: '公安局通知：你涉嫌洗钱，把钱转到安全账户，不要告诉家人' }),
        '{not json',
        JSON.stringify({ id: 'c', turns: [{ speaker: 'caller', text: '我是客服' }, { speaker: 'callee', text: '嗯' }] }),
        JSON.stringify({ id: 'd' }),
        JSON.stringify({ text: '晚上一起吃饭吗' }),
      ].join('\n'),
    );
    const r = fanzha(['check', '--jsonl', '--in', input, '--out', out]);
    assert.equal(r.code, 4, r.stderr);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 5);
    assert.equal(lines[0]?.['id'], 'a');
    assert.equal(lines[0]?.['verdict'], 'scam');
    assert.match(String(lines[1]?.['error']), /malformed JSON/);
    assert.equal(lines[2]?.['id'], 'c');
    assert.ok(Array.isArray(lines[2]?.['turns']));
    assert.match(String(lines[3]?.['error']), /text/);
    assert.equal(lines[4]?.['id'], 5);
  });
});

describe('fanzha check --jsonl on hostile files (session 8 review)', () => {
  it('reports a line that is not UTF-8 or too long as an error line and reads on, in constant memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanzha-cli-'));
    const input = join(dir, 'in.jsonl');
    const out = join(dir, 'out.jsonl');
    const gbk = Buffer.concat([Buffer.from('{"id":"gbk","text":"'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('"}\n')]); // 你好 in GBK
    const huge = Buffer.alloc(4_000_100, 0x61); // one line of 4 MB, over the 1,000,000-character limit's 4,000,000 bytes
    writeFileSync(input, Buffer.concat([gbk, huge, Buffer.from('\n'), Buffer.from(JSON.stringify({ id: 'last', text: '公安局通知：你涉嫌洗钱，把钱转到安全账户' }) + '\r\n')]));
    const r = fanzha(['check', '--jsonl', '--in', input, '--out', out]);
    assert.equal(r.code, 4, r.stderr);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 3);
    assert.match(String(lines[0]?.['error']), /not valid UTF-8/);
    assert.match(String(lines[1]?.['error']), /longer than/);
    assert.equal(lines[2]?.['id'], 'last');
    assert.equal(lines[2]?.['verdict'], 'scam');
  });

  it('an output it cannot write is exit 3 with a message, not a stack trace and exit 1', () => {
    const r = fanzha(['check', '--jsonl', '--out', '/nonexistent-dir/x.jsonl'], '{"text":"你好"}\n');
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /cannot write/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const full = fanzha(['check', '--jsonl', '--out', '/dev/full'], '{"text":"你好"}\n');
    assert.equal(full.code, 3, full.stderr);
    assert.match(full.stderr, /cannot write/);
    // Enough answers that the output pushes back (the write waits to drain, and an output that errs never drains).
    const many = Array.from({ length: 2_000 }, (_, i) => JSON.stringify({ id: i, text: `我是淘宝客服，加我微信 tb_${i} 给您退款，把验证码告诉我` })).join('\n');
    const fullMany = fanzha(['check', '--jsonl', '--out', '/dev/full'], many);
    assert.equal(fullMany.code, 3, fullMany.stderr);
    assert.match(fullMany.stderr, /cannot write \/dev\/full/);
  });
});

describe('fanzha check --jsonl reads a file’s lines in groups (analyzeBatch)', () => {
  it('answers 1,500 lines in order, each exactly as analyze answers its text, errors and transcripts in place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanzha-cli-'));
    const input = join(dir, 'in.jsonl');
    const out = join(dir, 'out.jsonl');
    const texts = ['公安局通知：你涉嫌洗钱，把钱转到安全账户', '【招商银行】您的验证码为384712，请勿泄露给他人。', '晚上一起吃饭吗', '我是淘宝客服，加我微信给您退款'];
    const lines: string[] = [];
    for (let i = 0; i < 1_500; i++) {
      if (i % 250 === 3) lines.push('{oops');
      else if (i % 250 === 4) lines.push(JSON.stringify({ id: `t${i}`, turns: [{ speaker: 'caller', text: '我是客服，您的订单有问题' }] }));
      else lines.push(JSON.stringify({ id: `m${i}`, text: `${texts[i % 4]!}（${i}）` }));
      if (i % 500 === 9) lines.push('   '); // blank lines are skipped, not answered
    }
    writeFileSync(input, lines.join('\n'));
    const r = fanzha(['check', '--jsonl', '--in', input, '--out', out]);
    assert.equal(r.code, 4, r.stderr);
    const answers = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(answers.length, 1_500);
    answers.forEach((line, i) => {
      if (i % 250 === 3) return assert.match(line, /malformed JSON/);
      const got = JSON.parse(line) as { id: string; turns?: unknown };
      if (i % 250 === 4) return assert.ok(got.id === `t${i}` && Array.isArray(got.turns));
      assert.equal(line, JSON.stringify({ id: `m${i}`, ...analyze(`${texts[i % 4]!}（${i}）`) }), `line ${i}`);
    });
  });

  it('reads a line’s own "sender" and "channel" over --sender and --channel; a bad one is that line’s error', () => {
    const otp = '您的验证码为482913，5分钟内有效，请勿泄露给他人。';
    const input = [
      JSON.stringify({ id: 'flag', text: otp }),
      JSON.stringify({ id: 'own', text: otp, sender: '+85251234567', channel: 'chat' }),
      JSON.stringify({ id: 'bad', text: otp, channel: 'fax' }),
      JSON.stringify({ id: 'num', text: otp, sender: 95588 }),
      JSON.stringify({ id: 'call', turns: [{ speaker: '客服', text: otp }] }),
    ].join('\n');
    const r = fanzha(['check', '--jsonl', '--sender', '95588', '--channel', 'sms'], input);
    assert.equal(r.code, 4, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], JSON.stringify({ id: 'flag', ...analyze(otp, { sender: '95588', channel: 'sms' }) }));
    assert.equal(lines[1], JSON.stringify({ id: 'own', ...analyze(otp, { sender: '+85251234567', channel: 'chat' }) }));
    const ids = (line: string): string => (JSON.parse(line) as { signals: { id: string }[] }).signals.map((x) => x.id).join();
    assert.notEqual(ids(lines[0]!), ids(lines[1]!), 'the two senders read differently');
    const error = (line: string): string => (JSON.parse(line) as { error: string }).error;
    assert.match(error(lines[2]!), /"channel" must be one of/);
    assert.match(error(lines[3]!), /"sender" must be a string/);
    assert.equal((JSON.parse(lines[4]!) as { id: string }).id, 'call');
    assert.equal(fanzha(['check', '--jsonl', '--channel', 'fax'], input).code, 3);
  });

  it('answers each line of a pipe as it comes, without waiting for a group to fill', { timeout: 30_000 }, async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'check', '--jsonl'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    try {
      for (const [id, text] of [['1', '把验证码告诉我'], ['2', '你好']] as const) {
        child.stdin.write(`${JSON.stringify({ id, text })}\n`); // stdin stays open: the answer must come anyway
        const next = await answers.next();
        assert.equal((JSON.parse(String(next.value)) as { id: string }).id, id);
      }
    } finally {
      child.stdin.end();
      child.kill();
    }
  });
});

describe('fanzha explain', () => {
  it('describes a category', () => {
    const r = fanzha(['explain', 'fake_debt_collection', '--lang', 'zh']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /虚假催收及诉前调解/);
  });
  it('rejects an unknown category with exit 3', () => {
    const r = fanzha(['explain', 'nope']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /unknown category/);
  });
});
