/**
 * Document upload and download through the built api, next to a bare copy of the same bytes to the same
 * store, on the local-disk driver and the S3 driver (s3rver, an S3-compatible server in this process).
 * While a 200 MB upload streams in, the api's resident memory is sampled: it must stay flat.
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AppConfig } from '@grants/config';
import { dropDatabase, migrateDatabase } from '@grants/database';
import { innFrom } from '@grants/domain';
import { FileStore, LocalFileStore, S3FileStore } from '@grants/storage';
import { BenchResult, databaseUrl, freePort, round, startApp, stopApp, uniqueName } from './bench-support';

const MB = 1024 * 1024;
const FILE_MB = 200;
const ADMIN = { email: 'bench-admin@grants.local', password: 'bench-admin-password' };
const agent = new Agent({ keepAlive: true });

/** 200 MB of a "PDF": a real header, then 1 MiB of random bytes repeated (generated once, never held whole). */
function fileChunks(): { chunks: () => Generator<Buffer>; sha256: string; size: number } {
  const block = randomBytes(MB);
  const head = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), block.subarray(16)]);
  const chunks = function* () {
    yield head;
    for (let i = 1; i < FILE_MB; i++) yield block;
  };
  const hash = createHash('sha256');
  for (const c of chunks()) hash.update(c);
  return { chunks, sha256: hash.digest('hex'), size: FILE_MB * MB };
}

async function api(port: number, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: any = await res.json().catch(() => undefined);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** An NGO with a draft in an open competition that asks for one optional document type. */
async function seed(port: number) {
  const admin = (await api(port, 'POST', '/auth/login', ADMIN)).accessToken;
  const day = 86_400_000;
  const competition = await api(
    port,
    'POST',
    '/competitions',
    {
      title: 'Нагрузочный конкурс документов',
      year: 2026,
      submissionOpensAt: new Date(Date.now() - day).toISOString(),
      submissionDeadline: new Date(Date.now() + 7 * day).toISOString(),
      reviewDeadline: new Date(Date.now() + 30 * day).toISOString(),
      totalBudget: '1000000.00',
      maxGrantAmount: '300000.00',
      directions: [{ code: 'social', title: 'Социальная поддержка' }],
      documentTypes: [{ code: 'other', title: 'Иные документы', required: false }],
    },
    admin,
  );
  await api(port, 'POST', `/competitions/${competition.id}/publish`, {}, admin);
  const tag = String(Date.now() % 1_000_000_000).padStart(9, '1');
  const ngo = await api(port, 'POST', '/auth/register', {
    email: `bench-ngo-${tag}@bench.local`,
    password: 'bench-ngo-password',
    fullName: 'Заявитель',
    organization: { fullName: 'НКО для замера', inn: innFrom(tag) },
  });
  const draft = await api(
    port,
    'POST',
    `/competitions/${competition.id}/applications`,
    { title: 'Проект' },
    ngo.accessToken,
  );
  return { token: ngo.accessToken as string, applicationId: draft.id as string };
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** Streams the file as a multipart upload; returns seconds, the response and the api's RSS before and at peak. */
async function upload(
  port: number,
  pid: number,
  token: string,
  applicationId: string,
  file: ReturnType<typeof fileChunks>,
) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const preamble = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nother\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="большой файл.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 25);
  const started = performance.now();
  const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/applications/${applicationId}/documents`,
        agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    Readable.from(
      (function* () {
        yield preamble;
        yield* file.chunks();
        yield epilogue;
      })(),
    ).pipe(req);
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (body.status !== 201) throw new Error(`upload: ${body.status} ${body.text}`);
  return { seconds, document: JSON.parse(body.text) as { id: string; sha256: string }, before, peak };
}

async function download(port: number, token: string, documentId: string) {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/documents/${documentId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const hash = createHash('sha256');
  for await (const chunk of res.body!) hash.update(chunk);
  return { seconds: (performance.now() - started) / 1000, sha256: hash.digest('hex') };
}

/** The bare baseline: the same bytes written to and read from the same store, without HTTP or checks. */
async function bare(store: FileStore, file: ReturnType<typeof fileChunks>) {
  const key = `bench/${uniqueName('bare').replace(/_/g, '-').toLowerCase()}`;
  let started = performance.now();
  await store.write(key, Readable.from(file.chunks()));
  const write = (performance.now() - started) / 1000;
  started = performance.now();
  const hash = createHash('sha256');
  for await (const chunk of await store.read(key)) hash.update(chunk as Buffer);
  const read = (performance.now() - started) / 1000;
  await store.remove(key);
  if (hash.digest('hex') !== file.sha256) throw new Error('bare copy differs');
  return { write, read };
}

/** s3rver in its own process, as a real store would be: the bench's own reads do not share its event loop. */
async function startS3Process(directory: string): Promise<{ endpoint: string; child: ChildProcess }> {
  const code = `
    const S3rver = require('s3rver');
    new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[1], configureBuckets: [{ name: 'bench' }] })
      .run().then(({ port }) => console.log(port));`;
  const child = spawn(process.execPath, ['-e', code, directory], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (c) => reject(new Error(`s3rver exited with ${c}`)));
  });
  return { endpoint: `http://127.0.0.1:${port}`, child };
}

async function benchDriver(driver: 'local' | 's3', file: ReturnType<typeof fileChunks>): Promise<BenchResult[]> {
  const { DATABASE_URL } = AppConfig.fromEnvironment().values;
  const name = uniqueName('grants_bench_docs');
  const url = databaseUrl(DATABASE_URL, name);
  const dir = await mkdtemp(join(tmpdir(), 'grants-bench-docs-'));
  let s3: { endpoint: string; child: ChildProcess } | undefined;
  let env: Record<string, string> = { STORAGE_DRIVER: 'local', STORAGE_DIR: join(dir, 'store') };
  let store: FileStore = new LocalFileStore(join(dir, 'store'));
  if (driver === 's3') {
    s3 = await startS3Process(join(dir, 's3'));
    env = {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: 'bench',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    };
    store = new S3FileStore({
      endpoint: env.S3_ENDPOINT,
      region: 'us-east-1',
      bucket: 'bench',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
  }
  await migrateDatabase(url);
  const port = await freePort();
  const child = await startApp(
    'apps/api/src/main.js',
    {
      DATABASE_URL: url,
      PORT: String(port),
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
      QUEUE_PREFIX: name,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      UPLOAD_MAX_MB: String(FILE_MB + 10),
      AUTH_CLIENT_LIMIT: '0',
      ...env,
    },
    `http://127.0.0.1:${port}/api/v1/health`,
  );
  try {
    const { token, applicationId } = await seed(port);
    const up = await upload(port, child.pid!, token, applicationId, file);
    if (up.document.sha256 !== file.sha256) throw new Error('uploaded hash differs');
    const down = await download(port, token, up.document.id);
    if (down.sha256 !== file.sha256) throw new Error('downloaded file differs');
    const baseline = await bare(store, file);
    const mbps = (seconds: number) => round(FILE_MB / seconds, 1);
    const label = driver === 'local' ? 'local disk' : 'S3 (s3rver)';
    console.log(
      `documents (${label}): upload ${mbps(up.seconds)} MB/s (bare ${mbps(baseline.write)}), download ${mbps(down.seconds)} MB/s (bare ${mbps(baseline.read)}), api RSS ${round(up.before)} → peak ${round(up.peak)} MB`,
    );
    return [
      {
        name: `document upload, ${FILE_MB} MB PDF, ${label}`,
        value: mbps(up.seconds),
        unit: 'MB/s',
        baseline: mbps(baseline.write),
        baselineName: 'bare FileStore.write of the same bytes',
        note: 'multipart over HTTP, content check, SHA-256, row',
      },
      {
        name: `document download, ${FILE_MB} MB, ${label}`,
        value: mbps(down.seconds),
        unit: 'MB/s',
        baseline: mbps(baseline.read),
        baselineName: 'bare FileStore.read of the same bytes',
        note: 'byte-identical (SHA-256 checked)',
      },
      {
        name: `api resident memory during the ${FILE_MB} MB upload, ${label}`,
        value: round(up.peak - up.before),
        unit: 'MB growth',
        note: `RSS ${round(up.before)} MB before, ${round(up.peak)} MB at peak (sampled every 25 ms)`,
      },
    ];
  } finally {
    await stopApp(child);
    if (store instanceof S3FileStore) store.close();
    if (s3) await stopApp(s3.child);
    await dropDatabase(url);
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchDocuments(): Promise<BenchResult[]> {
  const file = fileChunks();
  return [...(await benchDriver('local', file)), ...(await benchDriver('s3', file))];
}

if (require.main === module) {
  benchDocuments()
    .then((rows) => console.table(rows))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
