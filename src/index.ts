/**
 * fanzha: is this message a scam, what kind, why, and what to do.
 *
 *   import { analyze } from 'fanzha';
 *   const a = analyze('您好，我是淘宝客服，您的快递丢失了，加我微信给您双倍赔偿');
 *   a.verdict // 'scam'
 */
import { defaultEngine } from './default-engine.js';
import type { BatchItem } from './core/analyze.js';
import type { Analysis, AnalyzeOptions, ConversationAnalysis, Turn } from './core/types.js';

export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  return defaultEngine().analyze(text, options);
}

/**
 * Many messages at once, results in order: the same analyses as `analyze` on each, markedly faster at volume
 * (each stage runs over a group of messages while its tables are in the CPU's caches). An item is a text or
 * `{ text, options }`, its options merged over the batch's.
 */
export function analyzeBatch(items: readonly (string | BatchItem)[], options?: AnalyzeOptions): Analysis[] {
  return defaultEngine().analyzeBatch(items, options);
}

export function analyzeConversation(turns: readonly Turn[], options?: AnalyzeOptions): ConversationAnalysis {
  return defaultEngine().analyzeConversation(turns, options);
}

export type { BatchItem } from './core/analyze.js';
export { createEngine, type Engine, type EngineConfig } from './engine.js';
export { parseTranscript } from './core/transcript.js';
export { defaultEngine } from './default-engine.js';
export { defaultKnowledge } from './knowledge/default.js';
export * from './core/types.js';
export type { KnowledgeData } from './core/knowledge.js';
