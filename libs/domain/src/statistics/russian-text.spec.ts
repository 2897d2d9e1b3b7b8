import { agrees, countOf, escapeHtml, formatPercent, formatRubles, NOUNS, pluralForm } from './russian-text';

describe('Russian text helpers', () => {
  it.each([
    [1, 'проект'],
    [2, 'проекта'],
    [4, 'проекта'],
    [5, 'проектов'],
    [11, 'проектов'],
    [12, 'проектов'],
    [14, 'проектов'],
    [21, 'проект'],
    [22, 'проекта'],
    [25, 'проектов'],
    [111, 'проектов'],
    [0, 'проектов'],
  ])('%i → %s', (n, form) => {
    expect(pluralForm(n, NOUNS.project)).toBe(form);
  });

  it('agrees verbs with numerals and formats money and rates the Russian way', () => {
    expect(agrees(21, 'получил', 'получили')).toBe('получил');
    expect(agrees(11, 'получил', 'получили')).toBe('получили');
    expect(countOf(1234, NOUNS.application)).toBe('1\u00a0234 заявки');
    expect(formatRubles('1234567.50')).toBe('1\u00a0234\u00a0567,50\u00a0руб.');
    expect(formatPercent(0.4286)).toBe('42,9\u00a0%');
    expect(formatPercent(0.5)).toBe('50\u00a0%');
    expect(escapeHtml(`<b>"Наш" & 'ваш'</b>`)).toBe('&lt;b&gt;&quot;Наш&quot; &amp; &#39;ваш&#39;&lt;/b&gt;');
  });
});
