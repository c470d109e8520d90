// The child process of server.ts: `caravel serve` on PostgreSQL (DATABASE_URL), answering
// the bench's messages: record statements, report or reset its memory figures, stop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/server/config.ts';
import { startServer } from '../../src/server/runtime.ts';
import { recordStatements } from './capture.ts';
import { type FromServer, memoryOf, type ToServer } from './server.ts';

const send = (message: FromServer) => process.send?.(message);
const recorder = recordStatements();

const poolSize = 20; // db/connect.ts's default: `caravel serve` has no setting for it
const config = loadConfig({
  CARAVEL_DATA_DIR: process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'caravel-bench-booking'),
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  CARAVEL_ADMIN_PASSWORD: 'bench password 1',
  CARAVEL_DEMO: '0',
  CARAVEL_WORKER: '0',
  DATABASE_URL: process.env.DATABASE_URL,
});
const server = await startServer(config, { logger: false });
process.on('message', async (message: ToServer) => {
  if (message.type === 'capture') {
    if (message.on) {
      recorder.start();
      send({ type: 'capture', statements: [] });
    } else {
      send({ type: 'capture', statements: recorder.stop() });
    }
  } else if (message.type === 'memory') {
    send({ type: 'memory', ...memoryOf('self'), maxRssKb: process.resourceUsage().maxRSS });
  } else if (message.type === 'reset-peak') {
    // Writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS (Linux ≥ 4.0).
    let ok = true;
    try {
      fs.writeFileSync('/proc/self/clear_refs', '5');
    } catch {
      ok = false;
    }
    send({ type: 'reset-peak', ok });
  } else if (message.type === 'stop') {
    await server.close();
    send({ type: 'stop' });
    process.exit(0);
  }
});
send({ type: 'ready', url: server.url, pid: process.pid, poolSize });
