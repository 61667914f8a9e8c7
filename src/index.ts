/**
 * fanzha: is this message a scam, what kind, why, and what to do.
 *
 *   import { analyze } from 'fanzha';
 *   const a = analyze('您好，我是淘宝客服，您的快递丢失了，加我微信给您双倍赔偿');
 *   a.verdict // 'scam'
 */
import { defaultEngine } from './default-engine.js';
import type { Analysis, AnalyzeOptions, ConversationAnalysis, Turn } from './core/types.js';

export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  return defaultEngine().analyze(text, options);
}

export function analyzeConversation(turns: readonly Turn[], options?: AnalyzeOptions): ConversationAnalysis {
  return defaultEngine().analyzeConversation(turns, options);
}

export { createEngine, type Engine, type EngineConfig } from './engine.js';
export { parseTranscript } from './core/transcript.js';
export { defaultEngine } from './default-engine.js';
export { defaultKnowledge } from './knowledge/default.js';
export * from './core/types.js';
export type { KnowledgeData } from './core/knowledge.js';
