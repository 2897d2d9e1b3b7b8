import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import * as CFB from 'cfb';

/*
 * Small real files of every kind the tests upload, built here so nothing binary is committed: each is
 * what the format's own readers accept (a PDF with a catalog and a page, an OOXML package with its
 * content types and main part, an OLE file with its main stream).
 */

/** A ZIP archive of stored (uncompressed) entries, in the order given. */
export function zipArchive(entries: Array<[name: string, content: string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const OOXML_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="MAIN"/></Relationships>`;

const contentTypes = (part: string, type: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`;

export const fixtures = {
  pdf(text = 'Устав организации'): Buffer {
    const body = [
      '%PDF-1.4',
      '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
      '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj',
      `% ${randomUUID()} ${Buffer.from(text).toString('hex')}`,
      'trailer <</Root 1 0 R>>',
      '%%EOF',
      '',
    ].join('\n');
    return Buffer.from(body, 'latin1');
  },

  docx(text = 'Смета проекта'): Buffer {
    return zipArchive([
      [
        '[Content_Types].xml',
        contentTypes(
          'word/document.xml',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        ),
      ],
      ['_rels/.rels', OOXML_RELS.replace('MAIN', 'word/document.xml')],
      [
        'word/document.xml',
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
      ],
    ]);
  },

  xlsx(): Buffer {
    return zipArchive([
      [
        '[Content_Types].xml',
        contentTypes('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
      ],
      ['_rels/.rels', OOXML_RELS.replace('MAIN', 'xl/workbook.xml')],
      [
        'xl/workbook.xml',
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Смета" sheetId="1"/></sheets></workbook>`,
      ],
    ]);
  },

  odt(): Buffer {
    return zipArchive([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      [
        'content.xml',
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
      ],
    ]);
  },

  /** An OLE compound file with the named streams (WordDocument: DOC, Workbook: XLS). */
  ole(...streams: string[]): Buffer {
    const container = CFB.utils.cfb_new();
    for (const name of streams) CFB.utils.cfb_add(container, `/${name}`, Buffer.from(`${name} ${randomUUID()}`));
    return Buffer.from(CFB.write(container, { type: 'buffer' }) as Buffer);
  },

  doc(): Buffer {
    return fixtures.ole('WordDocument', '1Table');
  },

  xls(): Buffer {
    return fixtures.ole('Workbook');
  },

  jpeg(): Buffer {
    return Buffer.from(
      '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
      'base64',
    );
  },

  png(): Buffer {
    return Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
  },

  rtf(): Buffer {
    return Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Устав\\par}', 'latin1');
  },

  /** A Windows executable's start (the MZ header and PE signature). */
  exe(): Buffer {
    const b = Buffer.alloc(1024);
    b.write('MZ', 0, 'latin1');
    b.writeUInt32LE(0x80, 0x3c);
    b.write('PE\0\0', 0x80, 'latin1');
    return b;
  },

  html(): Buffer {
    return Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
  },

  svg(): Buffer {
    return Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="10"/></svg>');
  },

  zip(): Buffer {
    return zipArchive([['readme.txt', 'not an office document']]);
  },
};

/** A multipart/form-data body: what HttpClient sends as is, with its boundary in the content type. */
export class MultipartBody {
  constructor(
    readonly payload: Buffer | Readable,
    readonly contentType: string,
  ) {}
}

export interface UploadPart {
  name: string;
  value?: string;
  file?: { fileName: string; content: Buffer; contentType?: string };
}

/** Builds a multipart body from fields and files, in the order given. */
export function multipart(parts: UploadPart[]): MultipartBody {
  const boundary = `----grants${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (part.file) {
      const quoted = part.file.fileName.replace(/"/g, '%22');
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${quoted}"\r\nContent-Type: ${part.file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        part.file.content,
        Buffer.from('\r\n'),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value ?? ''}\r\n`,
        ),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new MultipartBody(Buffer.concat(chunks), `multipart/form-data; boundary=${boundary}`);
}

/** The usual upload: `type` then `file`. */
export const documentUpload = (type: string, fileName: string, content: Buffer, contentType = 'application/pdf') =>
  multipart([
    { name: 'type', value: type },
    { name: 'file', file: { fileName, content, contentType } },
  ]);
