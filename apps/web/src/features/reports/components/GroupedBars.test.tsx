import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { GroupedBars } from './GroupedBars';

await i18next.use(initReactI18next).init({ lng: 'ru', resources: { ru: { translation: {} } } });

const series = [
  { name: 'submitted', label: 'Подано заявок', color: 'blue.6' },
  { name: 'awarded', label: 'Поддержано проектов', color: 'teal.7' },
];
const texts = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((t) => t.textContent);

describe('GroupedBars', () => {
  it('draws counts on a whole-number axis with every value written on its bar', () => {
    const { container } = render(
      <GroupedBars
        series={series}
        data={[
          { name: 'С консультацией', submitted: 3, awarded: 2 },
          { name: 'Без консультации', submitted: 1, awarded: 0 },
        ]}
      />,
    );
    expect(texts(container, 'li')).toEqual(['Подано заявок', 'Поддержано проектов']);
    const svg = container.querySelector('svg')!;
    // Four ticks 0..3, then per group its bars' values and its label.
    expect(texts(svg, '[data-tick]')).toEqual(['0', '1', '2', '3']);
    expect(texts(svg, '[data-value]')).toEqual(['3', '2', '1', '0']);
    const heights = [...svg.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height')));
    expect(heights[0]).toBeGreaterThan(0);
    expect(heights[1]).toBeCloseTo((heights[0] * 2) / 3);
    expect(heights[2]).toBeCloseTo(heights[0] / 3);
    expect(heights[3]).toBe(0);
    // Under each group its label, split into lines that fit the group.
    expect(texts(svg, '[data-label="0"]').join(' ')).toBe('С консультацией');
    expect(texts(svg, '[data-label="1"]').join(' ')).toBe('Без консультации');
  });

  it('rounds the axis up to 1, 2 or 5 × 10ⁿ steps, written Russian style, and survives all zeros', () => {
    const big = render(<GroupedBars series={series} data={[{ name: 'А', submitted: 1234, awarded: 0 }]} />);
    expect(texts(big.container.querySelector('svg')!, '[data-tick]')).toEqual(['0', '500', '1\u00a0000', '1\u00a0500']);
    const none = render(<GroupedBars series={series} data={[{ name: 'Б', submitted: 0, awarded: 0 }]} />);
    expect(texts(none.container.querySelector('svg')!, '[data-tick]')).toEqual(['0', '1']);
  });

  it('cuts a long label to two lines with an ellipsis when groups are narrow', () => {
    const long = 'Социальная поддержка и защита граждан старшего поколения в малых городах края';
    const { container } = render(
      <GroupedBars series={series} data={[1, 2, 3].map((i) => ({ name: `${long} ${i}`, submitted: i, awarded: 1 }))} />,
    );
    const labels = container.querySelectorAll('[data-label="0"]');
    expect(labels).toHaveLength(2);
    expect(labels[1].textContent).toMatch(/…$/);
  });
});
