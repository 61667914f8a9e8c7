/** Server settings, with defaults; `fanzha serve` fills them from flags and FANZHA_* environment variables. */
export interface RateLimits {
  /** Requests per window for each API key (or each address without a key), by role. */
  public: number;
  analyst: number;
  admin: number;
  /** Requests per window for each client address, whatever the key. */
  perIp: number;
  windowMs: number;
  /**
   * Every this many ms, add this process's counts to the database and read back the totals of every process on
   * it, so the limits hold for the service as a whole (src/server/rate-limit.ts). 0: counts stay in the process.
   * null (default): 250 on PostgreSQL, 0 on SQLite (`fanzha serve --workers N` on SQLite sets 250).
   */
  syncMs?: number | null;
}

export interface ServerConfig {
  /** Allow requests without an API key, with the public role. */
  publicAccess: boolean;
  rateLimits: RateLimits;
  /** Largest JSON body, in bytes (batch analyze has its own). */
  bodyLimit: number;
  batchBodyLimit: number;
  /** Raw evidence and contacts of reports older than this are deleted (0 = keep forever). */
  retentionDays: number;
  /** Folder of the built web app (served at /), or null. */
  webRoot: string | null;
  /** Trust X-Forwarded-For (only behind a proxy you control). */
  trustProxy: boolean;
  /** Seconds an API-key check is cached in memory (revocation reaches other processes within this). */
  keyCacheSeconds: number;
  /** Requests slower than this (ms) are logged at warn level; every request is logged only at debug level. */
  slowRequestMs: number;
  /**
   * Milliseconds analyze may reuse a "nobody reported this identifier" answer in a process (0 = always ask the
   * store). This process's own writes drop it at once and lookups never use it; another process's new report
   * reaches analyze here within this time (src/server/intelligence.ts).
   */
  unknownCacheMs: number;
  /**
   * Single analyses pending in a process (waiting for their turn in src/server/turns.ts, or started and not yet
   * answered); beyond this, analyze answers
   * 503 FZ_ERR_BUSY with Retry-After at once instead of queueing requests (and their bodies) without bound.
   */
  analyzeQueueLimit: number;
  /**
   * Milliseconds a client has to send a whole request, headers and body (0 = no limit). A body trickled in a byte at
   * a time would otherwise hold its socket and memory for ever.
   */
  requestTimeoutMs: number;
  /** Batch analyze requests taken in at once (each up to batchBodyLimit in memory); more get 503 before their body is read. */
  batchConcurrency: number;
  /**
   * Milliseconds a connection may stay without any traffic, either way (0 = no limit): a client that never reads its
   * answer would otherwise pin the answer's memory.
   */
  idleTimeoutMs: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  publicAccess: false,
  rateLimits: { public: 600, analyst: 6000, admin: 6000, perIp: 12000, windowMs: 60_000, syncMs: null },
  bodyLimit: 256 * 1024,
  batchBodyLimit: 16 * 1024 * 1024,
  retentionDays: 180,
  webRoot: null,
  trustProxy: false,
  keyCacheSeconds: 5,
  slowRequestMs: 1000,
  unknownCacheMs: 1000,
  analyzeQueueLimit: 1000,
  requestTimeoutMs: 120_000,
  batchConcurrency: 4,
  idleTimeoutMs: 60_000,
};

export function resolveConfig(partial: Partial<ServerConfig> = {}): ServerConfig {
  return { ...DEFAULT_CONFIG, ...partial, rateLimits: { ...DEFAULT_CONFIG.rateLimits, ...partial.rateLimits } };
}
