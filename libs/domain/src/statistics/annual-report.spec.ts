import { assistedHeadline } from './annual-report';
import { csvField, toGiving360Csv } from './giving360';
import { renderBarChart } from './svg-bar-chart';

describe('Annual report text, charts and 360Giving CSV', () => {
  it('words the headline in the Resource Center style, agreeing verb and participle with the number', () => {
    expect(assistedHeadline(2026, 5)).toBe(
      'В 2026 году грантовую поддержку получили 5 проектов, подготовленных с участием специалистов Ресурсного центра.',
    );
    expect(assistedHeadline(2026, 1)).toBe(
      'В 2026 году грантовую поддержку получил 1 проект, подготовленный с участием специалистов Ресурсного центра.',
    );
    expect(assistedHeadline(2026, 2)).toContain('получили 2 проекта, подготовленных');
    expect(assistedHeadline(2026, 21)).toContain('получил 21 проект, подготовленный');
    expect(assistedHeadline(2026, 11)).toContain('получили 11 проектов, подготовленных');
    expect(assistedHeadline(2026, 0)).toBe(
      'В 2026 году ни один проект, подготовленный с участием специалистов Ресурсного центра, не получил грантовой поддержки.',
    );
  });

  it('quotes CSV fields by RFC 4180 only where needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    const csv = toGiving360Csv([], { prefix: 'XI-RC', name: 'РЦ' });
    expect(csv.startsWith('\uFEFFIdentifier,Title,Description,Currency,Amount Awarded,Award Date,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('draws one bar per value, scaled to the largest, with every label escaped', () => {
    const svg = renderBarChart({
      title: 'Заявки <по> направлениям & "годам"',
      categories: ['Культура <b>', 'Спорт'],
      series: [{ name: 'Подано', color: '#123456', values: [10, 5] }],
      format: String,
    });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('Культура &lt;b&gt;');
    expect(svg).toContain('Заявки &lt;по&gt; направлениям &amp; &quot;годам&quot;');
    const widths = [...svg.matchAll(/<rect x="240" y="\d+" width="(\d+)" height="15"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([380, 190]);
  });
});
