import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertKey, FileStore, StoredFileMissingError } from './file-store';

/** Files under one directory; a key maps to a path below it, written to a temporary name and renamed. */
export class LocalFileStore extends FileStore {
  readonly driver = 'local' as const;
  private readonly root: string;

  constructor(directory: string) {
    super();
    this.root = resolve(directory);
  }

  private path(key: string) {
    return join(this.root, ...assertKey(key).split('/'));
  }

  async write(key: string, body: Readable): Promise<void> {
    const target = this.path(key);
    // The temporary name never matches a key (keys have no dots), so a crash mid-write leaves no object.
    const partial = `${target}.${randomUUID()}.part`;
    try {
      await mkdir(dirname(target), { recursive: true });
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      body.destroy();
      await rm(partial, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const path = this.path(key);
    // Opened before it is returned, so a missing file is an error here and not in the middle of a response.
    const stream = createReadStream(path);
    await new Promise<void>((done, fail) => {
      stream.once('open', () => done());
      stream.once('error', (error: NodeJS.ErrnoException) =>
        fail(error.code === 'ENOENT' ? new StoredFileMissingError(key) : error),
      );
    });
    return stream;
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.path(key))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
