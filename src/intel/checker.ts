/**
 * The EntityChecker that plugs the intelligence layer into analyze(): every phone, link and case number the
 * core extracted is checked (claims = the organisations the text names), plus the text as a legal notice.
 * Findings become signals with spans (weights and wording from data/signals/intel.yaml). Pure: no I/O.
 */
import type { EntityChecker } from '../core/analyze.js';
import type { CompiledKnowledge } from '../core/knowledge.js';
import { normalize } from '../core/normalize/normalize.js';
import { emit } from '../core/signals/emit.js';
import type { Entity, Signal, Span } from '../core/types.js';
import type { DirectoryEntry } from '../knowledge/schema.js';
import { noticeFindings } from './notice.js';
import { phoneDetails, phoneFindings } from './phone.js';
import { finding, type Finding } from './result.js';
import { inList, urlDetails, urlFindings, type UrlDetails } from './url.js';

type Detail = Record<string, string | number | boolean | null>;

/** Collects findings per id so each id becomes ONE signal with every span it was seen at (as the core does). */
class Collector {
  private byId = new Map<string, { spans: Span[]; detail: Detail }>();

  add(f: Finding, spans: Span[]): void {
    const had = this.byId.get(f.id);
    if (had) had.spans.push(...spans.filter((s) => !had.spans.some((h) => h.start === s.start && h.end === s.end)));
    else this.byId.set(f.id, { spans: [...spans], detail: f.detail ?? {} });
  }

  signals(k: CompiledKnowledge): Signal[] {
    const out: Signal[] = [];
    for (const [id, { spans, detail }] of this.byId) {
      // Weight 0 marks a lookup-only fact (or one the core already scores): analyze leaves it out.
      if ((k.signals.get(id)?.weight ?? 0) === 0) continue;
      const s = emit(k, id, 'intel', spans, detail);
      if (s) out.push(s);
    }
    return out;
  }
}

const span = (e: Entity): Span => ({ start: e.start, end: e.end });

/**
 * A bare site name ("GOV.UK ALERT", "Amazon.com") names an organisation; a link has a scheme, a path or a host below
 * the registrable domain. Only links vouch for a text (a scam quotes "GOV.UK" in its heading beside its own link).
 */
function looksLikeALink(d: UrlDetails, url: URL): boolean {
  return d.schemeGiven || url.pathname.length > 1 || url.search !== '' || (d.domain !== null && d.hostname !== d.domain);
}

/** Entities that send the reader to a private channel. */
const PRIVATE_CONTACTS = new Set<Entity['kind']>(['wechat', 'qq', 'telegram', 'whatsapp', 'line', 'email']);

/** Findings that say a link is on an organisation's own or a government's domain. */
const VOUCHING = new Set(['URL_OFFICIAL_DOMAIN', 'URL_LISTED_DOMAIN', 'URL_GOVERNMENT_DOMAIN']);

function claimedBy(entities: Entity[], k: CompiledKnowledge): DirectoryEntry[] {
  const out: DirectoryEntry[] = [];
  for (const e of entities) {
    if (e.kind !== 'brand') continue;
    const d = k.directoryById.get(e.value);
    // Referral lines (96110, 12381, 12368, 110) named in a text are advice, not who the sender claims to be.
    if (d && !out.includes(d) && d.kind !== 'government' && d.kind !== 'court') out.push(d);
  }
  return out;
}

/** Runs the phone, link, case-number and notice checks over one analysed text. */
export const intelChecker: EntityChecker = (entities, text, k, options, normalized) => {
  const c = new Collector();
  const claims = claimedBy(entities, k);
  // Links whose domain the directory or the government suffixes vouch for, with nothing odd about them.
  const links: Entity[] = [];
  let vouched = 0;
  // A number that is not the organisation's own, or a private contact, sends the reader somewhere else: then a real
  // link beside it vouches for nothing ("详情见 https://shopee.tw/ 并立即致电客服专线 02-…").
  let elsewhere = entities.some((e) => PRIVATE_CONTACTS.has(e.kind));
  for (const e of entities) {
    try {
      if (e.kind === 'phone') {
        const r = phoneFindings(phoneDetails(e.value), claims, k);
        for (const f of r.findings) c.add(f, [span(e)]);
        if (!r.officialMatch) elsewhere = true;
      } else if (e.kind === 'url') {
        const { details, url } = urlDetails(e.value);
        links.push(e);
        const r = urlFindings(details, url, claims, k);
        for (const f of r.findings) c.add(f, [span(e)]);
        const clean = r.findings.some((f) => VOUCHING.has(f.id)) && !r.findings.some((f) => f.severity === 'high' || f.severity === 'medium');
        // Not on a host where anyone publishes (TestFlight, videos, articles: data/intel/links.yaml userContentHosts).
        const userContent = inList(details.hostname, k.data.intel?.userContentHosts ?? []) !== null;
        if (clean && looksLikeALink(details, url) && !userContent) vouched++;
      }
    } catch {
      // An entity the checkers cannot read (a digit run that is no phone number) carries no finding.
    }
  }
  // Every link goes where the organisation itself (or a government) publishes: the learned model, which reads "a link
  // and an account alert" as phishing, must not flag such a notice alone (src/model/scorer.ts).
  if (links.length > 0 && vouched === links.length && !elsewhere) c.add(finding(k, 'URL_ALL_VOUCHED', 'info'), links.map(span));
  if (options.sender) {
    try {
      const r = phoneFindings(phoneDetails(options.sender), claims, k);
      // Sender facts have no place in the text: no spans.
      for (const f of r.findings) c.add(f, []);
    } catch {
      // A sender id that is a name ("ICBC") rather than a number.
    }
  }
  // 12381 / 国家反诈中心 warnings never carry links, IM ids or call-back numbers [S:G3]: one that does is fake.
  const antiFraud = entities.filter((e) => e.kind === 'brand' && (e.value === 'anti_fraud_sms_12381' || e.value === 'anti_fraud_center'));
  const fromSender = options.sender?.replace(/\D/g, '') === '12381';
  if (antiFraud.length > 0 || fromSender) {
    const bait = entities.filter((e) => e.kind === 'url' || e.kind === 'wechat' || e.kind === 'qq' || e.kind === 'telegram');
    if (bait.length > 0) {
      const f = finding(k, 'ANTIFRAUD_WARNING_WITH_LINK', 'high');
      c.add(f, [...antiFraud.map(span), ...bait.map(span)]);
    }
  }
  const n = normalized ?? normalize(text, k.normalize);
  const notice = noticeFindings(text, n, entities, k, new Date().getUTCFullYear());
  // One impossibility per case number is enough to condemn it; several would count the same number twice.
  const seenCase = new Set<string>();
  for (const f of notice.findings) {
    if (f.id.startsWith('CASE_NUMBER_') && f.severity === 'high') {
      const key = f.spans.map((s) => `${s.start}`).join(',');
      if (seenCase.has(key)) continue;
      seenCase.add(key);
    }
    c.add(f, f.spans);
  }
  return c.signals(k);
};
