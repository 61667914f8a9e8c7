/**
 * Chinese court case numbers (案号) per the SPC rules 法〔2015〕137号 (from 2016-01-01) and the 2018 revision:
 * (年度)+法院代字+[知]+类型代字+编号+号. Flags numbers that cannot exist. A number that passes proves nothing:
 * scammers copy real formats, so the result always says how to verify.
 */
import type { CompiledKnowledge } from '../core/knowledge.js';
import { finding, IntelInputError, knowledgeOf, type CheckOptions, type Finding } from './result.js';

export interface CaseNumber {
  input: string;
  year: number;
  /** 最高法, 浙, 浙01, 浙0192 … or the old-style abbreviation (曲中法). */
  court: string;
  courtLevel: 'supreme' | 'high' | 'intermediate' | 'basic' | 'old_style' | 'invalid';
  /** 知: the 2018 specialised-trial code (IP cases). */
  specialised: boolean;
  type: string;
  serial: string;
  /** 字第 style, used before 2016. */
  oldStyle: boolean;
  /** No high or medium finding: the format could exist. */
  plausible: boolean;
  findings: Finding[];
}

export interface CaseNumberOptions extends CheckOptions {
  /** The current year (tests pin it); defaults to the clock's UTC year. */
  year?: number;
}

// (2024)浙0192民诉前调595号, （2012）曲中法执字第66号, 〔2021〕最高法知民终2270号之一
const CASE_RE = /^[(（〔[]\s{0,2}(\d{4})\s{0,2}[)）〕\]]\s{0,2}([\u4e00-\u9fff\d]{1,16}?)(\d{1,8})号(?:之[一二三四五六七八九十]{1,3})?$/u;

function headOf(body: string, codes: readonly string[]): { court: string; rest: string } | null {
  if (body.startsWith('最高法')) return { court: '最高法', rest: body.slice(3) };
  const c = body[0] ?? '';
  if (!codes.includes(c)) return null;
  const digits = /^\d{0,6}/.exec(body.slice(1))?.[0] ?? '';
  return { court: c + digits, rest: body.slice(1 + digits.length) };
}

export function parseCaseNumber(input: string, options: CaseNumberOptions = {}): CaseNumber {
  const k = knowledgeOf(options);
  return parseWith(input, k, options.year ?? new Date().getUTCFullYear());
}

export function parseWith(input: string, k: CompiledKnowledge, nowYear: number): CaseNumber {
  const s = input.normalize('NFKC').replace(/\s+/g, '');
  if (s.length > 64) throw new IntelInputError('too long to be a case number');
  const m = CASE_RE.exec(s);
  if (!m) throw new IntelInputError(`"${input}" is not a case number like (2024)浙0192民诉前调595号`);
  const year = Number(m[1]);
  let body = m[2] ?? '';
  const serial = m[3] ?? '';
  const oldStyle = /字第?$/.test(body);
  body = body.replace(/字第?$/, '');
  const intel = k.data.intel;
  const codes = intel?.courtCodes ?? [];
  const findings: Finding[] = [];
  const value = s;

  if (year > nowYear) findings.push(finding(k, 'CASE_NUMBER_FUTURE_YEAR', 'high', { case: value, year }));
  if (year < 1949) findings.push(finding(k, 'CASE_NUMBER_FUTURE_YEAR', 'high', { case: value, year }));

  const head = headOf(body, codes);
  let court = head?.court ?? body.replace(/[\u4e00-\u9fff]{1,3}$/, '');
  let courtLevel: CaseNumber['courtLevel'] = 'invalid';
  let rest = head?.rest ?? '';
  if (oldStyle) {
    courtLevel = 'old_style';
    if (year >= 2016) findings.push(finding(k, 'CASE_NUMBER_OLD_STYLE_AFTER_2016', 'high', { case: value, year }));
    // Before 2016 courts chose their own abbreviations: nothing to check but the year.
    const plausible = !findings.some((f) => f.severity === 'high' || f.severity === 'medium');
    if (plausible) findings.push(finding(k, 'CASE_NUMBER_OLD_STYLE', 'info', { case: value }));
    return { input, year, court: body, courtLevel, specialised: false, type: '', serial, oldStyle, plausible, findings };
  }
  if (!head) {
    const first = body[0] ?? '';
    const mistake = intel?.courtCodeMistakes.find((x) => x.wrong === first);
    findings.push(
      finding(k, 'CASE_NUMBER_BAD_COURT', 'high', {
        case: value,
        court: first,
        hint: mistake ? `（应为“${mistake.right}”）` : '',
        hintEn: mistake ? ` (should be "${mistake.right}")` : '',
      }),
    );
    court = first;
    rest = body.slice(1).replace(/^\d{0,6}/, '');
  } else {
    const digits = head.court.replace(/\D/g, '');
    if (head.court === '最高法') courtLevel = 'supreme';
    else if (digits.length === 0) courtLevel = 'high';
    else if (digits.length === 2) courtLevel = 'intermediate';
    else if (digits.length === 4) courtLevel = 'basic';
    else findings.push(finding(k, 'CASE_NUMBER_BAD_COURT', 'high', { case: value, court: head.court, hint: '（法院代字后只能是2位或4位数字）', hintEn: ' (a court code takes 2 or 4 digits)' }));
  }
  const specialised = rest.startsWith('知');
  const type = specialised ? rest.slice(1) : rest;
  const known = intel?.caseTypes.find((t) => t.code === type);
  if (!type) {
    findings.push(finding(k, 'CASE_NUMBER_UNKNOWN_TYPE', 'high', { case: value, type: '（缺失）' }));
  } else if (known) {
    if (known.since !== undefined && year < known.since) findings.push(finding(k, 'CASE_NUMBER_TYPE_TOO_EARLY', 'high', { case: value, type, since: known.since, year }));
  } else if (intel?.caseTypesUnverified.includes(type)) {
    findings.push(finding(k, 'CASE_NUMBER_UNVERIFIED_TYPE', 'medium', { case: value, type }));
  } else if (intel) {
    findings.push(finding(k, 'CASE_NUMBER_UNKNOWN_TYPE', 'high', { case: value, type }));
  }
  const plausible = !findings.some((f) => f.severity === 'high' || f.severity === 'medium');
  if (plausible) findings.push(finding(k, 'CASE_NUMBER_FORMAT_OK', 'info', { case: value }));
  return { input, year, court, courtLevel: head ? courtLevel : 'invalid', specialised, type, serial, oldStyle, plausible, findings };
}
