/**
 * The Store logic, written once over a tiny SQL driver interface. SQLite and PostgreSQL differ only in how a
 * statement runs, how a batch of writes commits and how a timestamp becomes a day (see sqlite.ts, postgres.ts).
 */
import { randomBytes } from 'node:crypto';
import type { CategoryId } from '../core/types.js';
import type {
  ApiKeyRecord,
  BlocklistEntry,
  Feedback,
  FeedbackKind,
  IdentifierFacts,
  NewFeedback,
  NewReport,
  RateHits,
  Report,
  ReportFilter,
  ReportKind,
  ReportStatus,
  Review,
  Role,
  Stats,
  Store,
} from './types.js';

export type Param = string | number | null;
export interface Statement {
  sql: string;
  params: Param[];
}
type Row = Record<string, unknown>;

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const placeholders = (n: number): string => Array(n).fill('?').join(',');
const probes: string[] = [];
/** The known_identifiers probe for n hashes; built once per short list, as it runs on every analyze request. */
function knownProbe(n: number): string {
  const sql = probes[n] ?? `SELECT hash FROM known_identifiers WHERE hash IN (${placeholders(n)})`;
  if (n <= 64) probes[n] = sql;
  return sql;
}

function toReport(r: Row): Report {
  return {
    id: String(r['id']),
    kind: r['kind'] as ReportKind,
    platform: str(r['platform']) as Report['platform'],
    subjectKey: String(r['subject_key']),
    subjectValue: String(r['subject_value']),
    category: r['category'] as CategoryId,
    description: str(r['description']),
    evidence: str(r['evidence']),
    occurredAt: str(r['occurred_at']),
    contact: str(r['contact']),
    consent: num(r['consent']) === 1,
    reporter: String(r['reporter']),
    directoryMatch: num(r['directory_match']) === 1,
    analysis:
      r['analysis_verdict'] === null || r['analysis_verdict'] === undefined
        ? null
        : {
            verdict: r['analysis_verdict'] as NonNullable<Report['analysis']>['verdict'],
            score: num(r['analysis_score']),
            category: str(r['analysis_category']) as CategoryId | null,
          },
    status: r['status'] as ReportStatus,
    reviewNote: str(r['review_note']),
    reviewedBy: str(r['reviewed_by']),
    reviewedAt: numOrNull(r['reviewed_at']),
    mergedInto: str(r['merged_into']),
    createdAt: num(r['created_at']),
    evidencePurgedAt: numOrNull(r['evidence_purged_at']),
  };
}

function toKey(r: Row): ApiKeyRecord {
  return { id: String(r['id']), role: r['role'] as Role, name: str(r['name']), createdAt: num(r['created_at']), revokedAt: numOrNull(r['revoked_at']) };
}

function toFeedback(r: Row): Feedback {
  return {
    id: String(r['id']),
    target: r['target'] as Feedback['target'],
    kind: r['kind'] as FeedbackKind,
    identifierHash: str(r['identifier_hash']),
    subject: str(r['subject']),
    verdict: str(r['verdict']),
    note: str(r['note']),
    reporter: String(r['reporter']),
    createdAt: num(r['created_at']),
  };
}

/** Records hashes in known_identifiers (the index identifierFacts consults first). */
function knownIdentifiers(hashes: string[]): Statement {
  return { sql: `INSERT INTO known_identifiers (hash) VALUES ${hashes.map(() => '(?)').join(', ')} ON CONFLICT (hash) DO NOTHING`, params: hashes };
}

/** Rate-limit counts as upserts of at most 100 sorted rows each that return the new totals (SQLite's rate file). */
export function rateHitUpserts(rows: RateHits[]): Statement[] {
  const sorted = sortRateHits(rows);
  const out: Statement[] = [];
  for (let i = 0; i < sorted.length; i += 100) {
    const chunk = sorted.slice(i, i + 100);
    out.push({
      sql: `INSERT INTO rate_limit_hits (window_start, bucket, hits) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
          ON CONFLICT (window_start, bucket) DO UPDATE SET hits = rate_limit_hits.hits + excluded.hits
          RETURNING window_start, bucket, hits`,
      params: chunk.flatMap((r) => [r.windowStart, r.bucket, r.hits]),
    });
  }
  return out;
}

/** Sorted by window then bucket: two processes upserting the same buckets lock them in the same order (no deadlock). */
export function sortRateHits(rows: RateHits[]): RateHits[] {
  return [...rows].sort((a, b) => a.windowStart - b.windowStart || (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
}

/** The totals a rate-hit upsert returned. */
export function rateHitsOf(rows: Row[]): RateHits[] {
  return rows.map((r) => ({ windowStart: num(r['window_start']), bucket: String(r['bucket']), hits: num(r['hits']) }));
}

export const PURGE_RATE_HITS = `DELETE FROM rate_limit_hits WHERE window_start < ?`;

export abstract class SqlStore implements Store {
  abstract readonly dialect: 'sqlite' | 'postgres';
  private saltValue: string | null = null;
  private readonly watchers = new Set<(hashes: string[] | null) => void>();

  protected abstract all(sql: string, params?: Param[]): Promise<Row[]>;
  protected abstract run(sql: string, params?: Param[]): Promise<number>;
  /** Runs the statements atomically and durably; resolves only once they are committed. */
  protected abstract batch(statements: Statement[]): Promise<void>;
  /** SQL expression turning a BIGINT epoch-ms column into 'YYYY-MM-DD' (UTC). */
  protected abstract dayExpr(column: string): string;
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;

  async salt(): Promise<string> {
    if (this.saltValue) return this.saltValue;
    // First writer wins, so every process on one database shares the salt.
    await this.run(`INSERT INTO meta (key, value) VALUES ('salt', ?) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('base64url')]);
    const rows = await this.all(`SELECT value FROM meta WHERE key = 'salt'`);
    this.saltValue = String(rows[0]?.['value']);
    return this.saltValue;
  }

  watchIdentifiers(listener: (hashes: string[] | null) => void): () => void {
    this.watchers.add(listener);
    return () => void this.watchers.delete(listener);
  }

  /** Tells the watchers which identifiers a write touched (after it, whether it committed or failed). */
  private changed(hashes: string[] | null): void {
    for (const w of this.watchers) w(hashes);
  }

  async createReport(r: NewReport): Promise<Report> {
    const id = newId('r');
    const createdAt = Date.now();
    const statements: Statement[] = [
      {
        sql: `INSERT INTO reports (id, kind, platform, subject_key, subject_value, subject_hash, category, description, evidence,
          occurred_at, contact, consent, reporter, directory_match, analysis_verdict, analysis_score, analysis_category, status, created_at)
          VALUES (${placeholders(19)})`,
        params: [
          id,
          r.kind,
          r.platform,
          r.subjectKey,
          r.subjectValue,
          r.subjectHash,
          r.category,
          r.description,
          r.evidence,
          r.occurredAt,
          r.contact,
          r.consent ? 1 : 0,
          r.reporter,
          r.directoryMatch ? 1 : 0,
          r.analysis?.verdict ?? null,
          r.analysis?.score ?? null,
          r.analysis?.category ?? null,
          'pending',
          createdAt,
        ],
      },
    ];
    const mentions = [...new Set(r.mentionHashes)].filter((h) => h !== r.subjectHash).slice(0, 200);
    if (mentions.length > 0) {
      // One multi-row insert: fewer round trips on PostgreSQL.
      statements.push({
        sql: `INSERT INTO report_mentions (report_id, hash) VALUES ${mentions.map(() => '(?, ?)').join(', ')}`,
        params: mentions.flatMap((h) => [id, h]),
      });
    }
    statements.push(knownIdentifiers([r.subjectHash, ...mentions]));
    try {
      await this.batch(statements);
    } finally {
      this.changed([r.subjectHash, ...mentions]);
    }
    const { subjectHash: _s, mentionHashes: _m, ...rest } = r;
    return {
      ...rest,
      id,
      status: 'pending',
      reviewNote: null,
      reviewedBy: null,
      reviewedAt: null,
      mergedInto: null,
      createdAt,
      evidencePurgedAt: null,
    };
  }

  async getReport(id: string): Promise<Report | null> {
    const rows = await this.all(`SELECT * FROM reports WHERE id = ?`, [id]);
    return rows[0] ? toReport(rows[0]) : null;
  }

  async listReports(f: ReportFilter): Promise<{ items: Report[]; total: number }> {
    const where: string[] = [];
    const params: Param[] = [];
    const add = (cond: string, v: Param): void => {
      where.push(cond);
      params.push(v);
    };
    if (f.status) add('status = ?', f.status);
    if (f.kind) add('kind = ?', f.kind);
    if (f.category) add('category = ?', f.category);
    if (f.subjectHash) add('subject_hash = ?', f.subjectHash);
    if (f.directoryMatch !== undefined) add('directory_match = ?', f.directoryMatch ? 1 : 0);
    if (f.since !== undefined) add('created_at >= ?', f.since);
    if (f.until !== undefined) add('created_at < ?', f.until);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = Math.max(1, Math.min(f.limit ?? 50, 500));
    const offset = Math.max(0, f.offset ?? 0);
    const [items, total] = await Promise.all([
      this.all(`SELECT * FROM reports ${w} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]),
      this.all(`SELECT COUNT(*) AS n FROM reports ${w}`, params),
    ]);
    return { items: items.map(toReport), total: num(total[0]?.['n']) };
  }

  async reviewReport(id: string, review: Review): Promise<Report | null> {
    const status: ReportStatus = review.action === 'confirm' ? 'confirmed' : review.action === 'reject' ? 'rejected' : 'merged';
    let changed: number;
    try {
      changed = await this.run(
        `UPDATE reports SET status = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?, merged_into = ? WHERE id = ?`,
        [status, review.note, review.reviewer, Date.now(), review.action === 'merge' ? (review.into ?? null) : null, id],
      );
    } finally {
      // Reviews are rare: "anything may have changed" spares a query for the report's subject.
      this.changed(null);
    }
    return changed > 0 ? this.getReport(id) : null;
  }

  async identifierFacts(hashes: string[]): Promise<Map<string, IdentifierFacts>> {
    const out = new Map<string, IdentifierFacts>();
    const asked = [...new Set(hashes)];
    if (asked.length === 0) return out;
    // Most identifiers in analysed messages were never reported: one primary-key probe settles them.
    const unique = (await this.all(knownProbe(asked.length), asked)).map((r) => String(r['hash']));
    if (unique.length === 0) return out;
    const inList = placeholders(unique.length);
    // One round trip: four aggregates tagged by kind t (m main, c category, x mentions, f feedback).
    const N = 'CAST(NULL AS BIGINT)';
    const rows = await this.all(
      `SELECT 'm' AS t, subject_hash AS h, CAST(NULL AS TEXT) AS category,
          COUNT(DISTINCT CASE WHEN status <> 'rejected' THEN reporter END) AS a, COUNT(*) AS b,
          SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END) AS c, SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS d,
          SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS e, MIN(created_at) AS f, MAX(created_at) AS g
        FROM reports WHERE subject_hash IN (${inList}) GROUP BY subject_hash
        UNION ALL
        SELECT 'c', subject_hash, category, COUNT(DISTINCT reporter), ${N}, ${N}, ${N}, ${N}, ${N}, ${N}
        FROM reports WHERE subject_hash IN (${inList}) AND status <> 'rejected' GROUP BY subject_hash, category
        UNION ALL
        SELECT 'x', hash, CAST(NULL AS TEXT), COUNT(*), ${N}, ${N}, ${N}, ${N}, ${N}, ${N}
        FROM report_mentions WHERE hash IN (${inList}) GROUP BY hash
        UNION ALL
        SELECT 'f', identifier_hash, CAST(NULL AS TEXT), COUNT(DISTINCT CASE WHEN kind = 'false_alarm' THEN reporter END),
          COUNT(DISTINCT CASE WHEN kind = 'missed_scam' THEN reporter END), ${N}, ${N}, ${N}, ${N}, ${N}
        FROM feedback WHERE identifier_hash IN (${inList}) GROUP BY identifier_hash`,
      [...unique, ...unique, ...unique, ...unique],
    );
    const get = (h: string): IdentifierFacts => {
      let f = out.get(h);
      if (!f) {
        f = { hash: h, reporters: 0, byCategory: {}, reports: 0, confirmed: 0, rejected: 0, pending: 0, mentions: 0, firstSeen: null, lastSeen: null, falseAlarms: 0, missedScams: 0 };
        out.set(h, f);
      }
      return f;
    };
    for (const r of rows) {
      const f = get(String(r['h']));
      switch (r['t']) {
        case 'm':
          f.reporters = num(r['a']);
          f.reports = num(r['b']);
          f.confirmed = num(r['c']);
          f.rejected = num(r['d']);
          f.pending = num(r['e']);
          f.firstSeen = numOrNull(r['f']);
          f.lastSeen = numOrNull(r['g']);
          break;
        case 'c':
          f.byCategory[r['category'] as CategoryId] = num(r['a']);
          break;
        case 'x':
          f.mentions = num(r['a']);
          break;
        case 'f':
          f.falseAlarms = num(r['a']);
          f.missedScams = num(r['b']);
          break;
      }
    }
    return out;
  }

  async purgeEvidence(olderThan: number): Promise<number> {
    return this.run(
      `UPDATE reports SET evidence = NULL, contact = NULL, description = NULL, evidence_purged_at = ?
        WHERE created_at < ? AND evidence_purged_at IS NULL`,
      [Date.now(), olderThan],
    );
  }

  async addFeedback(f: NewFeedback): Promise<Feedback> {
    const id = newId('f');
    const createdAt = Date.now();
    const statements: Statement[] = [
      {
        sql: `INSERT INTO feedback (id, target, kind, identifier_hash, subject, verdict, note, reporter, created_at) VALUES (${placeholders(9)})`,
        params: [id, f.target, f.kind, f.identifierHash, f.subject, f.verdict, f.note, f.reporter, createdAt],
      },
    ];
    if (f.identifierHash !== null) statements.push(knownIdentifiers([f.identifierHash]));
    try {
      await this.batch(statements);
    } finally {
      if (f.identifierHash !== null) this.changed([f.identifierHash]);
    }
    return { ...f, id, createdAt };
  }

  async listFeedback(limit: number, offset: number): Promise<Feedback[]> {
    const rows = await this.all(`SELECT * FROM feedback ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, [limit, offset]);
    return rows.map(toFeedback);
  }

  async createApiKey(k: { id: string; hash: string; role: Role; name: string | null }): Promise<ApiKeyRecord> {
    const createdAt = Date.now();
    await this.batch([{ sql: `INSERT INTO api_keys (id, hash, role, name, created_at) VALUES (?, ?, ?, ?, ?)`, params: [k.id, k.hash, k.role, k.name, createdAt] }]);
    return { id: k.id, role: k.role, name: k.name, createdAt, revokedAt: null };
  }

  async findApiKeyByHash(hash: string): Promise<ApiKeyRecord | null> {
    const rows = await this.all(`SELECT * FROM api_keys WHERE hash = ?`, [hash]);
    return rows[0] ? toKey(rows[0]) : null;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return (await this.all(`SELECT * FROM api_keys ORDER BY created_at, id`)).map(toKey);
  }

  async revokeApiKey(id: string): Promise<boolean> {
    return (await this.run(`UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, [Date.now(), id])) > 0;
  }

  /** Each dialect upserts its own way (SQLite on its rate file, PostgreSQL in one array statement). */
  abstract addRateHits(rows: RateHits[]): Promise<RateHits[]>;

  async purgeRateHits(before: number): Promise<number> {
    return this.run(PURGE_RATE_HITS, [before]);
  }

  async blocklist(): Promise<BlocklistEntry[]> {
    const confirmed = await this.all(
      `SELECT subject_hash AS h, kind, subject_key, subject_value, category, reviewed_at FROM reports
        WHERE status = 'confirmed' ORDER BY subject_key, reviewed_at DESC, id`,
    );
    const byHash = new Map<string, BlocklistEntry>();
    for (const r of confirmed) {
      const h = String(r['h']);
      if (byHash.has(h)) continue; // rows come newest review first: the latest confirmed category wins
      byHash.set(h, {
        kind: r['kind'] as ReportKind,
        key: String(r['subject_key']),
        value: String(r['subject_value']),
        category: r['category'] as CategoryId,
        reporters: 0,
        confirmedAt: num(r['reviewed_at']),
      });
    }
    if (byHash.size === 0) return [];
    const facts = await this.identifierFacts([...byHash.keys()]);
    for (const [h, e] of byHash) e.reporters = facts.get(h)?.reporters ?? 0;
    return [...byHash.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async stats(opts: { days: number; top: number; now?: number }): Promise<Stats> {
    const now = opts.now ?? Date.now();
    const since = now - opts.days * 86_400_000;
    const day = this.dayExpr('created_at');
    const [status, cats, days, dayCats, top, fb] = await Promise.all([
      this.all(`SELECT status, COUNT(*) AS n FROM reports GROUP BY status`),
      this.all(`SELECT category, COUNT(*) AS n FROM reports WHERE created_at >= ? GROUP BY category ORDER BY n DESC, category`, [since]),
      this.all(`SELECT ${day} AS day, COUNT(*) AS n FROM reports WHERE created_at >= ? GROUP BY ${day} ORDER BY day`, [since]),
      this.all(
        `SELECT ${day} AS day, category, COUNT(*) AS n FROM reports WHERE created_at >= ? GROUP BY ${day}, category ORDER BY day, category`,
        [since],
      ),
      this.all(
        `SELECT subject_key, MAX(subject_value) AS subject_value, MAX(kind) AS kind, COUNT(DISTINCT reporter) AS reporters, COUNT(*) AS reports
          FROM reports WHERE status <> 'rejected' AND created_at >= ? GROUP BY subject_key ORDER BY reporters DESC, reports DESC, subject_key LIMIT ?`,
        [since, opts.top],
      ),
      this.all(`SELECT kind, COUNT(*) AS n FROM feedback GROUP BY kind`),
    ]);
    const byStatus: Stats['byStatus'] = {};
    let total = 0;
    for (const r of status) {
      byStatus[r['status'] as ReportStatus] = num(r['n']);
      total += num(r['n']);
    }
    const feedback: Stats['feedback'] = {};
    for (const r of fb) feedback[r['kind'] as FeedbackKind] = num(r['n']);
    return {
      total,
      byStatus,
      byCategory: cats.map((r) => ({ category: r['category'] as CategoryId, reports: num(r['n']) })),
      byDay: days.map((r) => ({ day: String(r['day']), reports: num(r['n']) })),
      byDayCategory: dayCats.map((r) => ({ day: String(r['day']), category: r['category'] as CategoryId, reports: num(r['n']) })),
      topIdentifiers: top.map((r) => ({
        key: String(r['subject_key']),
        value: String(r['subject_value']),
        kind: r['kind'] as ReportKind,
        reporters: num(r['reporters']),
        reports: num(r['reports']),
      })),
      feedback,
    };
  }
}
