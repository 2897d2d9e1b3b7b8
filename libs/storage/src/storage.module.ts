import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@grants/config';
import { createFileStore } from './create-file-store';
import { FileStore } from './file-store';
import { S3FileStore } from './s3-file-store';

@Global()
@Module({
  providers: [{ provide: FileStore, inject: [AppConfig], useFactory: (c: AppConfig) => createFileStore(c.values) }],
  exports: [FileStore],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(private readonly store: FileStore) {}

  onApplicationShutdown() {
    if (this.store instanceof S3FileStore) this.store.close();
  }
}
