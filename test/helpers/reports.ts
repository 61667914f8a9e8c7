/** A phone report written straight into a store (no HTTP), with neutral defaults that a test overrides. */
import { hashKey, identifier } from '../../src/store/identifiers.js';
import type { NewReport, Store } from '../../src/store/types.js';

export async function addPhoneReport(store: Store, over: Partial<NewReport> & { value?: string } = {}): ReturnType<Store['createReport']> {
  const salt = await store.salt();
  const id = identifier('phone', over.value ?? '13800138000')!;
  const { value: _v, ...rest } = over;
  return store.createReport({
    kind: 'phone',
    platform: null,
    subjectKey: id.key,
    subjectValue: id.value,
    subjectHash: hashKey(salt, id.key),
    mentionHashes: [],
    category: 'fake_customer_service',
    description: null,
    evidence: null,
    occurredAt: null,
    contact: null,
    consent: false,
    reporter: 'k_a',
    directoryMatch: false,
    analysis: null,
    ...rest,
  });
}
