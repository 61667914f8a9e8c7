#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { EXIT } from './exit-codes.js';

// `fanzha … | head` closes the pipe early: stop quietly instead of crashing with EPIPE. Any other write error (a
// full disk: `> /dev/full`) is an error of the run, exit 3 with a message, never a stack trace and exit 1, which a
// calling script would read as "suspicious".
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`fanzha: cannot write the output: ${err.message}\n`);
  process.exit(EXIT.usage);
});

const program = new Command();
program
  .name('fanzha')
  .description('反诈 fanzha — is this message, call, number, link or legal notice a scam? 是不是诈骗？')
  .version('0.1.0')
  .showHelpAfterError()
  // Usage errors exit 3 (documented), never 1, which means "suspicious".
  .exitOverride();
registerCommands(program);
for (const c of program.commands) c.exitOverride();

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // Help and version are not errors; commander has already printed its message.
    const ok = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
    process.exit(ok ? EXIT.ok : EXIT.usage);
  }
  process.stderr.write(`fanzha: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(EXIT.usage);
});
