/**
 * buildServer(deps): the fanzha HTTP service as a Fastify instance (not listening; the caller listens or uses
 * app.inject). Order of a request: per-address rate limit → API key → per-key rate limit → role check →
 * schema validation → handler. Every error leaves as {error:{code,message,field?}}; no stack reaches a client.
 */
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { defaultEngine } from '../default-engine.js';
import type { Engine } from '../engine.js';
import type { Role, Store } from '../store/types.js';
import { resolveConfig, type ServerConfig } from './config.js';
import type { Ctx } from './context.js';
import { ApiError, ERRORS, type ErrorCode } from './errors.js';
import { Intelligence, loadIntel, type IntelModule } from './intelligence.js';
import { KeyVerifier, roleAllows } from './keys.js';
import { Metrics } from './metrics.js';
import { RateLimiter, startRateSync, type RateDecision } from './rate-limit.js';
import { startRetention } from './retention.js';
import { adminRoutes } from './routes/admin.js';
import { analystRoutes } from './routes/analyst.js';
import { analyzeRoutes } from './routes/analyze.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { lookupRoutes } from './routes/lookup.js';
import { reportRoutes } from './routes/reports.js';

export interface ServerDeps {
  store: Store;
  engine?: Engine;
  config?: Partial<ServerConfig>;
  /** Fastify/pino logger options; false (the default) for silence in tests. */
  logger?: FastifyServerOptions['logger'];
  /** The intelligence checkers; undefined loads src/intel if present, null disables. */
  intel?: IntelModule | null;
  /** Close the store when the server closes (true for `fanzha serve`). */
  closeStore?: boolean;
}

const VERSION = '0.1.0';
const utf8 = new TextEncoder();

function send(reply: FastifyReply, code: ErrorCode, message?: string, field?: string): void {
  const e = new ApiError(code, message, field);
  void reply.code(e.status).type('application/json; charset=utf-8').send(e.body());
}

function fieldOf(err: FastifyError): string | undefined {
  const v = err.validation?.[0];
  if (!v) return undefined;
  const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
  const extra = (v.params as { additionalProperty?: string } | undefined)?.additionalProperty;
  const path = v.instancePath.replace(/^\//, '');
  const leaf = missing ?? extra;
  return [path, leaf].filter(Boolean).join('/') || undefined;
}

/** What the server answers to a request it could not parse as HTTP (the connection is then closed). */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const code: ErrorCode = err.code === 'HPE_HEADER_OVERFLOW' ? 'FZ_ERR_HEADERS_TOO_LARGE' : 'FZ_ERR_BAD_HTTP';
  const { status, message } = ERRORS[code];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Drops prototype-ish keys (no prototype games downstream) and NUL characters (PostgreSQL text rejects them). */
function revive(k: string, v: unknown): unknown {
  if (k === '__proto__' || k === 'constructor') return undefined;
  return typeof v === 'string' && v.includes('\u0000') ? v.split('\u0000').join('') : v;
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const config = resolveConfig(deps.config);
  const engine = deps.engine ?? defaultEngine();
  const intelModule = deps.intel === undefined ? await loadIntel() : deps.intel;
  const metrics = new Metrics();
  // Per-address limit first, so floods are cut before any key lookup; then per key (or per address without one).
  // Counted in memory; with syncMs the processes on one database share their counts (src/server/rate-limit.ts).
  const limits = config.rateLimits;
  const perIp = new RateLimiter('ip', limits.windowMs);
  const perKey = new RateLimiter('key', limits.windowMs);
  const rateKeyOf = (req: FastifyRequest): string => (req.auth?.keyId ? `key:${req.auth.keyId}` : `anon:${req.ip}`);
  /** `asked`: how many requests the refused one counts for (a batch's items), when more than one. */
  const refuse = (d: RateDecision, max: number, reply: FastifyReply, asked = 1): ApiError => {
    void reply.header('retry-after', String(d.retryAfter)).header('x-ratelimit-limit', String(max));
    const what = asked > 1 ? `; this batch counts as ${asked}` : '';
    return new ApiError('FZ_ERR_RATE_LIMITED', `Rate limit exceeded: at most ${max} requests per ${limits.windowMs / 1000} s${what}; retry in ${d.retryAfter} s`);
  };
  const ctx: Ctx = {
    store: deps.store,
    engine,
    config,
    metrics,
    intel: new Intelligence(deps.store, engine, intelModule, { unknownCacheMs: config.unknownCacheMs }),
    keys: new KeyVerifier(deps.store, config.keyCacheSeconds * 1000),
    chargeRequests: (req, reply, extra) => {
      const max = limits[req.auth?.role ?? 'public'];
      const d = perKey.charge(rateKeyOf(req), max, extra);
      return d.exceeded ? refuse(d, max, reply, extra + 1) : null;
    },
  };

  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    connectionTimeout: config.idleTimeoutMs,
    // Access lines come from our onResponse hook (debug level), not Fastify's two info lines per request.
    logController: new LogController({ disableRequestLogging: true }),
    // Our own 503 (below) so the body follows the error format.
    return503OnClosing: false,
    // Malformed HTTP is answered before any route: in the error format too, not Node's {"error":"Bad Request"}.
    clientErrorHandler: answerClientError,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  app.decorateRequest('auth', null);
  const debugLog = app.log.level === 'debug' || app.log.level === 'trace';

  // JSON bodies only (a text/plain body gets 415, not a confusing schema error), and NUL characters are removed
  // from every string: PostgreSQL text columns reject them, and no message needs one.
  app.removeContentTypeParser(['text/plain', 'application/json']);
  // Bodies are decoded as UTF-8 strictly: a GBK body (or one that says charset=gbk) is refused, never read as
  // replacement characters, which would score a scam "safe".
  const utf8Strict = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, raw, done) => {
    const type = req.headers['content-type'] ?? '';
    const charset = type.includes(';') ? /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase() : undefined;
    let body: string;
    try {
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw new ApiError('FZ_ERR_MEDIA_TYPE', `Send the body as UTF-8 JSON (charset=${charset} was declared)`);
      body = utf8Strict.decode(raw as Buffer);
    } catch (err) {
      done(err instanceof ApiError ? err : new ApiError('FZ_ERR_BAD_JSON', 'The body is not valid UTF-8 (send UTF-8 JSON)'), undefined);
      return;
    }
    if (body.trim() === '') {
      const e = new Error('empty JSON body') as FastifyError;
      e.code = 'FST_ERR_CTP_EMPTY_JSON_BODY';
      done(e, undefined);
      return;
    }
    try {
      // A NUL can only arrive as the escape \u0000, and "__proto__" spelt with escapes needs \u too: a body with
      // no \u and neither name parses to the same value without the (much slower) reviver.
      const plain = !body.includes('\\u') && !body.includes('__proto__') && !body.includes('constructor');
      done(null, plain ? JSON.parse(body) : JSON.parse(body, revive));
    } catch {
      const e = new Error('invalid JSON body') as FastifyError;
      e.code = 'FST_ERR_CTP_INVALID_JSON_BODY';
      done(e, undefined);
    }
  });

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) return send(reply, err.code, err.message, err.field);
    const e = err as FastifyError;
    if (e.validation) return send(reply, 'FZ_ERR_VALIDATION', `${e.validationContext ?? 'request'}: ${e.message}`, fieldOf(e));
    switch (e.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, 'FZ_ERR_BODY_TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 'FZ_ERR_MEDIA_TYPE');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(reply, 'FZ_ERR_BAD_JSON');
      // Another writer held the SQLite file past the busy timeout: try again, nothing was written.
      case 'SQLITE_BUSY':
      case 'SQLITE_LOCKED':
        req.log.warn({ err: e }, 'database busy');
        void reply.header('retry-after', '1');
        return send(reply, 'FZ_ERR_STORE_BUSY');
    }
    if (e.statusCode === 429) return send(reply, 'FZ_ERR_RATE_LIMITED', e.message);
    if (e.statusCode === 400 && e instanceof SyntaxError) return send(reply, 'FZ_ERR_BAD_JSON');
    if (e.statusCode === 413) return send(reply, 'FZ_ERR_BODY_TOO_LARGE');
    if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) return send(reply, 'FZ_ERR_VALIDATION', e.message);
    req.log.error({ err: e }, 'unhandled error');
    return send(reply, 'FZ_ERR_INTERNAL', ERRORS.FZ_ERR_INTERNAL.message);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'fanzha 反诈 API',
        version: VERSION,
        description: 'Scam analysis, lookups and community reports. Errors are {error:{code,message,field?}}; see docs/api.md for the catalogue.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer fz_… (or X-API-Key)' } } },
      security: [{ apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const syncMs = limits.syncMs ?? (deps.store.dialect === 'postgres' ? 250 : 0);
  const rateSync =
    syncMs > 0
      ? startRateSync({ store: deps.store, limiters: [perIp, perKey], syncMs, onError: (err) => app.log.warn({ err }, 'rate limits: sharing counts failed; counting locally') })
      : null;
  /** After the key check: the per-key limit and the role. */
  const admit = (req: FastifyRequest, reply: FastifyReply, role: Role): ApiError | null => {
    const auth = req.auth;
    const max = limits[auth?.role ?? 'public'];
    const d = perKey.hit(rateKeyOf(req), max);
    if (d.exceeded) return refuse(d, max, reply);
    if (!auth) return new ApiError('FZ_ERR_UNAUTHENTICATED');
    if (!roleAllows(auth.role, role)) return new ApiError('FZ_ERR_FORBIDDEN', `this endpoint needs the ${role} role`);
    return null;
  };

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Callback style: a request without a key (or with a cached one) passes without a promise per hook.
  // A body trickled in a byte at a time keeps its socket busy, so the idle timeout never fires, and Node's own
  // requestTimeout did not cut it under Fastify here (measured): the request gets requestTimeoutMs to arrive whole.
  const bodyTimeout = config.requestTimeoutMs;
  if (bodyTimeout > 0) {
    app.addHook('onRequest', (req, reply, done) => {
      if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return done();
      const timer = setTimeout(() => {
        if (!req.raw.complete) req.raw.socket?.destroy();
      }, bodyTimeout);
      timer.unref();
      // The timer looks at the body itself when it fires; the answer's end is all that needs to stop it.
      reply.raw.once('close', () => clearTimeout(timer));
      done();
    });
  }
  app.addHook('onRequest', (req, reply, done) => {
    if (closing) {
      void reply.header('connection', 'close');
      done(new ApiError('FZ_ERR_UNAVAILABLE'));
      return;
    }
    const role = req.routeOptions.config.role;
    if (!role) {
      done();
      return;
    }
    const ip = perIp.hit(`ip:${req.ip}`, limits.perIp);
    if (ip.exceeded) {
      done(refuse(ip, limits.perIp, reply));
      return;
    }
    const header = req.headers.authorization;
    const key = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : (req.headers['x-api-key'] as string | undefined);
    if (!key) {
      if (config.publicAccess) req.auth = { role: 'public', keyId: null };
      done(admit(req, reply, role) ?? undefined);
      return;
    }
    ctx.keys.verify(key).then(
      (rec) => {
        if (!rec) {
          done(new ApiError('FZ_ERR_BAD_KEY'));
          return;
        }
        req.auth = { role: rec.role, keyId: rec.id };
        done(admit(req, reply, role) ?? undefined);
      },
      (err: unknown) => done(err as Error),
    );
  });

  // A serialised answer is a string of many pieces (an analysis is ≈ 9 KB, mostly Chinese): left as a string it is
  // flattened and measured once for Content-Length and encoded again by the socket. One encodeInto does both.
  app.addHook('onSend', (_req, _reply, payload, done) => {
    if (typeof payload === 'string' && payload.length >= 2048 && payload.length <= 1024 * 1024) {
      const buf = Buffer.allocUnsafe(payload.length * 3);
      const { written } = utf8.encodeInto(payload, buf);
      done(null, buf.subarray(0, written));
      return;
    }
    done(null, payload);
  });

  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const ms = reply.elapsedTime;
    metrics.request(req.method, route, reply.statusCode, ms / 1000);
    // A 503 is load shed on purpose (FZ_ERR_BUSY) or a shutdown: logging each at error level would flood the log
    // exactly when the process is overloaded.
    if (reply.statusCode === 503) req.log.warn({ method: req.method, url: route, status: 503 }, 'request refused (busy or closing)');
    else if (reply.statusCode >= 500) req.log.error({ method: req.method, url: req.url, status: reply.statusCode }, 'request failed');
    else if (ms >= config.slowRequestMs) req.log.warn({ method: req.method, url: route, status: reply.statusCode, ms }, 'slow request');
    else if (debugLog) req.log.debug({ method: req.method, url: route, status: reply.statusCode, ms }, 'request');
    done();
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(async (i) => healthRoutes(i, ctx));
  await app.register(async (i) => analyzeRoutes(i, ctx));
  await app.register(async (i) => lookupRoutes(i, ctx));
  await app.register(async (i) => reportRoutes(i, ctx));
  await app.register(async (i) => feedbackRoutes(i, ctx));
  await app.register(async (i) => analystRoutes(i, ctx));
  await app.register(async (i) => adminRoutes(i, ctx));

  const webRoot = config.webRoot ? resolve(config.webRoot) : null;
  const hasWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    // The web app routes on the client: any non-API GET that is not a file gets index.html.
    if (hasWeb && (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/v1/') && path !== '/v1' && !/\.[a-z0-9]{1,8}$/i.test(path)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return send(reply, 'FZ_ERR_NOT_FOUND', `no route ${req.method} ${path}`);
  });

  const stopRetention = startRetention(deps.store, config.retentionDays, app.log);
  app.addHook('onClose', async () => {
    stopRetention();
    ctx.intel.close();
    await rateSync?.stop();
    if (deps.closeStore) await deps.store.close();
  });
  return app;
}
