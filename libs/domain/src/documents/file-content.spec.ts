import { Readable } from 'node:stream';
import { fixtures } from '@grants/testing';
import { detectContent, HEAD_BYTES } from './file-content';

const detect = (bytes: Buffer) =>
  detectContent(bytes.subarray(0, HEAD_BYTES), async () => Readable.from([bytes]), 1024 * 1024);

describe('detectContent: a file is what its bytes say', () => {
  it.each([
    ['pdf', fixtures.pdf(), 'application/pdf'],
    ['docx', fixtures.docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', fixtures.xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['odt', fixtures.odt(), 'application/vnd.oasis.opendocument.text'],
    ['doc', fixtures.doc(), 'application/msword'],
    ['xls', fixtures.xls(), 'application/vnd.ms-excel'],
    ['rtf', fixtures.rtf(), 'application/rtf'],
    ['jpg', fixtures.jpeg(), 'image/jpeg'],
    ['png', fixtures.png(), 'image/png'],
  ])('accepts %s', async (format, bytes, contentType) => {
    expect(await detect(bytes)).toEqual({ format, contentType });
  });

  it.each([
    ['an executable', fixtures.exe()],
    ['HTML', fixtures.html()],
    ['SVG', fixtures.svg()],
    ['a plain ZIP', fixtures.zip()],
    ['an OLE file that is neither DOC nor XLS (an MSI, a message)', fixtures.ole('Contents', 'SummaryInformation')],
    ['a broken OLE header', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3])],
    ['text', Buffer.from('Устав организации')],
  ])('refuses %s', async (_what, bytes) => {
    expect(await detect(bytes)).toBeNull();
  });

  it('refuses a ZIP whose OOXML main part is hidden past the head but is no Office document', async () => {
    const padded = Buffer.concat([fixtures.zip(), Buffer.alloc(HEAD_BYTES)]);
    expect(await detect(padded)).toBeNull();
  });
});
