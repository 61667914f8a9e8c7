/**
 * The error-code catalogue of the HTTP API. Every error body is `{error: {code, message, field?}}`.
 * Codes are stable: never reuse or rename one; add new codes at the end. docs/api.md lists them all.
 */
export const ERRORS = {
  FZ_ERR_VALIDATION: { status: 400, message: 'The request does not match the schema' },
  FZ_ERR_BAD_JSON: { status: 400, message: 'The body is not valid JSON' },
  FZ_ERR_UNAUTHENTICATED: { status: 401, message: 'An API key is required (Authorization: Bearer <key> or X-API-Key)' },
  FZ_ERR_BAD_KEY: { status: 401, message: 'The API key is unknown or revoked' },
  FZ_ERR_FORBIDDEN: { status: 403, message: 'This API key does not have the role this endpoint needs' },
  FZ_ERR_NOT_FOUND: { status: 404, message: 'No such resource' },
  FZ_ERR_BODY_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  FZ_ERR_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json' },
  FZ_ERR_RATE_LIMITED: { status: 429, message: 'Too many requests; retry after the time in the Retry-After header' },
  FZ_ERR_INTERNAL: { status: 500, message: 'Internal error; it has been logged' },
  FZ_ERR_UNAVAILABLE: { status: 503, message: 'The service is not ready (database unavailable or shutting down)' },
  FZ_ERR_BUSY: { status: 503, message: 'Too many analyses are waiting in this process; retry after the time in the Retry-After header' },
  FZ_ERR_BAD_IDENTIFIER: { status: 400, message: 'The identifier could not be read (phone digits, a URL or domain, an account or a handle)' },
  FZ_ERR_LOOKUP_PARAMS: { status: 400, message: 'Give exactly one of phone, url, account, handle' },
  FZ_ERR_MERGE_TARGET: { status: 400, message: 'A merge needs `into`: the id of another existing report' },
  FZ_ERR_ANALYZE_INPUT: { status: 400, message: 'Give either text or turns, not both and not neither' },
  FZ_ERR_BATCH_SIZE: { status: 400, message: 'A batch holds 1 to 1000 items' },
  FZ_ERR_BAD_HTTP: { status: 400, message: 'The request is not valid HTTP/1.1' },
  FZ_ERR_HEADERS_TOO_LARGE: { status: 431, message: 'The request line or headers are too large' },
  FZ_ERR_STORE_BUSY: { status: 503, message: 'The database is busy; retry after the time in the Retry-After header' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

/** An error the API reports as-is (status and code from the catalogue). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message?: string, field?: string) {
    super(message ?? ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
    this.field = field;
  }
  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

/** JSON schema of the error body, for OpenAPI. */
export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERRORS) },
        message: { type: 'string' },
        field: { type: 'string' },
      },
    },
  },
} as const;
