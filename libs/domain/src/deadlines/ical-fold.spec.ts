import { foldIcal, ICAL_LINE_OCTETS, unfoldIcal } from './ical-fold';

describe('iCalendar line folding', () => {
  const octetsOf = (text: string) => text.split('\r\n').map((l) => Buffer.byteLength(l));

  it('folds long lines at 75 octets, Cyrillic and emoji never split, and unfolds to the same text', () => {
    const lines = [
      'BEGIN:VCALENDAR',
      `SUMMARY:Окончание приёма заявок: ${'Конкурс социально значимых проектов «Город для всех» '.repeat(3)}`,
      `DESCRIPTION:${'ж'.repeat(37)}x${'я'.repeat(80)}`,
      `X-EMOJI:${'🙂'.repeat(40)}`,
      `URL:http://grants.test/${'a'.repeat(200)}`,
      'END:VCALENDAR',
      '',
    ];
    const text = lines.join('\r\n');
    const folded = foldIcal(text);
    for (const n of octetsOf(folded)) expect(n).toBeLessThanOrEqual(ICAL_LINE_OCTETS);
    // Each physical line is valid UTF-8 on its own (no sequence cut at a fold, no half surrogate pair).
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const line of folded.split('\r\n')) {
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(strict.decode(Buffer.from(line))).toBe(line);
    }
    expect(unfoldIcal(folded)).toBe(text);
    // Folding is stable: a folded feed folds to itself.
    expect(foldIcal(folded)).toBe(folded);
  });

  it('leaves short lines alone and uses the whole 75 octets', () => {
    expect(foldIcal('A:b\r\n')).toBe('A:b\r\n');
    const folded = foldIcal(`X:${'a'.repeat(200)}`).split('\r\n');
    expect(Buffer.byteLength(folded[0])).toBe(75);
    expect(Buffer.byteLength(folded[1])).toBe(75);
    expect(folded[1].startsWith(' ')).toBe(true);
  });
});
