/**
 * Legal-notice check: a "mediation notice", "立案通知" or court SMS. Combines the case numbers in it (can they
 * exist?) with what the text asks for. Payment to an account, a mediator's personal WeChat or mobile, threats
 * to freeze all accounts or tell the family, deadlines in hours → scam. An official channel and no payment
 * request → explain how to verify, without calling it a scam. A plausible case number never proves anything.
 */
import { extractEntities } from '../core/entities/index.js';
import type { CompiledKnowledge } from '../core/knowledge.js';
import { normalize, type NormalizedText } from '../core/normalize/normalize.js';
import { toOriginal } from '../core/normalize/text-view.js';
import type { Entity, Span } from '../core/types.js';
import type { DirectoryEntry } from '../knowledge/schema.js';
import { parseWith, type CaseNumber } from './case-number.js';
import { finding, IntelInputError, knowledgeOf, riskOf, sortFindings, type CheckOptions, type Finding, type IntelResult, type Severity } from './result.js';

export interface NoticeDetails {
  /** The text reads like a legal or collection notice (court, mediation, lawsuit words or a case number). */
  isNotice: boolean;
  caseNumbers: CaseNumber[];
  /** It points to an official channel (12368, 人民法院在线服务, court.gov.cn, 法院专递). */
  officialChannel: boolean;
}

export interface NoticeCheckOptions extends CheckOptions {
  /** The current year for the case-number check; defaults to the clock's UTC year. */
  year?: number;
}

export type NoticeResult = IntelResult<NoticeDetails>;

/** A finding with the places in the original text it was read from (analyze turns these into signal spans). */
export interface LocatedFinding extends Finding {
  spans: Span[];
}

// All patterns run on the compact view (no spaces or punctuation; simplified, lower-case); quantifiers are bounded.
const NOTICE_CONTEXT = /法院|诉前|调解|立案|案号|传票|起诉|诉讼|仲裁|律师函|强制执行|司法确认|开庭|应诉|判决/g;
const RED_FLAGS: { id: string; severity: Severity; re: RegExp }[] = [
  {
    id: 'NOTICE_PAY_ACCOUNT',
    severity: 'high',
    re: /(?:转账|汇款|打款|还款|转入|存入|缴纳|支付|缴费|付款)(?:至|到|给|进)?.{0,12}?(?:个人账户|个人账号|个人卡|对公账户|公司账户|指定账户|以下账户|如下账户|收款账户|下方账户|监管账户|安全账户)|(?:户名|收款人|开户行|收款账号)|扫码(?:还款|缴费|支付)|(?:还款|缴费|支付)二维码/g,
  },
  // Not "电话": a court's SMS gives the judge's office line ("承办法官陈静，联系电话0571-…"); a mobile number is caught as an
  // entity below, whatever the wording.
  { id: 'NOTICE_PERSONAL_CONTACT', severity: 'high', re: /(?:调解员|经办人|专员|法官|书记员|工作人员|负责人).{0,10}?(?:微信|vx|wx|qq|手机)|(?:添加|加)(?:微信|vx|wx|qq)/g },
  { id: 'NOTICE_FREEZE_ALL', severity: 'high', re: /冻结.{0,6}?(?:名下|全部|所有|一切).{0,6}?(?:账户|账号|银行卡|资产|财产|微信|支付宝)|(?:名下|全部|所有)(?:银行)?(?:账户|财产|资产).{0,6}?(?:冻结|查封)/g },
  { id: 'NOTICE_TELL_FAMILY', severity: 'medium', re: /(?:通知|联系|告知|走访|上门|通报)(?:你|您)?的?(?:家人|亲友|亲属|父母|单位|公司|村委|居委|紧急联系人|通讯录|户籍地)|上门(?:调查|走访|催收|取证)/g },
  {
    id: 'NOTICE_DEADLINE_HOURS',
    severity: 'medium',
    re: /(?:\d{1,2}|[一二两三四五六八十]{1,2})个?小时(?:内|之内)|今天?\d{1,2}(?:点|时)(?:前|之前)|今日(?:内|之内)|当天(?:内|之内)|立即处理|逾期不处理/g,
  },
  { id: 'NOTICE_QR_OR_SCREEN', severity: 'medium', re: /二维码|扫码|屏幕共享|共享屏幕|腾讯会议|视频会议|下载.{0,6}?app/g },
];
const OFFICIAL_CHANNEL = /12368|人民法院在线服务|court\.gov\.cn|法院专递|我的案件|诉讼服务网|移动微法院/g;

function locate(n: NormalizedText, re: RegExp): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(n.compact.text)) !== null && spans.length < 10) {
    spans.push(toOriginal(n.compact, m.index, m.index + Math.max(m[0].length, 1)));
    if (m[0].length === 0) re.lastIndex++;
  }
  return spans;
}

const span = (e: Entity): Span => ({ start: e.start, end: e.end });

/** Everything a notice check finds, with spans into the original text. */
export function noticeFindings(
  original: string,
  n: NormalizedText,
  entities: Entity[],
  k: CompiledKnowledge,
  nowYear: number,
): { findings: LocatedFinding[]; details: NoticeDetails; court: DirectoryEntry | null } {
  const out: LocatedFinding[] = [];
  const caseEntities = entities.filter((e) => e.kind === 'case_number');
  const caseNumbers: CaseNumber[] = [];
  for (const e of caseEntities) {
    try {
      const c = parseWith(e.text, k, nowYear);
      caseNumbers.push(c);
      // A plausible number's own caveat is said once, below, as NOTICE_NUMBER_NOT_PROOF.
      for (const f of c.findings) if (f.id !== 'CASE_NUMBER_FORMAT_OK') out.push({ ...f, spans: [span(e)] });
    } catch {
      // The entity regex is looser than the parser: a fragment that is not a case number is simply skipped.
    }
  }
  const isNotice = caseEntities.length > 0 || locate(n, NOTICE_CONTEXT).length > 0;
  const officialSpans = locate(n, OFFICIAL_CHANNEL);
  const details: NoticeDetails = { isNotice, caseNumbers, officialChannel: officialSpans.length > 0 };
  const court = k.directoryById.get('court') ?? null;
  if (!isNotice) return { findings: out, details, court: null };

  for (const flag of RED_FLAGS) {
    const spans = locate(n, flag.re);
    if (spans.length > 0) out.push({ ...finding(k, flag.id, flag.severity), spans });
  }
  // A mediator's personal mobile or IM id, as an entity (the pattern above catches the wording).
  const personal = entities.filter(
    (e) => (e.kind === 'phone' && (e.meta?.['class'] === 'mobile' || e.meta?.['class'] === 'mobile_virtual')) || e.kind === 'wechat' || e.kind === 'qq',
  );
  const contact = out.find((f) => f.id === 'NOTICE_PERSONAL_CONTACT');
  if (personal.length > 0) {
    if (contact) contact.spans.push(...personal.map(span));
    else out.push({ ...finding(k, 'NOTICE_PERSONAL_CONTACT', 'high'), spans: personal.map(span) });
  }
  const asks = out.some((f) => f.id === 'NOTICE_PAY_ACCOUNT' || f.id === 'NOTICE_PERSONAL_CONTACT' || f.id === 'NOTICE_QR_OR_SCREEN');
  const plausible = caseNumbers.filter((c) => c.plausible);
  if (plausible.length > 0) {
    out.push({ ...finding(k, 'NOTICE_NUMBER_NOT_PROOF', 'info', { case: plausible[0]?.input ?? '' }), spans: [] });
  }
  if (details.officialChannel && !asks) {
    out.push({ ...finding(k, 'NOTICE_VERIFY_OFFICIAL', 'info'), spans: officialSpans });
  } else if (!asks) {
    out.push({ ...finding(k, 'NOTICE_HOW_TO_VERIFY', 'info'), spans: [] });
  }
  return { findings: out, details, court };
}

/**
 * Checks a legal or collection notice (SMS, letter, chat). Throws IntelInputError for empty input.
 * risk: high when it asks for money or private contact or threatens; "unknown" when nothing is wrong with it —
 * a notice is never called genuine: the findings say how to verify it.
 */
export function checkNotice(text: string, options: NoticeCheckOptions = {}): NoticeResult {
  if (typeof text !== 'string' || text.trim().length === 0) throw new IntelInputError('empty notice text');
  if (text.length > 100_000) throw new IntelInputError('notice longer than 100,000 characters');
  const k = knowledgeOf(options);
  const n = normalize(text, k.normalize);
  const entities = extractEntities(n, text, k);
  const { findings, details, court } = noticeFindings(text, n, entities, k, options.year ?? new Date().getUTCFullYear());
  const plain: Finding[] = findings.map(({ spans: _spans, ...f }) => f);
  return { input: text, risk: riskOf(plain, false), findings: sortFindings(plain), official: details.isNotice ? court : null, details };
}
