import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@grants/config';
import { FileStore } from '@grants/storage';
import { DomainError, invalid } from '../shared/domain-error';
import { fileTooLarge, unsupportedFileType } from './documents.errors';
import { detectContent, HEAD_BYTES } from './file-content';

/** A checked file in the store: what a document row records about it. */
export interface StoredFile {
  storageKey: string;
  size: number;
  sha256: string;
  contentType: string;
}

/**
 * Takes an uploaded file into the store, whatever it is attached to (application documents, grant
 * reports): streamed (never held whole in memory), counted against UPLOAD_MAX_MB, hashed, and checked
 * by its content. A file that fails any check is removed before the error is thrown, so the caller
 * only has to discard() a stored file when its own transaction fails afterwards.
 */
@Injectable()
export class StoredFilesService {
  private readonly logger = new Logger(StoredFilesService.name);
  readonly maxBytes: number;

  constructor(
    private readonly store: FileStore,
    config: AppConfig,
  ) {
    this.maxBytes = config.values.UPLOAD_MAX_MB * 1024 * 1024;
  }

  /** Stores `source` under a fresh key below `prefix` (e.g. `applications/<id>`). */
  async put(prefix: string, source: Readable): Promise<StoredFile> {
    const storageKey = `${prefix}/${randomUUID()}`;
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    const maxBytes = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(fileTooLarge(maxBytes));
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLength);
          head.push(part);
          headLength += part.length;
        }
        done(null, chunk);
      },
    });
    // The source's failure (a client gone, the multipart size limit) reaches the store through the meter.
    pipeline(source, meter, () => undefined);
    try {
      await this.store.write(storageKey, meter);
    } catch (error) {
      await this.discard(storageKey);
      throw asUploadError(error, maxBytes);
    }
    try {
      if (size === 0) throw invalid('file must not be empty');
      const content = await detectContent(Buffer.concat(head), () => this.store.read(storageKey), maxBytes);
      if (!content) throw unsupportedFileType();
      return { storageKey, size, sha256: hash.digest('hex'), contentType: content.contentType };
    } catch (error) {
      await this.discard(storageKey);
      throw error;
    }
  }

  open(storageKey: string): Promise<Readable> {
    return this.store.read(storageKey);
  }

  /** Removes a stored file; a failure is logged, not thrown (the caller is already handling another error). */
  async discard(storageKey: string): Promise<void> {
    try {
      await this.store.remove(storageKey);
    } catch (error) {
      this.logger.warn(`Could not remove stored file ${storageKey}: ${(error as Error).message}`);
    }
  }
}

/** The multipart parser's own size limit and ours are the same 413. */
function asUploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof DomainError) return error;
  const e = error as { code?: string; statusCode?: number };
  if (e?.code === 'FST_REQ_FILE_TOO_LARGE' || e?.statusCode === 413) return fileTooLarge(maxBytes);
  return error;
}
