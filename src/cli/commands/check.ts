import { createReadStream, createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { analyze, analyzeBatch, analyzeConversation, parseTranscript } from '../../index.js';
import { CHANNELS, type Analysis, type AnalyzeOptions, type Turn } from '../../core/types.js';
import { EXIT } from '../exit-codes.js';
import { pickLang } from '../locale.js';
import { InputError, readText } from '../read-input.js';
import { renderAnalysis } from '../render.js';
import { countLines, readLineGroups } from '../read-lines.js';

const DEMO = '您好，我是淘宝客服，您购买的商品检测出甲醛超标，我们给您双倍赔偿。请加我微信 tb_kefu2024，我发你退款链接，操作时把收到的验证码告诉我。';

interface CheckOptions {
  json?: boolean;
  jsonl?: boolean;
  in?: string;
  out?: string;
  lang?: string;
  demo?: boolean;
  sender?: string;
  channel?: string;
  progress?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('analyse a message, chat or call transcript (text argument, or stdin) 检测一条短信、聊天或通话记录')
    .argument('[text]', 'the text; "-" or nothing reads stdin')
    .option('--json', 'print the Analysis as JSON')
    .option('--jsonl', 'batch mode: one JSON object per line ({"id"?, "text"} or {"id"?, "turns"}, optional "sender", "channel") → one Analysis per line')
    .option('--in <file>', 'with --jsonl: read this file instead of stdin')
    .option('--out <file>', 'with --jsonl: write here instead of stdout')
    .option('--progress', 'with --jsonl: force the progress bar on stderr')
    .option('--sender <id>', 'the sender number or id shown by the phone (checked too)')
    .option('--channel <channel>', 'sms | call | chat | email | post | other')
    .option('--lang <lang>', 'output language: zh | en (default: from the locale)')
    .option('--demo', 'analyse a built-in sample scam message')
    .action(async (text: string | undefined, opts: CheckOptions) => {
      try {
        if (opts.jsonl) {
          process.exitCode = await runJsonl(opts);
          return;
        }
        const input = opts.demo && text === undefined ? DEMO : readText(text);
        if (input.trim() === '') throw new InputError('the text is empty: nothing to check');
        // A pasted transcript ("A: …" / "客服：…" lines) is scored as a conversation; its spans index the joined turns.
        const turns = parseTranscript(input);
        const a = turns ? analyzeConversation(turns, analyzeOptions(opts)) : analyze(input, analyzeOptions(opts));
        const shown = 'text' in a && typeof a.text === 'string' ? a.text : input;
        process.stdout.write(opts.json ? `${JSON.stringify(a)}\n` : `${renderAnalysis(shown, a, pickLang(opts.lang))}\n`);
        process.exitCode = a.verdict === 'scam' ? EXIT.scam : a.verdict === 'suspicious' ? EXIT.suspicious : EXIT.ok;
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        process.stderr.write(`fanzha check: ${err.message}\n`);
        process.exitCode = EXIT.usage;
      }
    });
}

function analyzeOptions(opts: CheckOptions): AnalyzeOptions {
  const channel = CHANNELS.find((c) => c === opts.channel);
  if (opts.channel && !channel) throw new InputError(`unknown --channel ${opts.channel} (one of ${CHANNELS.join(', ')})`);
  return { ...(opts.sender ? { sender: opts.sender } : {}), ...(channel ? { channel } : {}) };
}

const MAX_LINE = 1_000_000;
/** A line of MAX_LINE characters is at most 4 bytes each in UTF-8; longer lines are skipped unread. */
const MAX_LINE_BYTES = MAX_LINE * 4;

type Parsed = { id: unknown; text: string; options: AnalyzeOptions } | { id: unknown; turns: Turn[]; options: AnalyzeOptions } | { id: unknown; error: string };
type Answer = { out: Record<string, unknown>; verdict: Analysis['verdict'] | null };

/** A line's own "sender" and "channel", which take the place of --sender and --channel for that line. */
function lineOptions(rec: Record<string, unknown>): AnalyzeOptions {
  const options: AnalyzeOptions = {};
  const sender = rec['sender'];
  if (sender !== undefined) {
    if (typeof sender !== 'string' || sender.length > 64) throw new Error('"sender" must be a string of at most 64 characters');
    options.sender = sender;
  }
  const channel = rec['channel'];
  if (channel !== undefined) {
    const known = CHANNELS.find((c) => c === channel);
    if (!known) throw new Error(`"channel" must be one of ${CHANNELS.join(', ')}`);
    options.channel = known;
  }
  return options;
}

/** Reads one JSONL line; a bad line becomes an error of its own and the run goes on. */
function parseLine(line: string, lineNo: number): Parsed {
  let id: unknown = lineNo;
  try {
    if (line.length > MAX_LINE) throw new Error(`line is longer than ${MAX_LINE} characters`);
    const obj: unknown = JSON.parse(line);
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new Error('each line must be a JSON object');
    const rec = obj as Record<string, unknown>;
    if (rec['id'] !== undefined) id = rec['id'];
    const options = lineOptions(rec);
    if (Array.isArray(rec['turns'])) {
      const turns = rec['turns'].map((t, i): Turn => {
        if (typeof t !== 'object' || t === null || typeof (t as Turn).text !== 'string') throw new Error(`turns[${i}] needs a string "text"`);
        return { speaker: String((t as Turn).speaker ?? ''), text: (t as Turn).text };
      });
      return { id, turns, options };
    }
    if (typeof rec['text'] !== 'string') throw new Error('missing "text" (a string) or "turns" (an array)');
    return { id, text: rec['text'], options };
  } catch (err) {
    return { id, error: errorMessage(err) };
  }
}

function errorMessage(err: unknown): string {
  return err instanceof SyntaxError ? `malformed JSON: ${err.message}` : err instanceof Error ? err.message : String(err);
}

function answer(id: unknown, run: () => Analysis): Answer {
  try {
    const a = run();
    return { out: { id, ...a }, verdict: a.verdict };
  } catch (err) {
    return { out: { id, error: errorMessage(err) }, verdict: null };
  }
}

/**
 * Analyses the lines read together, answers in their order; `defaults` (--sender, --channel) under each line's own
 * options. The texts go through analyzeBatch (a stage at a time over the group: faster at volume); should it fail,
 * each text is analysed alone so that only a bad one errs.
 */
function analyzeLines(lines: Parsed[], defaults: AnalyzeOptions = {}): Answer[] {
  const texts = lines.flatMap((p) => ('text' in p ? [{ text: p.text, options: p.options }] : []));
  let batch: Analysis[] | null = null;
  try {
    batch = texts.length > 1 ? analyzeBatch(texts, defaults) : null;
  } catch {
    batch = null;
  }
  let t = 0;
  return lines.map((p): Answer => {
    if ('error' in p) return { out: { id: p.id, error: p.error }, verdict: null };
    if ('turns' in p) return answer(p.id, () => analyzeConversation(p.turns, { ...defaults, ...p.options }));
    const done = batch?.[t++];
    return done ? { out: { id: p.id, ...done }, verdict: done.verdict } : answer(p.id, () => analyze(p.text, { ...defaults, ...p.options }));
  });
}

/**
 * Waits until the output takes more, or fails: a stream that errs never drains, and with nothing else pending Node
 * would exit 0 there, silently, with the output cut short (a full disk). (A closed pipe, `| head`, ends the run
 * quietly in main.ts, as Unix tools do.)
 */
function drained(output: Writable): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      output.off('drain', done);
      output.off('error', done);
      output.off('close', done);
      resolve();
    };
    output.on('drain', done);
    output.on('error', done);
    output.on('close', done);
  });
}

async function runJsonl(opts: CheckOptions): Promise<number> {
  const defaults = analyzeOptions(opts);
  const input = opts.in ? createReadStream(opts.in) : process.stdin;
  const output = opts.out ? createWriteStream(opts.out) : process.stdout;
  // A full disk or a missing folder is an error of the run (exit 3 with a message), never a stack trace and exit 1,
  // which a calling script would read as "suspicious".
  let writeError: Error | null = null;
  output.on('error', (err: Error) => {
    writeError ??= err;
  });
  if (opts.out) {
    await new Promise<void>((resolve, reject) => {
      (output as ReturnType<typeof createWriteStream>).once('open', () => resolve());
      output.once('error', reject);
    }).catch((err: Error) => {
      throw new InputError(`cannot write ${opts.out}: ${err.message}`);
    });
  }
  let total = 0;
  const showBar = Boolean(opts.in && (opts.progress || process.stderr.isTTY));
  const bar = showBar ? new SingleBar({ stream: process.stderr, format: 'fanzha {bar} {value}/{total} lines | {eta}s left' }) : null;
  if (bar && opts.in) {
    total = await countLines(createReadStream(opts.in));
    bar.start(total, 0);
  }
  let worst: number = EXIT.ok;
  let bad = 0;
  let lineNo = 0;
  for await (const group of readLineGroups(input, MAX_LINE_BYTES)) {
    if (writeError) break;
    const parsed: Parsed[] = [];
    for (const read of group) {
      lineNo++;
      if ('text' in read && read.text.trim() === '') continue;
      parsed.push('text' in read ? parseLine(read.text, lineNo) : { id: lineNo, error: read.error });
    }
    let text = '';
    for (const { out, verdict } of analyzeLines(parsed, defaults)) {
      if (verdict === null) bad++;
      else if (verdict === 'scam') worst = EXIT.scam;
      else if (verdict === 'suspicious' && worst === EXIT.ok) worst = EXIT.suspicious;
      text += `${JSON.stringify(out)}\n`;
    }
    if (text !== '' && !output.write(text)) await drained(output);
    bar?.increment(group.length);
  }
  bar?.stop();
  if (opts.out && !writeError) {
    // The last write fails only when the file is flushed and closed: wait for that, error or not.
    const file = output as ReturnType<typeof createWriteStream>;
    await new Promise<void>((r) => {
      file.once('close', () => r());
      file.end();
    });
  }
  if (writeError) throw new InputError(`cannot write ${opts.out ?? 'the output'}: ${(writeError as Error).message}`);
  return bad > 0 ? EXIT.partial : worst;
}
