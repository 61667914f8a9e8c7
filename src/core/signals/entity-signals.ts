import { classifyPhone } from '../entities/phone.js';
import type { CompiledKnowledge } from '../knowledge.js';
import type { Entity, Signal, Span } from '../types.js';
import { emit } from './emit.js';

const SERVICE_TAIL = /^(?:95\d{3,6}|400\d{7}|800\d{7}|100\d{2}|1(?:1[09]|20)|123\d{2}|96110)$/;
const span = (e: Entity): Span => ({ start: e.start, end: e.end });

/** Signals read off the entities themselves: who the message says to contact and how. */
export function entitySignals(entities: Entity[], k: CompiledKnowledge, sender: string | undefined): Signal[] {
  const out: (Signal | null)[] = [];
  const phones = entities.filter((e) => e.kind === 'phone');
  const intl = phones.filter((e) => e.meta?.['class'] === 'international');
  if (intl.length) out.push(emit(k, 'INTL_NUMBER', 'entity', intl.map(span), { number: intl[0]?.value ?? '' }));
  const spoofed = phones.filter((e) => e.meta?.['class'] === 'domestic_prefixed' && SERVICE_TAIL.test(e.value.replace(/^(?:\+|00)86/, '')));
  if (spoofed.length) out.push(emit(k, 'SPOOFED_SERVICE_NUMBER', 'entity', spoofed.map(span), { number: spoofed[0]?.value ?? '' }));
  const virtual = phones.filter((e) => e.meta?.['class'] === 'mobile_virtual');
  if (virtual.length) out.push(emit(k, 'VIRTUAL_MOBILE', 'entity', virtual.map(span), { number: virtual[0]?.value ?? '' }));
  const mobiles = phones.filter((e) => e.meta?.['class'] === 'mobile' || e.meta?.['class'] === 'mobile_virtual');
  if (mobiles.length) out.push(emit(k, 'PERSONAL_MOBILE', 'entity', mobiles.map(span)));
  const links = entities.filter((e) => e.kind === 'url');
  if (links.length) out.push(emit(k, 'LINK', 'entity', links.map(span), { url: links[0]?.value ?? '' }));
  const ipLinks = links.filter((e) => /^(?:https?:\/\/)?\d{1,3}(?:\.\d{1,3}){3}/.test(e.value));
  if (ipLinks.length) out.push(emit(k, 'LINK_RAW_IP', 'entity', ipLinks.map(span)));
  const handles = entities.filter((e) => ['wechat', 'qq', 'telegram', 'whatsapp', 'line'].includes(e.kind));
  if (handles.length) out.push(emit(k, 'IM_HANDLE', 'entity', handles.map(span), { handle: handles[0]?.value ?? '' }));
  const cards = entities.filter((e) => e.kind === 'bank_card');
  if (cards.length) out.push(emit(k, 'BANK_CARD_NUMBER', 'entity', cards.map(span)));
  if (sender) {
    const c = classifyPhone(sender.replace(/[\s()-]/g, ''));
    if (c?.cls === 'international') out.push(emit(k, 'SENDER_INTERNATIONAL', 'entity', [], { sender }));
    if (c?.cls === 'domestic_prefixed' && SERVICE_TAIL.test(c.digits.replace(/^(?:\+|00)86/, ''))) {
      out.push(emit(k, 'SENDER_SPOOFED_SERVICE', 'entity', [], { sender }));
    }
  }
  return out.filter((s): s is Signal => s !== null);
}

/** True when the sender id is an operator or company short number (95xxx, 106…, 100xx, 123xx). */
export function isServiceSender(sender: string | undefined): boolean {
  if (!sender) return false;
  const c = classifyPhone(sender.replace(/[\s()-]/g, ''));
  return c !== null && ['service_95', 'service_short', 'gateway_106', 'service_400', 'service_96'].includes(c.cls);
}
