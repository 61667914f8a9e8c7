/**
 * npm run bench:http — the HTTP service under load on loopback, for SQLite and PostgreSQL.
 * Starts a real `fanzha serve` (dist/ when built, else from source through tsx), then runs autocannon:
 * POST /v1/analyze at 50 connections (req/s, p50, p99; one heavy scam message with a link, a WeChat id and a sender,
 * then the engine bench's 16 short messages in turn) and POST /v1/reports at 50 connections (writes/s).
 * PostgreSQL: DATABASE_URL if set, else a throw-away cluster (test/helpers/postgres.ts); skipped if neither.
 * Each store is measured with one server process and with --workers 2 (node:cluster, one per core), each row on a
 * fresh, empty database (so no row inherits the reports an earlier row wrote: the analyze text's identifiers are
 * unknown to the store, as most identifiers in checked messages are).
 * For one-process rows it also reads the server's CPU time from /proc: CPU µs per analyze request, the figure that
 * does not depend on how much of the 2 cores the load generator takes.
 * Prints a table and writes reports/bench-http.json. Options: --duration <s> (default 10), --only sqlite|postgres,
 * --rate <req/s>: also measure analyze latency at that offered rate (autocannon's overallRate, same 50 connections):
 * the latency a platform sees at a given load, rather than at saturation, where p99 is mostly queueing. autocannon
 * paces each connection, so above saturation it under-reports latency (coordinated omission): read a rate row only
 * when its achieved req/s matches the offered rate.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pgBinDir, startPostgres, type PgCluster } from '../test/helpers/postgres.js';
import { SHORT_SMS } from './samples.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  /** Bytes received, headers included. */
  throughput: { total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, only: { type: 'string' }, rate: { type: 'string' } } });
const duration = Number(values.duration);
const rate = values.rate ? Number(values.rate) : null;
if (rate !== null && !(rate > 0)) throw new Error('--rate must be a positive number of requests per second');
const ROOT = new URL('..', import.meta.url).pathname;
const DIST_MAIN = join(ROOT, 'dist/src/cli/main.js');
const useDist = existsSync(DIST_MAIN);

const ANALYZE_BODY = JSON.stringify({
  text: '【淘宝】您好，我是淘宝客服，您购买的商品检测出甲醛超标，我们给您双倍赔偿。请加我微信 tb_kefu2024，我发你退款链接 http://tb-refund.cn/a ，操作时把收到的验证码告诉我。',
  channel: 'sms',
  sender: '+8613800138000',
});
/** The engine bench's 16 short messages (zh+en, scams and genuine), each connection cycling through them. */
const MIX_BODIES = SHORT_SMS.map((text, i) => JSON.stringify({ text, channel: 'sms', sender: i % 2 ? '10690000123' : `+86139${String(10_000_000 + i * 7919).slice(0, 8)}` }));
const REPORT_BODY = JSON.stringify({
  kind: 'phone',
  value: '17012345678',
  category: 'fake_customer_service',
  description: '自称淘宝客服，说商品有质量问题要退款，让加微信',
  evidence: '您好，我是淘宝客服，请加我微信 tb_kefu2024 办理退款，联系 13912345678',
});

function freePort(): Promise<number> {
  return import('node:net').then(
    ({ createServer }) =>
      new Promise((resolve) => {
        const s = createServer();
        s.listen(0, '127.0.0.1', () => {
          const a = s.address();
          s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
        });
      }),
  );
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const args = useDist ? [DIST_MAIN] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
  const child = spawn(process.execPath, [...args, 'serve', '--host', '127.0.0.1', '--port', String(port), '--public'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      FANZHA_LOG_LEVEL: 'warn',
      // The benchmark measures the service, not the rate limiter.
      FANZHA_RATE_LIMIT_PUBLIC: '100000000',
      FANZHA_RATE_LIMIT_IP: '100000000',
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

/**
 * CPU time (user + system, ms) the server process has used, from /proc (Linux; USER_HZ is 100 there). Only for a
 * single process: with --workers the work happens in child processes, whose time their parent sees only at exit.
 */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined || process.platform !== 'linux') return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

interface Row {
  store: string;
  /** 1-minute load average when the row started: other work on the machine skews every figure. */
  loadBefore: number;
  analyzeRps: number;
  analyzeP50ms: number;
  analyzeP99ms: number;
  analyzeErrors: number;
  /** Server CPU per analyze request at saturation (µs), one-process rows only. */
  analyzeCpuUs: number | null;
  /** Bytes per analyze answer, headers included: a check that answers are whole (a bug once made them empty). */
  analyzeBytes: number;
  /** The same at saturation over MIX_BODIES. */
  mixRps: number;
  mixP99ms: number;
  reportWritesPerSec: number;
  reportP50ms: number;
  reportP99ms: number;
  reportErrors: number;
  /** With --rate: analyze at that offered rate. */
  atRate?: { offered: number; achieved: number; p50ms: number; p99ms: number; errors: number };
}

async function load(url: string, path: string, body: string | string[], seconds: number, overallRate?: number): Promise<AutocannonResult> {
  return autocannon({
    url: `${url}${path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(typeof body === 'string' ? { body } : { requests: body.map((b) => ({ body: b })) }),
    connections: 50,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
  });
}

async function benchStore(name: string, env: Record<string, string>): Promise<Row> {
  const loadBefore = Math.round(loadavg()[0]! * 100) / 100;
  const { child, url } = await startServer(env);
  try {
    await load(url, '/v1/analyze', ANALYZE_BODY, 2); // warm-up (JIT, caches)
    // The child inherits this shell's environment too.
    const single = (env['FANZHA_WORKERS'] ?? process.env['FANZHA_WORKERS'] ?? '1') === '1';
    const cpu0 = single ? cpuMs(child.pid) : null;
    const a = await load(url, '/v1/analyze', ANALYZE_BODY, duration);
    const cpu1 = single ? cpuMs(child.pid) : null;
    const m = await load(url, '/v1/analyze', MIX_BODIES, duration);
    const r = rate ? await load(url, '/v1/analyze', ANALYZE_BODY, duration, rate) : null;
    await load(url, '/v1/reports', REPORT_BODY, 1);
    const w = await load(url, '/v1/reports', REPORT_BODY, duration);
    return {
      store: name,
      loadBefore,
      analyzeRps: Math.round(a.requests.average),
      analyzeP50ms: a.latency.p50,
      analyzeP99ms: a.latency.p99,
      analyzeErrors: a.non2xx + a.errors + a.timeouts + m.non2xx + m.errors + m.timeouts,
      analyzeBytes: a.requests.total > 0 ? Math.round(a.throughput.total / a.requests.total) : 0,
      analyzeCpuUs: cpu0 !== null && cpu1 !== null && a.requests.total > 0 ? Math.round(((cpu1 - cpu0) * 1000) / a.requests.total) : null,
      mixRps: Math.round(m.requests.average),
      mixP99ms: m.latency.p99,
      reportWritesPerSec: Math.round(w.requests.average),
      reportP50ms: w.latency.p50,
      reportP99ms: w.latency.p99,
      reportErrors: w.non2xx + w.errors + w.timeouts,
      ...(r && rate
        ? { atRate: { offered: rate, achieved: Math.round(r.requests.average), p50ms: r.latency.p50, p99ms: r.latency.p99, errors: r.non2xx + r.errors + r.timeouts } }
        : {}),
    };
  } finally {
    await stopServer(child);
  }
}

const rows: Row[] = [];
const notes: string[] = [];
if (values.only !== 'postgres') {
  for (const [name, extra] of [
    ['sqlite', {}],
    ['sqlite, 2 workers', { FANZHA_WORKERS: '2' }],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'fanzha-bench-'));
    try {
      rows.push(await benchStore(name, { FANZHA_DATA_DIR: dir, ...extra }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
if (values.only !== 'sqlite') {
  let cluster: PgCluster | null = null;
  const given = process.env['DATABASE_URL'];
  if (!given && pgBinDir()) cluster = await startPostgres();
  if (given || cluster) {
    try {
      // A throw-away cluster gives each row its own database; a given DATABASE_URL is used as it is.
      const db = async (name: string): Promise<string> => (cluster ? cluster.createDatabase(name) : given!);
      rows.push(await benchStore('postgres', { DATABASE_URL: await db('bench1') }));
      rows.push(await benchStore('postgres, 2 workers', { DATABASE_URL: await db('bench2'), FANZHA_WORKERS: '2' }));
    } finally {
      cluster?.stop();
    }
  } else notes.push('postgres skipped: no DATABASE_URL and no PostgreSQL binaries');
}

const header = '| store | analyze req/s | analyze p50 ms | analyze p99 ms | bytes/answer | server CPU µs/request | 16-message mix req/s | mix p99 ms | report writes/s | report p50 ms | report p99 ms | errors | load before |';
console.log(`\nfanzha HTTP bench: autocannon, 50 connections, ${duration} s each, loopback, ${useDist ? 'dist' : 'tsx'} build, ${cpus().length} cores\n`);
console.log(header);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.store} | ${r.analyzeRps} | ${r.analyzeP50ms} | ${r.analyzeP99ms} | ${r.analyzeBytes} | ${r.analyzeCpuUs ?? '—'} | ${r.mixRps} | ${r.mixP99ms} | ${r.reportWritesPerSec} | ${r.reportP50ms} | ${r.reportP99ms} | ${r.analyzeErrors + r.reportErrors} | ${r.loadBefore} |`,
  );
}
if (rate) {
  console.log(`\nanalyze at an offered ${rate} req/s (50 connections, ${duration} s):\n`);
  console.log('| store | offered req/s | achieved req/s | p50 ms | p99 ms | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) if (r.atRate) console.log(`| ${r.store} | ${r.atRate.offered} | ${r.atRate.achieved} | ${r.atRate.p50ms} | ${r.atRate.p99ms} | ${r.atRate.errors} |`);
}
// The bench message's full answer is ≈ 10 KB: far less means answers were cut or empty, and every figure is void.
for (const r of rows) if (r.analyzeBytes < 4000) notes.push(`WARNING ${r.store}: analyze answers averaged ${r.analyzeBytes} bytes; expected ≈ 10,000`);
for (const n of notes) console.log(`\n${n}`);
mkdirSync(join(ROOT, 'reports'), { recursive: true });
writeFileSync(
  join(ROOT, 'reports/bench-http.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, build: useDist ? 'dist' : 'tsx', connections: 50, durationSeconds: duration, rows, notes }, null, 2)}\n`,
);
console.log('\nwrote reports/bench-http.json');
