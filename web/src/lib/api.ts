/**
 * The HTTP client of the web app: same-origin calls to /v1, JSON in and out, errors turned into
 * ApiError from the service's {error: {code, message, field?}} body.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const KEY_STORE = 'fanzha.analystKey';

/** The analyst key lives in sessionStorage: gone when the tab closes, never in localStorage. */
export function getKey(): string | null {
  try {
    return sessionStorage.getItem(KEY_STORE);
  } catch {
    return null;
  }
}
export function setKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(KEY_STORE, key);
    else sessionStorage.removeItem(KEY_STORE);
  } catch {
    /* storage disabled: the key lasts until reload */
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Send the analyst key (analyst routes). */
  auth?: boolean;
  signal?: AbortSignal;
  /** Return the body as text (CSV and plain-text blocklists). */
  text?: boolean;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: opts.text ? 'text/plain, text/csv, */*' : 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const key = opts.auth ? getKey() : null;
  if (key) headers.authorization = `Bearer ${key}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', (e as Error).message || 'network error');
  }
  if (!res.ok) {
    let code = `http_${res.status}`;
    let message = res.statusText || `HTTP ${res.status}`;
    let field: string | undefined;
    try {
      const j = (await res.json()) as { error?: { code?: string; message?: string; field?: string } };
      if (j.error) {
        code = j.error.code ?? code;
        message = j.error.message ?? message;
        field = j.error.field;
      }
    } catch {
      /* not JSON: keep the status text */
    }
    throw new ApiError(res.status, code, message, field);
  }
  if (opts.text) return (await res.text()) as T;
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
