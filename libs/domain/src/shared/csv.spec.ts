import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('neutralises every cell a spreadsheet would read as a formula, keeping it readable', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+cmd|" /C calc"!A0', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1'];
    for (const s of hostile) {
      const cell = csvCell(s);
      expect(cell.startsWith(`"'`)).toBe(true);
      // Unquoted, the cell is the original text behind one single quote.
      expect(cell.slice(1, -1).replace(/""/g, '"')).toBe(`'${s}`);
    }
    expect(csvCell('-5%')).toBe(`"'-5%"`);
  });

  it('leaves ordinary text and numbers alone, and quotes as RFC 4180 says', () => {
    expect(csvCell('Серебряное волонтерство')).toBe('Серебряное волонтерство');
    expect(csvCell('a=b, c')).toBe('"a=b, c"');
    expect(csvCell('Фонд "Север"')).toBe('"Фонд ""Север"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(240000.5)).toBe('240000.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes CRLF rows with an optional BOM', () => {
    expect(toCsv(['a', 'b'], [['1', 2]])).toBe('a,b\r\n1,2\r\n');
    expect(toCsv(['a'], [], { bom: true })).toBe('\uFEFFa\r\n');
  });
});
