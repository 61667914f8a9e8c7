import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerExplain } from './explain.js';
import { registerIntel } from './intel.js';
import { registerServe } from './serve.js';

/** Every CLI command registers itself here, one line each. */
export function registerCommands(program: Command): void {
  registerCheck(program);
  registerExplain(program);
  registerIntel(program);
  registerServe(program);
}
