/**
 * Starts a real `fanzha serve` (from source through tsx, so no `tsc` build is needed) on a temporary
 * SQLite data directory and a free port, with an analyst API key made by `fanzha keys create`. The
 * built web app (web/dist) is what it serves at `/`; it is built first when missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');

export interface RunningServer {
  url: string;
  analystKey: string;
  dataDir: string;
  stop: () => Promise<void>;
}

export function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'web/dist/index.html'))) return;
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:web failed');
}

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`fanzha ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export async function startServer(): Promise<RunningServer> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'fanzha-web-'));
  const created = JSON.parse(cli(['keys', 'create', '--role', 'analyst', '--name', 'web-test', '--json', '--data-dir', dataDir]).trim()) as { key: string };
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--log-level', 'info', '--web-root', join(ROOT, 'web/dist')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fanzha serve did not start in 60 s:\n${log}`)), 60_000);
    const onData = (b: Buffer) => {
      log += b.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`fanzha serve exited with ${code}:\n${log}`));
    });
  });
  child.stdout!.resume();
  return {
    url,
    analystKey: created.key,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
