import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ADMIN } from './api';
import { MailSink } from './mail';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const require = createRequire(import.meta.url);
const run = promisify(execFile);

export { ADMIN };

/** One api + worker on their own database, queue prefix and ports, and the SMTP sink they send to. */
export interface Server {
  url: string;
  smtp: MailSink;
  databaseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function startProcess(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(chunk.toString()) > 200 && output.shift();
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', (code, signal) => {
    if (code && !signal) console.error(`[${name}] exited with ${code}\n${output.join('')}`);
  });
  return child;
}

async function untilHealthy(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the built api and worker (dist/, `npm run build` first) on a fresh, migrated database named
 * grants_test_<base36 ms>_<random> (the stale cleanup of test/global-setup.js knows the pattern).
 */
export async function startServer(): Promise<Server> {
  // This machine's PostgreSQL and Redis, as the api's own validated configuration names them (built code).
  const { AppConfig } = require(`${root}dist/libs/config/src/app-config.js`);
  const machine = AppConfig.fromEnvironment().values as { DATABASE_URL: string; REDIS_URL: string };
  const id = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const base = new URL(machine.DATABASE_URL);
  base.pathname = `/grants_test_${id}`;
  const databaseUrl = base.toString();
  const smtp = await MailSink.start();
  const [port, healthPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  // Everything the api and worker are given: no setting of this process leaks into them.
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: machine.REDIS_URL,
    QUEUE_PREFIX: `grants_test_${id}`,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    APP_URL: url,
    PORT: String(port),
    WORKER_HEALTH_PORT: String(healthPort),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret',
    LOG_LEVEL: 'warn',
    OUTBOX_SWEEP_MS: '500',
    NOTIFICATION_BACKOFF_MS: '200',
    WEB_DIR: `${root}dist/web`,
  };
  await run(process.execPath, ['dist/libs/database/src/cli/migrate.js'], { cwd: root, env });
  const api = startProcess('api', 'dist/apps/api/src/main.js', env);
  const worker = startProcess('worker', 'dist/apps/worker/src/main.js', env);
  try {
    await Promise.all([
      untilHealthy(`${url}/api/v1/health`, api),
      untilHealthy(`http://127.0.0.1:${healthPort}/health`, worker),
    ]);
  } catch (error) {
    await Promise.all([stopProcess(api), stopProcess(worker)]);
    throw error;
  }
  return {
    url,
    smtp,
    databaseUrl,
    async stop() {
      await Promise.all([stopProcess(api), stopProcess(worker)]);
      await smtp.stop();
      const { deleteQueueKeys } = require(`${root}dist/libs/queue/src/queue-keys.js`);
      const { dropDatabase } = require(`${root}dist/libs/database/src/ensure-database.js`);
      await deleteQueueKeys(machine.REDIS_URL, env.QUEUE_PREFIX).catch(() => undefined);
      await dropDatabase(databaseUrl);
    },
  };
}
