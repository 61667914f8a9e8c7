/** Public types of the fanzha engine. The core is pure: these types describe data, never I/O. */

export const VERDICTS = ['scam', 'suspicious', 'spam', 'safe'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const CATEGORY_IDS = [
  'fake_customer_service',
  'fake_credit',
  'fake_debt_collection',
  'impersonate_authority',
  'fake_loan',
  'task_rebate',
  'fake_investment',
  'impersonate_acquaintance',
  'romance',
  'game_trade',
  'fake_shopping',
  'prize_lottery',
  'phishing',
  'other_scam',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** A text in both languages the product speaks. */
export interface Localized {
  zh: string;
  en: string;
}

/** A half-open range [start, end) of UTF-16 code units in the ORIGINAL input text. */
export interface Span {
  start: number;
  end: number;
}

export type EntityKind =
  | 'phone'
  | 'url'
  | 'email'
  | 'wechat'
  | 'qq'
  | 'whatsapp'
  | 'telegram'
  | 'line'
  | 'bank_card'
  | 'id_number'
  | 'money'
  | 'verification_code'
  | 'case_number'
  | 'brand';

export interface Entity {
  kind: EntityKind;
  /** Canonical value: digits only for numbers, lower-case host+path for links, brand id for brands. */
  value: string;
  /** The slice of the original text the entity was read from. */
  text: string;
  start: number;
  end: number;
  /** Kind-specific details (phone class, brand name, amount in yuan, …). */
  meta?: Record<string, string | number | boolean | null>;
}

export type SignalSource = 'rule' | 'entity' | 'composite' | 'context' | 'model' | 'intel' | 'reputation';

export interface Signal {
  /** Stable UPPER_SNAKE id; never reused for a different meaning. */
  id: string;
  source: SignalSource;
  /** The category this signal points to, or null for a tactic shared by many scams (or a spam/benign marker). */
  category: CategoryId | null;
  /** Contribution to the raw score; negative for context that genuine messages carry. */
  weight: number;
  spans: Span[];
  explanation: Localized;
  /** Optional extra facts (the matched keyword, a model probability, …). */
  detail?: Record<string, string | number | boolean | null>;
}

export interface CategoryScore {
  id: CategoryId;
  score: number;
}

export interface Analysis {
  /** Engine and knowledge versions that produced this analysis. */
  engine: { version: string; knowledge: string };
  verdict: Verdict;
  /** 0–100 fraud risk. */
  score: number;
  /** Most likely category, null when the verdict is safe or spam. */
  category: CategoryId | null;
  categories: CategoryScore[];
  signals: Signal[];
  entities: Entity[];
  advice: Localized[];
  /** Detected language of the text. */
  lang: 'zh' | 'en' | 'mixed';
  /** Summary sentence in both languages. */
  summary: Localized;
  /** Length of the original input, for clients that highlight spans. */
  length: number;
  /** True when the input was longer than maxLength (a conversation: or had more than 2,000 turns) and only its head was read. */
  truncated: boolean;
}

export interface Turn {
  speaker: string;
  text: string;
}

export interface ConversationAnalysis extends Analysis {
  /** The turns joined with newlines; every span indexes this text. */
  text: string;
  turns: { speaker: string; start: number; end: number; score: number }[];
  /** Index of the first turn after which the score reached the scam (or else suspicious) threshold, or null. */
  riskTurn: number | null;
}

export interface Thresholds {
  scam: number;
  suspicious: number;
  spam: number;
}

/** Where a text came from (`AnalyzeOptions.channel`); the CLI and the HTTP API accept exactly these. */
export const CHANNELS = ['sms', 'call', 'chat', 'email', 'post', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface AnalyzeOptions {
  /** Score thresholds; defaults come from the knowledge policy. */
  thresholds?: Partial<Thresholds>;
  /** Inputs longer than this (UTF-16 units) are cut; the result says truncated. Default 100,000. */
  maxLength?: number;
  /** Channel the text came from; some context signals depend on it. */
  channel?: Channel;
  /** A sender id or phone number shown by the device (checked as an entity too). */
  sender?: string;
  /** Extra signals computed outside the core (reputation, a model, …), merged before scoring. */
  extraSignals?: Signal[];
  /** Disable the learned model even when the engine has one. */
  useModel?: boolean;
}
