/**
 * Phone-number intelligence: who is calling? Parses with libphonenumber-js (default country CN) for the
 * country of foreign numbers, and adds the Chinese rules it lacks (virtual-operator and IoT ranges, 95/96/400/
 * 800/100xx/123xx/106 forms). Never fetches anything.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CompiledKnowledge } from '../core/knowledge.js';
import type { Localized } from '../core/types.js';
import type { DirectoryEntry } from '../knowledge/schema.js';
import { isSourced, lookupPhone, lookupPhonePrefix, phoneList, resolveBrand, sourcedPhones, type PhoneMatch } from './directory.js';
import { finding, IntelInputError, knowledgeOf, riskOf, sortFindings, type CheckOptions, type Finding, type IntelResult } from './result.js';

export type PhoneKind =
  | 'mobile'
  | 'mobile_virtual'
  | 'mobile_data'
  | 'mobile_iot'
  | 'landline'
  | 'service'
  | 'gateway'
  | 'international'
  | 'unknown';

export type ServiceType = '95' | '96' | '400' | '800' | '100xx' | '123xx' | 'emergency' | 'short' | null;

export interface PhoneDetails {
  /** As dialled inside China for CN numbers (no +86/0086), or "+<country code><number>" for foreign ones. */
  normalized: string;
  kind: PhoneKind;
  serviceType: ServiceType;
  /** ISO 3166 code, "CN" for Chinese numbers, null when unknown. */
  country: string | null;
  countryName: Localized | null;
  callingCode: string | null;
  /** The number carried +86/0086/86 in front. */
  domesticPrefix: boolean;
}

export interface PhoneCheckOptions extends CheckOptions {
  /** The organisation the caller or text claims to be: directory id, name or alias (or several). */
  claims?: string | string[];
}

export type PhoneResult = IntelResult<PhoneDetails>;

// Chinese numbering rules (domain-facts.md §2, sources P1–P4, P10).
const MOBILE_VIRTUAL = /^1(?:7[01]|6[257])\d{8}$/;
const MOBILE_DATA = /^14[579]\d{8}$/;
const MOBILE_IOT = /^14(?:[14]0|41|[68]\d)\d{9}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const SERVICE: [RegExp, Exclude<ServiceType, null>][] = [
  [/^(?:11[0-9]|12[0-9])$/, 'emergency'],
  [/^95\d{3,6}$/, '95'],
  [/^950\d{7,8}$/, '95'],
  [/^(?:0\d{2,3})?96\d{3,4}$/, '96'],
  [/^400\d{7}$/, '400'],
  [/^(?:10)?800\d{7}$/, '800'],
  [/^100\d{2}$/, '100xx'],
  [/^(?:0\d{2,3})?123\d{2}$/, '123xx'],
  [/^1(?:0\d{3}|0\d{6}|1\d{3})$/, 'short'],
];
const GATEWAY = /^106\d{5,17}$/;
const LANDLINE = /^0[1-9]\d{8,10}$/;

/** Reads what a user typed or a text showed: full-width digits, spaces, dashes, brackets, a "(0)". */
function clean(input: string): string {
  const s = input.normalize('NFKC').trim();
  if (s.length === 0) throw new IntelInputError('empty phone number');
  if (s.length > 40) throw new IntelInputError('too long to be a phone number');
  if (!/^\+?[\d\s().\-/]+$/.test(s)) throw new IntelInputError(`"${input}" is not a phone number (digits, spaces, dashes and a leading + only)`);
  const plus = s.startsWith('+');
  const digits = s.replace(/\(0\)/, '').replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 17) throw new IntelInputError(`"${input}" has ${digits.length} digits: not a phone number`);
  return (plus ? '+' : '') + digits;
}

// Intl.DisplayNames is costly to construct: build each once, on first use.
let regionNames: { zh: Intl.DisplayNames; en: Intl.DisplayNames } | null = null;
const regionMemo = new Map<string, Localized | null>();

function regionName(code: string | null): Localized | null {
  if (!code) return null;
  const memo = regionMemo.get(code);
  if (memo !== undefined) return memo;
  let out: Localized | null = null;
  try {
    regionNames ??= { zh: new Intl.DisplayNames(['zh-CN'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };
    const zh = regionNames.zh.of(code);
    const en = regionNames.en.of(code);
    out = zh && en ? { zh, en } : null;
  } catch {
    out = null;
  }
  if (regionMemo.size < 1000) regionMemo.set(code, out);
  return out;
}

function classifyNational(n: string): { kind: PhoneKind; serviceType: ServiceType } {
  if (MOBILE_IOT.test(n)) return { kind: 'mobile_iot', serviceType: null };
  if (MOBILE_VIRTUAL.test(n)) return { kind: 'mobile_virtual', serviceType: null };
  if (MOBILE_DATA.test(n)) return { kind: 'mobile_data', serviceType: null };
  if (MOBILE.test(n)) return { kind: 'mobile', serviceType: null };
  if (GATEWAY.test(n)) return { kind: 'gateway', serviceType: null };
  for (const [re, t] of SERVICE) if (re.test(n)) return { kind: 'service', serviceType: t };
  if (LANDLINE.test(n)) return { kind: 'landline', serviceType: null };
  return { kind: 'unknown', serviceType: null };
}

/** Splits the number into national digits and country; +86/0086/86-prefixed forms are CN with domesticPrefix. */
export function phoneDetails(input: string): PhoneDetails {
  const c = clean(input);
  let intl: string | null = null;
  if (c.startsWith('+')) intl = c.slice(1);
  else if (c.startsWith('00')) intl = c.slice(2);
  else if (/^86(?:1[3-9]\d{9}|[1-9]\d{4,11})$/.test(c) && c.length >= 13) intl = c; // "8613812345678"
  if (intl !== null && !intl.startsWith('86')) {
    const p = parsePhoneNumberFromString(`+${intl}`);
    const country = p?.country ?? null;
    return {
      normalized: `+${intl}`,
      kind: 'international',
      serviceType: null,
      country,
      countryName: regionName(country),
      callingCode: p?.countryCallingCode ?? null,
      domesticPrefix: false,
    };
  }
  const national = intl !== null ? intl.slice(2).replace(/^0(?=1[3-9]\d{9}$)/, '') : c;
  const { kind, serviceType } = classifyNational(national);
  return { normalized: national, kind, serviceType, country: 'CN', countryName: regionName('CN'), callingCode: '86', domesticPrefix: intl !== null };
}

function claimedEntries(claims: string | string[] | undefined, options: CheckOptions | undefined): DirectoryEntry[] {
  const list = claims === undefined ? [] : Array.isArray(claims) ? claims : [claims];
  const out: DirectoryEntry[] = [];
  for (const c of list) {
    const e = resolveBrand(c, options);
    if (!e) throw new IntelInputError(`unknown organisation "${c}" (see: fanzha directory)`);
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

const PERSONAL: PhoneKind[] = ['mobile', 'mobile_virtual', 'mobile_data', 'mobile_iot'];

/** Finds for one number; `claims` are the organisations the caller or text claims to be. */
export function phoneFindings(d: PhoneDetails, claims: DirectoryEntry[], k: CompiledKnowledge): { findings: Finding[]; official: DirectoryEntry | null; officialMatch: boolean } {
  const out: Finding[] = [];
  let official: DirectoryEntry | null = null;
  let officialMatch = false;
  const n = d.normalized;
  const show = d.domesticPrefix ? `+86 ${n}` : n;

  if (d.kind === 'international') {
    const where = d.countryName ? `${d.countryName.zh}` : '境外';
    const whereEn = d.countryName ? d.countryName.en : 'abroad';
    const domestic = claims.filter((e) => e.country === 'CN');
    if (domestic.length > 0) {
      const e = domestic[0] as DirectoryEntry;
      official = e;
      out.push(finding(k, 'PHONE_INTL_CLAIMS_DOMESTIC', 'high', { number: n, country: where, countryEn: whereEn, brand: e.name.zh, brandEn: e.name.en, real: phoneList(e) || (e.app?.zh ?? '官方App') }));
    } else {
      out.push(finding(k, 'PHONE_INTERNATIONAL', 'medium', { number: n, country: where, countryEn: whereEn }));
    }
    return { findings: out, official, officialMatch };
  }

  const exact = lookupPhone(n, k);
  if (d.domesticPrefix && (d.kind === 'service' || d.kind === 'gateway' || exact.length > 0)) {
    // +86 95188, 0086 400…: official service numbers never show with a country code (MIIT: calls from abroad carry 00).
    const m = exact[0];
    if (m) {
      official = m.entry;
      out.push(finding(k, 'PHONE_SPOOFED_OFFICIAL', 'high', { number: show, official: m.phone.display, brand: m.entry.name.zh, brandEn: m.entry.name.en }));
    } else {
      out.push(finding(k, 'PHONE_PREFIXED_SERVICE', 'high', { number: show, national: n }));
    }
    return { findings: out, official, officialMatch };
  }

  if (exact.length > 0) {
    const m = pickMatch(exact, claims);
    official = m.entry;
    // A referral number (96110, 12368, 110) quoted next to a brand is advice, not a claim to be that brand.
    const claimedOther = claims.length > 0 && !claims.includes(m.entry) && m.entry.kind !== 'government' && m.entry.kind !== 'court';
    if (claimedOther) {
      const c = claims[0] as DirectoryEntry;
      out.push(finding(k, 'PHONE_CLAIM_MISMATCH', 'medium', { number: n, brand: c.name.zh, brandEn: c.name.en, real: phoneList(c) || (c.app?.zh ?? '官方App'), owner: m.entry.name.zh, ownerEn: m.entry.name.en }));
    } else if (isSourced(m.verified)) {
      officialMatch = true;
      out.push(finding(k, 'PHONE_OFFICIAL', 'info', { number: m.phone.withAreaCode ? n : m.phone.display, brand: m.entry.name.zh, brandEn: m.entry.name.en }));
    } else {
      out.push(finding(k, 'PHONE_LISTED_UNVERIFIED', 'info', { number: m.phone.display, brand: m.entry.name.zh, brandEn: m.entry.name.en }));
    }
    return { findings: out, official, officialMatch };
  }

  const prefix = d.kind === 'service' || d.kind === 'unknown' || d.kind === 'landline' ? lookupPhonePrefix(n, k) : [];
  const p = prefix.find((m) => !m.phone.withAreaCode);
  if (p) {
    official = p.entry;
    out.push(finding(k, 'PHONE_OFFICIAL_EXTRA_DIGITS', 'high', { number: n, official: p.phone.display, brand: p.entry.name.zh, brandEn: p.entry.name.en }));
  }

  // Couriers' delivery staff do call from personal mobiles: a mobile is no mismatch for them.
  // A 106 gateway is how companies send SMS in their own name: no mismatch either.
  const relevant = d.kind === 'gateway' ? [] : claims.filter((e) => !(e.kind === 'courier' && PERSONAL.includes(d.kind)));
  const withPhones = relevant.filter((e) => sourcedPhones(e).length > 0);
  if (withPhones.length > 0 && !p) {
    const c = withPhones[0] as DirectoryEntry;
    official = c;
    const id = PERSONAL.includes(d.kind) ? 'PHONE_PERSONAL_CLAIMS_OFFICIAL' : 'PHONE_CLAIM_MISMATCH';
    out.push(finding(k, id, id === 'PHONE_CLAIM_MISMATCH' ? 'medium' : 'high', { number: n, brand: c.name.zh, brandEn: c.name.en, real: phoneList(c), owner: '未知', ownerEn: 'unknown' }));
  } else if (relevant.length > 0 && PERSONAL.includes(d.kind) && !p) {
    const c = relevant[0] as DirectoryEntry;
    official = c;
    out.push(finding(k, 'PHONE_PERSONAL_CLAIMS_OFFICIAL', 'high', { number: n, brand: c.name.zh, brandEn: c.name.en, real: c.app?.zh ?? '官方App' }));
  }

  if (d.kind === 'mobile_virtual') out.push(finding(k, 'PHONE_VIRTUAL_MOBILE', 'low', { number: n }));
  if (d.kind === 'mobile_iot') out.push(finding(k, 'PHONE_IOT', 'medium', { number: n }));
  if (d.kind === 'mobile_data') out.push(finding(k, 'PHONE_DATA_ONLY', 'low', { number: n }));
  if (d.kind === 'gateway') out.push(finding(k, 'PHONE_GATEWAY_106', 'info', { number: n }));
  if (d.kind === 'service' && !p) {
    const callCentre = /^95[0-247]/.test(n) && d.serviceType === '95';
    out.push(finding(k, callCentre ? 'PHONE_SERVICE_CALL_CENTRE' : 'PHONE_SERVICE_UNLISTED', 'info', { number: n }));
  }
  return { findings: out, official, officialMatch };
}

/** Prefers the claimed organisation's entry when a number is listed under several. */
function pickMatch(ms: PhoneMatch[], claims: DirectoryEntry[]): PhoneMatch {
  return ms.find((m) => claims.includes(m.entry)) ?? (ms[0] as PhoneMatch);
}

/**
 * Checks one phone number: kind, country and findings (international caller claiming a Chinese organisation,
 * spoofed official numbers, a number that is not the claimed organisation's, an official match).
 * Throws IntelInputError when the input is not a phone number.
 */
export function checkPhone(number: string, options: PhoneCheckOptions = {}): PhoneResult {
  const k = knowledgeOf(options);
  const details = phoneDetails(number);
  const claims = claimedEntries(options.claims, options);
  const { findings, official, officialMatch } = phoneFindings(details, claims, k);
  return { input: number, risk: riskOf(findings, officialMatch), findings: sortFindings(findings), official, details };
}
