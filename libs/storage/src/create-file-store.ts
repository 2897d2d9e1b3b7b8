import { AppConfigValues } from '@grants/config';
import { FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

type StorageSettings = Pick<
  AppConfigValues,
  | 'STORAGE_DRIVER'
  | 'STORAGE_DIR'
  | 'S3_ENDPOINT'
  | 'S3_REGION'
  | 'S3_BUCKET'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_FORCE_PATH_STYLE'
>;

/** The configured driver: STORAGE_DRIVER=local (default) or s3. */
export function createFileStore(c: StorageSettings): FileStore {
  if (c.STORAGE_DRIVER === 's3') {
    return new S3FileStore({
      endpoint: c.S3_ENDPOINT || undefined,
      region: c.S3_REGION,
      bucket: c.S3_BUCKET,
      accessKeyId: c.S3_ACCESS_KEY_ID,
      secretAccessKey: c.S3_SECRET_ACCESS_KEY,
      forcePathStyle: c.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalFileStore(c.STORAGE_DIR);
}
