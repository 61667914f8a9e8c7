/** Builds a real server on a real store (SQLite temp dir or a PostgreSQL database) for app.inject tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer, type ServerDeps } from '../../src/server/app.js';
import type { ServerConfig } from '../../src/server/config.js';
import { createApiKey } from '../../src/server/keys.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Role, Store } from '../../src/store/types.js';

export interface Harness {
  app: FastifyInstance;
  store: Store;
  dir: string;
  keys: Record<Role, string>;
  /** A fresh key of a role (a distinct reporter). */
  newKey(role: Role): Promise<string>;
  req(opts: InjectOptions & { key?: string | null }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function makeHarness(
  config: Partial<ServerConfig> = {},
  extra: Partial<ServerDeps> = {},
  openStore?: () => Promise<Store>,
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'fanzha-srv-'));
  const store = openStore ? await openStore() : openSqliteStore(dir);
  const app = await buildServer({ store, config: { publicAccess: false, ...config }, intel: null, ...extra });
  await app.ready();
  const newKey = async (role: Role): Promise<string> => (await createApiKey(store, role, `test ${role}`)).key;
  const keys = { public: await newKey('public'), analyst: await newKey('analyst'), admin: await newKey('admin') };
  return {
    app,
    store,
    dir,
    keys,
    newKey,
    req: ({ key, ...opts }) => {
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
      if (key !== null) headers['authorization'] = `Bearer ${key ?? keys.public}`;
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function errorOf(res: LightMyRequestResponse): { code: string; message: string; field?: string } {
  const body = res.json() as { error?: { code: string; message: string; field?: string } };
  if (!body.error) throw new Error(`expected an error body, got ${res.statusCode} ${res.body.slice(0, 200)}`);
  return body.error;
}
