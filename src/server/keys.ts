/**
 * API keys: 256 random bits, shown once, stored only as a SHA-256 hash (a key this random needs no slow hash).
 * Used by the HTTP admin endpoints and by `fanzha keys`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyRecord, Role, Store } from '../store/types.js';

export const KEY_PREFIX = 'fz_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function createApiKey(store: Store, role: Role, name: string | null): Promise<{ key: string; record: ApiKeyRecord }> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record = await store.createApiKey({ id: `k_${randomBytes(6).toString('hex')}`, hash: hashApiKey(key), role, name });
  return { key, record };
}

/** Looks keys up through a short-lived cache, so a busy client does not cost a query per request. */
export class KeyVerifier {
  private readonly cache = new Map<string, { rec: ApiKeyRecord | null; until: number }>();
  constructor(
    private readonly store: Store,
    private readonly ttlMs: number,
  ) {}

  async verify(key: string): Promise<ApiKeyRecord | null> {
    if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
    const hash = hashApiKey(key);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.until > now) return hit.rec;
    const rec = await this.store.findApiKeyByHash(hash);
    const valid = rec && rec.revokedAt === null ? rec : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { rec: valid, until: now + this.ttlMs });
    return valid;
  }

  /** Forgets cached keys (after a revoke in this process). */
  clear(): void {
    this.cache.clear();
  }
}

const RANK: Record<Role, number> = { public: 0, analyst: 1, admin: 2 };
/** Roles are ordered: an admin may do what an analyst may, an analyst what the public may. */
export function roleAllows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}
