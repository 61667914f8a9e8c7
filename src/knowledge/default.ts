import { knowledgeData } from './generated/knowledge-data.js';
import type { KnowledgeData } from './schema.js';

/** The knowledge shipped with this version (compiled from data/ by npm run build:knowledge). */
export const defaultKnowledge: KnowledgeData = knowledgeData;
