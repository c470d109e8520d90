// The app under test, `caravel serve` on PostgreSQL in a child process (server-child.ts) so
// that the bench's clients do not share its event loop: starting it, asking it over IPC to
// record statements or report its memory, and reading its memory from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Captured } from './capture.ts';

export type ToServer =
  | { type: 'capture'; on: boolean }
  | { type: 'memory' }
  | { type: 'reset-peak' }
  | { type: 'stop' };
export type FromServer =
  | { type: 'ready'; url: string; pid: number; poolSize: number }
  | { type: 'capture'; statements: Captured[] }
  | { type: 'memory'; rssKb: number; hwmKb: number; maxRssKb: number }
  | { type: 'reset-peak'; ok: boolean }
  | { type: 'stop' };

/** Current and peak resident memory of a process, from /proc/<pid>/status, in kB. */
export function memoryOf(pid: number | 'self') {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/** Starts the server on `databaseUrl`, its data in `dataDir`; `next('ready')` waits for it. */
export function spawnServer(databaseUrl: string, dataDir: string): ServerProcess {
  const child = spawn(
    process.execPath,
    [...process.execArgv, path.join(import.meta.dirname, 'server-child.ts')],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_DATA_DIR: dataDir },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new ServerProcess(child);
}

export class ServerProcess {
  private readonly waiting = new Map<string, (message: FromServer) => void>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: FromServer) => {
      const resolve = this.waiting.get(message.type);
      this.waiting.delete(message.type);
      resolve?.(message);
    });
  }

  get pid(): number {
    return this.child.pid as number;
  }

  next<T extends FromServer['type']>(type: T): Promise<Extract<FromServer, { type: T }>> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the server exited (${code})`));
      this.child.once('exit', exited);
      this.waiting.set(type, (message) => {
        this.child.off('exit', exited);
        resolve(message as Extract<FromServer, { type: T }>);
      });
    });
  }

  ask<T extends FromServer['type']>(message: ToServer, reply: T) {
    const answer = this.next(reply);
    this.child.send(message);
    return answer;
  }

  /** The statements the server's pg client runs while `action` does. */
  async capture(action: () => Promise<unknown>): Promise<Captured[]> {
    await this.ask({ type: 'capture', on: true }, 'capture');
    await action();
    return (await this.ask({ type: 'capture', on: false }, 'capture')).statements;
  }

  kill() {
    this.child.kill();
  }
}
