/** The one storage interface of the fanzha service; SQLite (default) and PostgreSQL implement it identically. */
import type { CategoryId, Verdict } from '../core/types.js';

export const REPORT_KINDS = ['phone', 'sms', 'url', 'app', 'payment_account', 'im_handle'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const IM_PLATFORMS = ['wechat', 'qq', 'other'] as const;
export type ImPlatform = (typeof IM_PLATFORMS)[number];
export const REPORT_STATUSES = ['pending', 'confirmed', 'rejected', 'merged'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const ROLES = ['public', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const FEEDBACK_KINDS = ['false_alarm', 'missed_scam'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** A report as the service hands it to the store: already normalised and masked (src/store/privacy.ts). */
export interface NewReport {
  kind: ReportKind;
  platform: ImPlatform | null;
  /** Identifier key of the reported thing, e.g. "phone:13800138000", "url:example.cn", "handle:wx123". */
  subjectKey: string;
  /** Display value of the reported identifier (kept: it is what the report is about). */
  subjectValue: string;
  /** Salted hash of subjectKey: what lookups match. */
  subjectHash: string;
  /** Salted hashes of identifiers mentioned in the evidence (masked in the stored text). */
  mentionHashes: string[];
  category: CategoryId;
  description: string | null;
  evidence: string | null;
  occurredAt: string | null;
  contact: string | null;
  consent: boolean;
  /** Who reported: an API key id, or a salted hash of the client address. Counted once per identifier. */
  reporter: string;
  /** The identifier is in the official directory: reports alone never make it "scam"; an analyst decides. */
  directoryMatch: boolean;
  analysis: { verdict: Verdict; score: number; category: CategoryId | null } | null;
}

export interface Report extends Omit<NewReport, 'subjectHash' | 'mentionHashes'> {
  id: string;
  status: ReportStatus;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: number | null;
  mergedInto: string | null;
  createdAt: number;
  /** Set when the retention job removed the raw evidence and contact. */
  evidencePurgedAt: number | null;
}

export interface ReportFilter {
  status?: ReportStatus;
  kind?: ReportKind;
  category?: CategoryId;
  subjectHash?: string;
  directoryMatch?: boolean;
  since?: number;
  until?: number;
  limit?: number;
  offset?: number;
}

export interface Review {
  action: 'confirm' | 'reject' | 'merge';
  note: string | null;
  reviewer: string;
  /** For merge: the report this one duplicates. */
  into?: string;
}

/** Everything the store knows about one identifier (the input of the reputation score). */
export interface IdentifierFacts {
  hash: string;
  /** Distinct reporters of non-rejected reports. */
  reporters: number;
  /** Distinct reporters per category (non-rejected reports). */
  byCategory: Partial<Record<CategoryId, number>>;
  reports: number;
  confirmed: number;
  rejected: number;
  pending: number;
  /** Reports whose evidence mentions this identifier (not as the subject). */
  mentions: number;
  firstSeen: number | null;
  lastSeen: number | null;
  falseAlarms: number;
  missedScams: number;
}

export interface NewFeedback {
  target: 'analysis' | 'lookup';
  kind: FeedbackKind;
  identifierHash: string | null;
  /** Masked text or identifier the feedback is about, plus the verdict the user disagreed with. */
  subject: string | null;
  verdict: string | null;
  note: string | null;
  reporter: string;
}

export interface Feedback extends NewFeedback {
  id: string;
  createdAt: number;
}

export interface ApiKeyRecord {
  id: string;
  role: Role;
  name: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export interface BlocklistEntry {
  kind: ReportKind;
  key: string;
  value: string;
  category: CategoryId;
  reporters: number;
  confirmedAt: number;
}

export interface Stats {
  total: number;
  byStatus: Partial<Record<ReportStatus, number>>;
  byCategory: { category: CategoryId; reports: number }[];
  byDay: { day: string; reports: number }[];
  byDayCategory: { day: string; category: CategoryId; reports: number }[];
  topIdentifiers: { key: string; value: string; kind: ReportKind; reporters: number; reports: number }[];
  feedback: Partial<Record<FeedbackKind, number>>;
}

/** Rate-limit hits of one bucket (a salted hash of limiter and key) in one window (src/server/rate-limit.ts). */
export interface RateHits {
  /** Epoch ms at which the window starts. */
  windowStart: number;
  bucket: string;
  hits: number;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** A per-installation secret (made by the first migration) that salts identifier and address hashes. */
  salt(): Promise<string>;
  ping(): Promise<void>;
  close(): Promise<void>;

  createReport(r: NewReport): Promise<Report>;
  getReport(id: string): Promise<Report | null>;
  listReports(f: ReportFilter): Promise<{ items: Report[]; total: number }>;
  reviewReport(id: string, review: Review): Promise<Report | null>;
  /** Facts for each hash; hashes nobody reported are absent from the map. */
  identifierFacts(hashes: string[]): Promise<Map<string, IdentifierFacts>>;
  /**
   * Calls `listener` once a write through this store object may have changed some identifier's facts (a report,
   * a review, feedback), with the hashes concerned, or null when any may have. Returns a function that unsubscribes.
   * Only this process's writes are seen. Optional: without it the service caches no reputation answer.
   */
  watchIdentifiers?(listener: (hashes: string[] | null) => void): () => void;
  /** Deletes raw evidence and contact of reports older than the cut-off; returns how many were purged. */
  purgeEvidence(olderThan: number): Promise<number>;

  addFeedback(f: NewFeedback): Promise<Feedback>;
  listFeedback(limit: number, offset: number): Promise<Feedback[]>;

  createApiKey(k: { id: string; hash: string; role: Role; name: string | null }): Promise<ApiKeyRecord>;
  findApiKeyByHash(hash: string): Promise<ApiKeyRecord | null>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  revokeApiKey(id: string): Promise<boolean>;

  /** Adds rate-limit hits counted by this process and returns the totals of those buckets over all processes. */
  addRateHits(rows: RateHits[]): Promise<RateHits[]>;
  /** Deletes rate-limit windows that started before `before` (epoch ms); returns how many rows went. */
  purgeRateHits(before: number): Promise<number>;

  blocklist(): Promise<BlocklistEntry[]>;
  stats(opts: { days: number; top: number; now?: number }): Promise<Stats>;
}
