import { analyzeConversationWith } from './core/conversation.js';
import { analyzeBatchWith, analyzeWith, type BatchItem, type EngineParts } from './core/analyze.js';
import type { KnowledgeData } from './core/knowledge.js';
import type { Analysis, AnalyzeOptions, ConversationAnalysis, Turn } from './core/types.js';
import { defaultKnowledge } from './knowledge/default.js';

export interface Engine {
  readonly knowledge: KnowledgeData;
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /** `analyze` on each item, in order, a stage at a time over groups: the fast way to screen many messages. */
  analyzeBatch(items: readonly (string | BatchItem)[], options?: AnalyzeOptions): Analysis[];
  analyzeConversation(turns: readonly Turn[], options?: AnalyzeOptions): ConversationAnalysis;
}

export interface EngineConfig extends EngineParts {
  knowledge?: KnowledgeData;
}

/** Binds knowledge, entity checkers and an optional model into an engine (as libphonenumber binds metadata). */
export function createEngine(config: EngineConfig = {}): Engine {
  const knowledge = config.knowledge ?? defaultKnowledge;
  const parts: EngineParts = { checkers: config.checkers ?? [], ...(config.model ? { model: config.model } : {}) };
  return {
    knowledge,
    analyze: (text, options) => analyzeWith(text, knowledge, options, parts),
    analyzeBatch: (items, options) => analyzeBatchWith(items, knowledge, options, parts),
    analyzeConversation: (turns, options) => analyzeConversationWith(turns, knowledge, options, parts),
  };
}
