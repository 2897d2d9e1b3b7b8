import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { S3TestServer, startS3Server } from '@grants/testing';
import { FileStore, StoredFileMissingError } from './file-store';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Yields `bytes` in 64 KiB chunks, then fails: a client that drops the connection mid-upload. */
function failingAfter(bytes: Buffer): Readable {
  return Readable.from(
    (async function* () {
      for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
      throw new Error('connection reset by client');
    })(),
  );
}

interface Driver {
  store: FileStore;
  /** Everything the driver holds (objects, partial files, unfinished multipart uploads). */
  leftovers(): Promise<string[]>;
  close(): Promise<void>;
}

const drivers: Array<[string, () => Promise<Driver>]> = [
  [
    'local',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'grants-store-'));
      return {
        store: new LocalFileStore(dir),
        leftovers: async () =>
          (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name),
        close: () => rm(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    's3',
    async () => {
      const server: S3TestServer = await startS3Server('store-spec');
      const store = new S3FileStore({
        endpoint: server.endpoint,
        region: 'us-east-1',
        bucket: server.bucket,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      });
      return {
        store,
        leftovers: async () => {
          const objects = await store.client.send(new ListObjectsV2Command({ Bucket: server.bucket }));
          const uploads = await store.client
            .send(new ListMultipartUploadsCommand({ Bucket: server.bucket }))
            .catch(() => ({ Uploads: [] }));
          return [
            ...(objects.Contents ?? []).map((o) => o.Key!),
            ...(uploads.Uploads ?? []).map((u) => `upload:${u.Key}`),
          ];
        },
        close: async () => {
          store.close();
          await server.stop();
        },
      };
    },
  ],
];

describe.each(drivers)('FileStore (%s driver)', (_name, make) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await make();
  });
  afterAll(() => driver?.close());

  it('stores a stream and gives back the same bytes, size and absence after removal', async () => {
    const bytes = randomBytes(300_000);
    await driver.store.write('documents/a1/b2', Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
    expect(await driver.store.size('documents/a1/b2')).toBe(bytes.length);
    expect(digest(await readAll(await driver.store.read('documents/a1/b2')))).toBe(digest(bytes));
    await driver.store.remove('documents/a1/b2');
    expect(await driver.store.size('documents/a1/b2')).toBeNull();
    await expect(driver.store.read('documents/a1/b2')).rejects.toBeInstanceOf(StoredFileMissingError);
    await driver.store.remove('documents/a1/b2');
  });

  it('streams a body larger than one multipart part', async () => {
    const bytes = randomBytes(12 * 1024 * 1024);
    await driver.store.write(
      'documents/large',
      Readable.from(
        (function* () {
          for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
        })(),
      ),
    );
    expect(await driver.store.size('documents/large')).toBe(bytes.length);
    expect(digest(await readAll(await driver.store.read('documents/large')))).toBe(digest(bytes));
    await driver.store.remove('documents/large');
  });

  it('leaves nothing behind when the body fails midway, small or multipart', async () => {
    for (const [key, size] of [
      ['documents/broken-small', 100_000],
      ['documents/broken-large', 11 * 1024 * 1024],
    ] as const) {
      await expect(driver.store.write(key, failingAfter(randomBytes(size)))).rejects.toThrow(/connection reset/);
      expect(await driver.store.size(key)).toBeNull();
    }
    expect(await driver.leftovers()).toEqual([]);
  });

  it('refuses keys that are not ours', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../b', 'Устав.pdf', 'a b', '']) {
      await expect(driver.store.write(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/Invalid storage key/);
    }
  });
});
