import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { assertKey, FileStore, StoredFileMissingError } from './file-store';

export interface S3FileStoreOptions {
  /** Empty for AWS itself; e.g. `http://127.0.0.1:9000` for MinIO, `https://storage.yandexcloud.net` for Yandex. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/** 5 MiB parts (S3's minimum), at most 4 in flight: an upload of any size holds about 20 MiB. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 4;

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

/** Objects in one bucket of any S3-compatible store; bodies go up as a streamed multipart upload. */
export class S3FileStore extends FileStore {
  readonly driver = 's3' as const;
  readonly client: S3Client;

  constructor(private readonly options: S3FileStoreOptions) {
    super();
    this.client = new S3Client({
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Checksums only when an operation requires them: several S3-compatible stores reject the newer headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async write(key: string, body: Readable): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: assertKey(key), Body: body },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      // A failed multipart upload is aborted, so its parts do not linger (and cost) in the bucket.
      leavePartsOnError: false,
    });
    // The body's own failure (a client gone, a size limit) is the cause to report, not a later abort error.
    let cause: unknown;
    body.once('error', (error) => (cause ??= error));
    try {
      await upload.done();
    } catch (error) {
      body.destroy();
      throw cause ?? error;
    }
  }

  async read(key: string): Promise<Readable> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: assertKey(key) }));
      return object.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new StoredFileMissingError(key);
      throw error;
    }
  }

  async size(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: assertKey(key) }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: assertKey(key) }));
  }

  /** Creates the bucket when it does not exist (development stores and tests; production buckets are provisioned). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
    } catch (error) {
      if (!isMissing(error)) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.options.bucket }));
    }
  }

  close() {
    this.client.destroy();
  }
}
