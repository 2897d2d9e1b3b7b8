import { contentDisposition } from './content-disposition';

describe('contentDisposition (RFC 6266)', () => {
  it('carries the exact name in filename* and an ASCII stand-in in filename', () => {
    const header = contentDisposition('Устав АНО «Наш город» (ред. 2026).pdf');
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('Устав АНО «Наш город» (ред. 2026).pdf');
  });

  it('keeps quotes, backslashes, semicolons and line breaks out of the header syntax', () => {
    const header = contentDisposition('a"b\\c;d\r\ne\'f*.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split('; ')).toHaveLength(3);
    expect(header).toContain('filename="a_b_c;d__e\'f*.pdf"');
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('a"b\\c;d\r\ne\'f*.pdf');
  });
});
