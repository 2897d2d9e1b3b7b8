import { PassThrough, Readable } from 'node:stream';
import * as CFB from 'cfb';
import { fileTypeFromBuffer, fileTypeFromStream } from 'file-type';

/** The formats an applicant may attach (API.md), by the extension file-type reports, with the type we serve them as. */
export const ALLOWED_CONTENT = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  rtf: 'application/rtf',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;

export type AllowedFormat = keyof typeof ALLOWED_CONTENT;

export interface DetectedContent {
  format: AllowedFormat;
  contentType: string;
}

/** Bytes of the file's start that decide most formats (file-type's own sample is 4,100). */
export const HEAD_BYTES = 64 * 1024;

const ZIP_FORMATS = new Set<string>(['docx', 'xlsx', 'odt', 'ods']);
const allowed = (format: string): DetectedContent | null =>
  Object.hasOwn(ALLOWED_CONTENT, format)
    ? { format: format as AllowedFormat, contentType: ALLOWED_CONTENT[format as AllowedFormat] }
    : null;

/**
 * What a file is, from its bytes only (never the client's name or MIME type); null when it is not one of
 * the allowed formats. `head` is the file's start; containers are opened from `whole`:
 * - a ZIP counts only as DOCX/XLSX (its `[Content_Types].xml` names the main part) or ODT/ODS (its
 *   `mimetype` entry), read through the whole archive, so a plain archive, a JAR or an APK is refused;
 * - an OLE compound file counts only as DOC (a `WordDocument` stream) or XLS (`Workbook`/`Book`), so an
 *   MSI installer or an Outlook message is refused. `maxBytes` bounds what is read for it.
 */
export async function detectContent(
  head: Uint8Array,
  whole: () => Promise<Readable>,
  maxBytes: number,
): Promise<DetectedContent | null> {
  const first = await fileTypeFromBuffer(head);
  if (!first) return null;
  if (first.ext === 'zip' || ZIP_FORMATS.has(first.ext)) {
    const stream = await whole();
    // A byte stream whatever the source gave (file-type's reader cannot take object-mode streams).
    const bytes = stream.pipe(new PassThrough());
    try {
      const full = await fileTypeFromStream(bytes);
      return full && ZIP_FORMATS.has(full.ext) ? allowed(full.ext) : null;
    } finally {
      stream.destroy();
      bytes.destroy();
    }
  }
  if (first.ext === 'cfb') return oleFormat(await readAtMost(await whole(), maxBytes));
  return allowed(first.ext);
}

/** DOC and XLS are OLE compound files; the streams inside say which (MS-DOC, MS-XLS). */
export function oleFormat(bytes: Buffer): DetectedContent | null {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    return null;
  }
  const names = new Set(container.FileIndex.filter((e) => e.type === 2).map((e) => e.name));
  if (names.has('WordDocument')) return allowed('doc');
  if (names.has('Workbook') || names.has('Book')) return allowed('xls');
  return null;
}

async function readAtMost(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) break;
      chunks.push(chunk as Buffer);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}
