import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Runs the real fanzha CLI (through tsx, so no build is needed) and returns its exit code and output. */
export function fanzha(args: string[], input?: string | Buffer): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    input,
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
