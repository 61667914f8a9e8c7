/**
 * `fanzha serve` (the HTTP service) and `fanzha keys create|list|revoke` (API keys), with flags and
 * FANZHA_* environment variables (flags win). DATABASE_URL=postgres://… switches the store to PostgreSQL.
 */
import cluster from 'node:cluster';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { buildServer } from '../../server/app.js';
import { DEFAULT_CONFIG, type ServerConfig } from '../../server/config.js';
import { createApiKey } from '../../server/keys.js';
import { openStore } from '../../store/open.js';
import { ROLES, type Role } from '../../store/types.js';
import { EXIT } from '../exit-codes.js';

const env = process.env;

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'fanzha') return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

function int(v: string | undefined, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer between ${min} and ${max} (got "${v}")`);
  return n;
}

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new Error(`expected true or false, got "${v}"`);
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || host.startsWith('127.');

interface StoreOpts {
  dataDir?: string;
  databaseUrl?: string;
}

function storeConfig(o: StoreOpts): { dataDir: string; databaseUrl: string | undefined } {
  return { dataDir: o.dataDir ?? env['FANZHA_DATA_DIR'] ?? './fanzha-data', databaseUrl: o.databaseUrl ?? env['DATABASE_URL'] };
}

interface ServeOptions extends StoreOpts {
  host?: string;
  port?: string;
  logLevel?: string;
  public?: boolean;
  retentionDays?: string;
  webRoot?: string;
  trustProxy?: boolean;
  workers?: string;
}

/**
 * With --workers N, this process migrates the database once, then forks N servers sharing the port (node:cluster)
 * and relays SIGTERM/SIGINT to them; a worker that dies on its own is replaced.
 */
async function primary(o: ServeOptions, workers: number): Promise<void> {
  await (await openStore(storeConfig(o))).close();
  let stopping = false;
  const fork = (): void => {
    cluster.fork();
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), service: 'fanzha', msg: 'worker died; starting another', pid: w.process.pid, code, signal })}\n`);
    fork();
  });
  const stop = (sig: NodeJS.Signals): void => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function serve(o: ServeOptions): Promise<void> {
  const workers = int(o.workers ?? env['FANZHA_WORKERS'], 'workers', 1, 1, 64);
  if (workers > 1 && cluster.isPrimary) return primary(o, workers);
  const host = o.host ?? env['FANZHA_HOST'] ?? '127.0.0.1';
  const port = int(o.port ?? env['FANZHA_PORT'] ?? env['PORT'], 'port', 8080, 0, 65535);
  const level = o.logLevel ?? env['FANZHA_LOG_LEVEL'] ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level)) throw new Error(`unknown log level "${level}"`);
  // Without a key nobody may call the API, unless public access is on: by default only on loopback.
  const publicAccess = o.public ?? bool(env['FANZHA_PUBLIC_ACCESS']) ?? isLoopback(host);
  const r = DEFAULT_CONFIG.rateLimits;
  const config: Partial<ServerConfig> = {
    publicAccess,
    retentionDays: int(o.retentionDays ?? env['FANZHA_RETENTION_DAYS'], 'retention days', DEFAULT_CONFIG.retentionDays),
    webRoot: o.webRoot ?? env['FANZHA_WEB_ROOT'] ?? join(packageRoot(), 'web', 'dist'),
    trustProxy: o.trustProxy ?? bool(env['FANZHA_TRUST_PROXY']) ?? false,
    keyCacheSeconds: int(env['FANZHA_KEY_CACHE_SECONDS'], 'FANZHA_KEY_CACHE_SECONDS', DEFAULT_CONFIG.keyCacheSeconds, 0, 3600),
    bodyLimit: int(env['FANZHA_BODY_LIMIT'], 'FANZHA_BODY_LIMIT', DEFAULT_CONFIG.bodyLimit, 1024),
    slowRequestMs: int(env['FANZHA_SLOW_REQUEST_MS'], 'FANZHA_SLOW_REQUEST_MS', DEFAULT_CONFIG.slowRequestMs, 0),
    // FANZHA_KNOWN_CACHE_MS: this setting's name until session 8 (it caches "unknown" answers), still read.
    unknownCacheMs: int(env['FANZHA_UNKNOWN_CACHE_MS'] ?? env['FANZHA_KNOWN_CACHE_MS'], 'FANZHA_UNKNOWN_CACHE_MS', DEFAULT_CONFIG.unknownCacheMs, 0, 3_600_000),
    analyzeQueueLimit: int(env['FANZHA_ANALYZE_QUEUE_LIMIT'], 'FANZHA_ANALYZE_QUEUE_LIMIT', DEFAULT_CONFIG.analyzeQueueLimit, 1, 1_000_000),
    batchConcurrency: int(env['FANZHA_BATCH_CONCURRENCY'], 'FANZHA_BATCH_CONCURRENCY', DEFAULT_CONFIG.batchConcurrency, 1, 1000),
    requestTimeoutMs: int(env['FANZHA_REQUEST_TIMEOUT_MS'], 'FANZHA_REQUEST_TIMEOUT_MS', DEFAULT_CONFIG.requestTimeoutMs, 0, 3_600_000),
    idleTimeoutMs: int(env['FANZHA_IDLE_TIMEOUT_MS'], 'FANZHA_IDLE_TIMEOUT_MS', DEFAULT_CONFIG.idleTimeoutMs, 0, 3_600_000),
    rateLimits: {
      public: int(env['FANZHA_RATE_LIMIT_PUBLIC'], 'FANZHA_RATE_LIMIT_PUBLIC', r.public, 1),
      analyst: int(env['FANZHA_RATE_LIMIT_ANALYST'], 'FANZHA_RATE_LIMIT_ANALYST', r.analyst, 1),
      admin: int(env['FANZHA_RATE_LIMIT_ADMIN'], 'FANZHA_RATE_LIMIT_ADMIN', r.admin, 1),
      perIp: int(env['FANZHA_RATE_LIMIT_IP'], 'FANZHA_RATE_LIMIT_IP', r.perIp, 1),
      windowMs: int(env['FANZHA_RATE_LIMIT_WINDOW_MS'], 'FANZHA_RATE_LIMIT_WINDOW_MS', r.windowMs, 1000),
      // Unset: shared every 250 ms on PostgreSQL, and on SQLite when several workers share the file.
      syncMs: env['FANZHA_RATE_LIMIT_SYNC_MS'] ? int(env['FANZHA_RATE_LIMIT_SYNC_MS'], 'FANZHA_RATE_LIMIT_SYNC_MS', 0, 0, 60_000) : workers > 1 ? 250 : null,
    },
  };
  const store = await openStore(storeConfig(o));
  const app = await buildServer({ store, config, logger: { level, base: { service: 'fanzha', pid: process.pid } }, closeStore: true });
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown took over 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    // Keep-alive connections that finish their last request during shutdown are closed as they go idle.
    const idle = setInterval(() => app.server.closeIdleConnections(), 50);
    idle.unref();
    app
      .close()
      .then(() => {
        app.log.info('closed');
        process.exit(0);
      })
      .catch((err: unknown) => {
        app.log.error({ err }, 'error while closing');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  const address = await app.listen({ host, port });
  app.log.info({ url: address, store: store.dialect, publicAccess }, 'fanzha ready');
  // A person at a terminal gets one plain line (the JSON log stays on stdout for machines).
  if (process.stderr.isTTY) process.stderr.write(`\n  反诈 fanzha is running: open ${address}  (Ctrl-C to stop)\n\n`);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP service 启动服务 (API under /v1, docs at /docs)')
    .option('--host <host>', 'address to listen on (FANZHA_HOST)', undefined)
    .option('--port <port>', 'port (FANZHA_PORT; default 8080)')
    .option('--data-dir <dir>', 'SQLite data directory (FANZHA_DATA_DIR; default ./fanzha-data); ignored with DATABASE_URL')
    .option('--database-url <url>', 'postgres://… (DATABASE_URL): use PostgreSQL instead of SQLite')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (FANZHA_LOG_LEVEL; default info)')
    .option('--public', 'allow requests without an API key, as the public role (FANZHA_PUBLIC_ACCESS; default: on for loopback only)')
    .option('--no-public', 'require an API key for every /v1 request')
    .option('--retention-days <days>', 'delete raw report evidence after this many days, 0 = never (FANZHA_RETENTION_DAYS; default 180)')
    .option('--web-root <dir>', 'built web app to serve at / (FANZHA_WEB_ROOT; default web/dist)')
    .option('--trust-proxy', 'trust X-Forwarded-For (FANZHA_TRUST_PROXY)')
    .option('--workers <n>', 'server processes sharing the port (FANZHA_WORKERS; default 1)')
    .action(async (o: ServeOptions) => {
      try {
        await serve(o);
      } catch (e) {
        process.stderr.write(`fanzha serve: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(EXIT.usage);
      }
    });

  const keys = program.command('keys').description('manage API keys 管理 API 密钥 (uses --data-dir or DATABASE_URL)');
  const withStore = (c: Command): Command =>
    c.option('--data-dir <dir>', 'SQLite data directory (FANZHA_DATA_DIR)').option('--database-url <url>', 'postgres://… (DATABASE_URL)');
  const run = async (o: StoreOpts, fn: (s: Awaited<ReturnType<typeof openStore>>) => Promise<void>): Promise<void> => {
    const store = await openStore(storeConfig(o));
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };
  withStore(keys.command('create').description('create a key; it is printed once, only its hash is stored'))
    .requiredOption('--role <role>', `${ROLES.join(' | ')}`)
    .option('--name <name>', 'who or what the key is for')
    .option('--json', 'print {id, role, key} as JSON')
    .action(async (o: StoreOpts & { role: string; name?: string; json?: boolean }) => {
      if (!(ROLES as readonly string[]).includes(o.role)) {
        process.stderr.write(`fanzha keys: --role must be one of ${ROLES.join(', ')}\n`);
        process.exit(EXIT.usage);
      }
      await run(o, async (s) => {
        const { key, record } = await createApiKey(s, o.role as Role, o.name ?? null);
        if (o.json) process.stdout.write(`${JSON.stringify({ ...record, key })}\n`);
        else {
          process.stdout.write(`${key}\n`);
          process.stderr.write(`created ${record.role} key ${record.id}; store it now, it will not be shown again\n`);
        }
      });
    });
  withStore(keys.command('list').description('list keys (ids and roles, never the keys)'))
    .option('--json', 'JSON lines')
    .action(async (o: StoreOpts & { json?: boolean }) => {
      await run(o, async (s) => {
        for (const k of await s.listApiKeys()) {
          process.stdout.write(
            o.json
              ? `${JSON.stringify(k)}\n`
              : `${k.id}\t${k.role}\t${k.revokedAt ? 'revoked' : 'active'}\t${new Date(k.createdAt).toISOString()}\t${k.name ?? ''}\n`,
          );
        }
      });
    });
  withStore(keys.command('revoke').description('revoke a key by id').argument('<id>', 'key id (k_…)')).action(async (id: string, o: StoreOpts) => {
    await run(o, async (s) => {
      if (await s.revokeApiKey(id)) process.stderr.write(`revoked ${id}\n`);
      else {
        process.stderr.write(`fanzha keys: no active key ${id}\n`);
        process.exitCode = EXIT.usage;
      }
    });
  });
}
