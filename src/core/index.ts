/** The pure core: no I/O, no data imports. Pass knowledge in (see src/index.ts for the bound default). */
export { analyzeBatchWith, analyzeWith, collectEvidence, judge, ENGINE_VERSION, DEFAULT_MAX_LENGTH } from './analyze.js';
export type { BatchItem, EngineParts, EntityChecker, ModelScorer, Evidence } from './analyze.js';
export { analyzeConversationWith } from './conversation.js';
export { parseTranscript } from './transcript.js';
export { compileKnowledge } from './knowledge.js';
export type { CompiledKnowledge, KnowledgeData } from './knowledge.js';
export { normalize, compactString } from './normalize/normalize.js';
export { toOriginal } from './normalize/text-view.js';
export type { TextView } from './normalize/text-view.js';
export { classifyPhone } from './entities/index.js';
export type { PhoneClass } from './entities/index.js';
export { emit } from './signals/emit.js';
export * from './types.js';
