import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './GroupedBars.module.css';

export interface BarSeries {
  /** The key of the value in each datum. */
  name: string;
  label: string;
  /** A Mantine colour, `blue.6`. */
  color: string;
}

const color = (c: string) => `var(--mantine-color-${c.replace('.', '-')})`;

/** The smallest 1, 2 or 5 × 10ⁿ (at least 1: the figures are counts) that splits `max` into at most 4 steps. */
function step(max: number): number {
  const rough = Math.max(max / 4, 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
}

/** A label split into at most two lines of about `chars` characters, the rest cut with an ellipsis. */
function lines(label: string, chars: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= chars || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  const cut = (s: string) => (s.length > chars ? `${s.slice(0, Math.max(chars - 1, 1))}…` : s);
  return out.length > 2 ? [cut(out[0]), cut(`${out[1]}…`)] : out.map(cut);
}

const LEFT = 40;
const RIGHT = 8;
const TOP = 20;
const BOTTOM = 44;

/**
 * A grouped bar chart drawn as SVG with the values written on the bars (counts on a 0-based axis of
 * whole numbers), sized to its container. Decorative: the caller gives the same figures as text.
 */
export function GroupedBars({
  data,
  series,
  height = 260,
}: {
  data: Array<Record<string, string | number>>;
  series: BarSeries[];
  height?: number;
}) {
  const { i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(Math.floor(el.getBoundingClientRect().width), 240));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const number = new Intl.NumberFormat(i18n.language);
  const max = Math.max(0, ...data.flatMap((d) => series.map((s) => Number(d[s.name]) || 0)));
  const unit = step(max);
  const top = Math.max(Math.ceil(max / unit), 1) * unit;
  const ticks = Array.from({ length: top / unit + 1 }, (_, i) => i * unit);
  const plotW = width - LEFT - RIGHT;
  const plotH = height - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const groupW = plotW / Math.max(data.length, 1);
  const barW = Math.min(56, (groupW * 0.8) / series.length);
  const chars = Math.max(Math.floor(groupW / 7), 4);
  return (
    <div className={classes.chart}>
      <ul className={classes.legend}>
        {series.map((s) => (
          <li key={s.name}>
            <span className={classes.swatch} style={{ background: color(s.color) }} />
            {s.label}
          </li>
        ))}
      </ul>
      <div ref={box} className={classes.box}>
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className={classes.svg}>
          {ticks.map((v) => (
            <g key={v}>
              <line
                x1={LEFT}
                x2={width - RIGHT}
                y1={y(v)}
                y2={y(v)}
                className={v === 0 ? classes.axis : classes.grid}
              />
              <text x={LEFT - 8} y={y(v) + 4} textAnchor="end" data-tick>
                {number.format(v)}
              </text>
            </g>
          ))}
          {data.map((d, i) => {
            const x0 = LEFT + i * groupW + (groupW - barW * series.length) / 2;
            return (
              <g key={i}>
                {series.map((s, j) => {
                  const v = Number(d[s.name]) || 0;
                  const x = x0 + j * barW;
                  return (
                    <g key={s.name}>
                      <rect
                        x={x + 1}
                        y={y(v)}
                        width={barW - 2}
                        height={TOP + plotH - y(v)}
                        fill={color(s.color)}
                        rx={2}
                      />
                      <text x={x + barW / 2} y={y(v) - 5} textAnchor="middle" className={classes.value} data-value>
                        {number.format(v)}
                      </text>
                    </g>
                  );
                })}
                {lines(String(d.name), chars).map((line, k) => (
                  <text
                    key={k}
                    x={LEFT + (i + 0.5) * groupW}
                    y={TOP + plotH + 18 + k * 15}
                    textAnchor="middle"
                    data-label={i}
                  >
                    {line}
                  </text>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
