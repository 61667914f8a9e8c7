/**
 * The one result shape every intelligence checker returns (library, CLI --json, and later the HTTP lookup):
 * {input, risk, findings, official}. `risk` is never "safe": a number or link nothing is known against is "unknown".
 */
import { compileKnowledge, type CompiledKnowledge } from '../core/knowledge.js';
import type { Localized } from '../core/types.js';
import type { DirectoryEntry, KnowledgeData } from '../knowledge/schema.js';
import { defaultKnowledge } from '../knowledge/default.js';
import { fillTemplate } from '../core/template.js';

export type Risk = 'high' | 'medium' | 'low' | 'unknown';
/** high/medium raise the risk; low is a weak hint; info is a fact (an official match, a caveat). */
export type Severity = 'high' | 'medium' | 'low' | 'info';

export interface Finding {
  /** The signal id (data/signals/intel.yaml), so analyze and the lookup speak the same language. */
  id: string;
  severity: Severity;
  explanation: Localized;
  /** Values the explanation was filled from (number, brand, domain, …). */
  detail?: Record<string, string | number | boolean | null>;
}

export interface IntelResult<D = unknown> {
  input: string;
  risk: Risk;
  findings: Finding[];
  /** The directory entry matched: the real organisation, or the one being impersonated; null when none. */
  official: DirectoryEntry | null;
  /** Checker-specific facts (phone kind and country, registrable domain, parsed case number …). */
  details: D;
}

export interface CheckOptions {
  /** Knowledge to use (directory, wording, lists); defaults to the shipped knowledge. */
  knowledge?: KnowledgeData;
}

/** Thrown for input that is not a phone number / URL / text at all; the CLI turns it into a usage error. */
export class IntelInputError extends Error {}

export function knowledgeOf(options: CheckOptions | undefined): CompiledKnowledge {
  return compileKnowledge(options?.knowledge ?? defaultKnowledge);
}

type Detail = Record<string, string | number | boolean | null>;

/** A finding worded from the knowledge's signal definition of the same id (one wording for CLI, API and analyze). */
export function finding(k: CompiledKnowledge, id: string, severity: Severity, detail: Detail = {}): Finding {
  const def = k.signals.get(id);
  const explanation = def ? { zh: fillTemplate(def.zh, detail), en: fillTemplate(def.en, detail) } : { zh: id, en: id };
  return Object.keys(detail).length > 0 ? { id, severity, explanation, detail } : { id, severity, explanation };
}

/**
 * high or medium findings decide; otherwise a verified official match is "low"; otherwise "unknown".
 * Low and info findings never lower the risk: they are hints and caveats.
 */
export function riskOf(findings: Finding[], officialMatch: boolean): Risk {
  if (findings.some((f) => f.severity === 'high')) return 'high';
  if (findings.some((f) => f.severity === 'medium')) return 'medium';
  return officialMatch ? 'low' : 'unknown';
}

export const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

export function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
