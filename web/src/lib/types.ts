/** Types the pages share. Analysis comes from the engine's own type file (type-only, erased at build). */
import type { Analysis, CategoryId, ConversationAnalysis, Localized, Signal, Verdict } from '../../../src/core/types.js';

export type { Analysis, CategoryId, ConversationAnalysis, Localized, Signal, Verdict };

export interface CategoryInfo {
  id: CategoryId;
  name: Localized;
  summary: Localized;
  scripts: Localized[];
  redFlags: Localized[];
  advice: Localized[];
}

export interface DirectoryContact {
  id: string;
  kind: string;
  name: Localized;
  app: Localized | null;
  phones: { number: string; display: string }[];
  domains: string[];
  neverDoes: Localized[];
  impersonatedAs: CategoryId | null;
}

export interface WebKnowledge {
  version: string;
  categories: CategoryInfo[];
  directory: DirectoryContact[];
}
