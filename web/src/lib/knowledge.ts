import data from 'virtual:fanzha-knowledge';
import type { CategoryInfo, DirectoryContact } from './types.js';

/** Categories and directory contacts, compiled in from data/ at build time (see web/vite.config.ts). */
export const knowledge = data;

export function categoryById(id: string | null | undefined): CategoryInfo | undefined {
  return id ? data.categories.find((c) => c.id === id) : undefined;
}

export function contactById(id: string): DirectoryContact | undefined {
  return data.directory.find((d) => d.id === id);
}
