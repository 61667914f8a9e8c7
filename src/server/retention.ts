/** Deletes raw evidence older than the retention period: at start-up, then every hour. */
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/types.js';

export const RETENTION_INTERVAL_MS = 3_600_000;

export function startRetention(store: Store, days: number, log: FastifyBaseLogger): () => void {
  if (!(days > 0)) return () => {};
  const purge = (): void => {
    store
      .purgeEvidence(Date.now() - days * 86_400_000)
      .then((n) => {
        if (n > 0) log.info({ purged: n, days }, 'retention: raw evidence deleted');
      })
      .catch((err: unknown) => log.warn({ err }, 'retention job failed'));
  };
  const first = setTimeout(purge, 1000);
  const timer = setInterval(purge, RETENTION_INTERVAL_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
