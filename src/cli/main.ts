#!/usr/bin/env node
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';
import { EXIT } from './exit-codes.js';

const program = new Command();
program
  .name('fanzha')
  .description('反诈 fanzha — is this message, call, number, link or legal notice a scam? 是不是诈骗？')
  .version('0.1.0')
  .showHelpAfterError();
registerCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`fanzha: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(EXIT.usage);
});
