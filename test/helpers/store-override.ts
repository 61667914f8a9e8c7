import type { Store } from '../../src/store/types.js';

/**
 * The store with some methods replaced (a flaky database, a late salt); every other method runs on the store itself,
 * so its state (connections, caches) stays the store's own and its close() closes all of it.
 */
export function overriding(store: Store, over: Partial<Store>): Store {
  return new Proxy(store, {
    get(target, prop) {
      if (Object.hasOwn(over, prop)) return over[prop as keyof Store];
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
