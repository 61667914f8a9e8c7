export { buildServer, type ServerDeps } from './app.js';
export { resolveConfig, DEFAULT_CONFIG, type ServerConfig } from './config.js';
export { ERRORS, ApiError, type ErrorCode } from './errors.js';
export { createApiKey, hashApiKey } from './keys.js';
