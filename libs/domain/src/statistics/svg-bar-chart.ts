import { escapeHtml } from './russian-text';

export interface BarSeries {
  name: string;
  color: string;
  values: number[];
}

export interface BarChart {
  title: string;
  categories: string[];
  series: BarSeries[];
  /** How a value is written at the end of its bar. */
  format: (value: number) => string;
  /** The value of a full-width bar; defaults to the largest value. */
  max?: number;
}

const WIDTH = 720;
const LABEL = 240;
const BAR_AREA = 380;
const BAR = 18;
const GAP = 14;
const TOP = 56;

/**
 * A grouped horizontal bar chart as inline SVG: rendered on the server, no script, no external
 * assets, so the report prints and archives as one file. Every text is HTML-escaped.
 */
export function renderBarChart(chart: BarChart): string {
  const max = chart.max ?? Math.max(0, ...chart.series.flatMap((s) => s.values));
  const groupHeight = chart.series.length * BAR + GAP;
  const height = TOP + chart.categories.length * groupHeight + 10;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(chart.title)}" font-family="Arial, sans-serif" font-size="12">`,
    `<title>${escapeHtml(chart.title)}</title>`,
    `<text x="0" y="18" font-size="14" font-weight="bold">${escapeHtml(chart.title)}</text>`,
  );
  chart.series.forEach((s, i) => {
    const x = LABEL + i * 180;
    parts.push(
      `<rect x="${x}" y="28" width="12" height="12" fill="${escapeHtml(s.color)}"/>`,
      `<text x="${x + 18}" y="38">${escapeHtml(s.name)}</text>`,
    );
  });
  chart.categories.forEach((category, c) => {
    const y0 = TOP + c * groupHeight;
    parts.push(
      `<text x="${LABEL - 8}" y="${y0 + (chart.series.length * BAR) / 2 + 4}" text-anchor="end">${escapeHtml(truncate(category, 32))}</text>`,
    );
    chart.series.forEach((s, i) => {
      const value = s.values[c] ?? 0;
      const width = max > 0 ? Math.max(value > 0 ? 1 : 0, Math.round((value / max) * BAR_AREA)) : 0;
      const y = y0 + i * BAR;
      parts.push(
        `<rect x="${LABEL}" y="${y}" width="${width}" height="${BAR - 3}" fill="${escapeHtml(s.color)}"><title>${escapeHtml(`${category}, ${s.name}: ${chart.format(value)}`)}</title></rect>`,
        `<text x="${LABEL + width + 6}" y="${y + BAR - 6}">${escapeHtml(chart.format(value))}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Cyrillic at 12px runs about 7px a letter: 32 fit the label column. */
const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
