/**
 * Hand-drawn SVG charts for the analyst console (no charting library, nothing fetched). Stacked bars:
 * one bar per day, one colour per category; plus a legend, and a text table for screen readers.
 */
import { useI18n } from '../i18n/i18n.js';
import { categoryById } from '../lib/knowledge.js';

export interface DayCategoryCount {
  day: string;
  category: string;
  reports: number;
}

// Distinguishable on white (≥3:1 for graphics, WCAG 1.4.11).
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#ff7f0e', '#393b79', '#637939', '#8c6d31', '#843c39'];

export function StackedDayChart({ data, days }: { data: DayCategoryCount[]; days: string[] }) {
  const { t, l } = useI18n();
  const cats = [...new Set(data.map((d) => d.category))].sort();
  const color = (c: string) => PALETTE[cats.indexOf(c) % PALETTE.length]!;
  const totals = days.map((day) => data.filter((d) => d.day === day).reduce((s, d) => s + d.reports, 0));
  const max = Math.max(1, ...totals);
  const W = 640;
  const H = 220;
  const pad = { l: 32, r: 8, t: 10, b: 28 };
  const bw = (W - pad.l - pad.r) / Math.max(1, days.length);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const ticks = [0, Math.round(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  const name = (c: string) => (c === 'all' ? t('analyst.filter.all') : l(categoryById(c)?.name) || c);
  const step = Math.ceil(days.length / 8);

  return (
    <figure class="chart" data-testid="trend-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('analyst.chartLabel', { days: days.length })} preserveAspectRatio="xMidYMid meet">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} stroke="#d0d4da" stroke-width="1" />
            <text x={pad.l - 4} y={y(v) + 4} text-anchor="end" font-size="11" fill="#333">
              {v}
            </text>
          </g>
        ))}
        {days.map((day, i) => {
          let acc = 0;
          return (
            <g key={day}>
              {cats.map((c) => {
                const n = data.find((d) => d.day === day && d.category === c)?.reports ?? 0;
                if (!n) return null;
                const y0 = y(acc);
                acc += n;
                const y1 = y(acc);
                return (
                  <rect key={c} x={pad.l + i * bw + bw * 0.12} width={bw * 0.76} y={y1} height={Math.max(0, y0 - y1)} fill={color(c)}>
                    <title>{`${day} · ${name(c)}: ${n}`}</title>
                  </rect>
                );
              })}
              {/* Every step-th date, and the last one unless it would touch its neighbour. */}
              {((i % step === 0 && days.length - 1 - i >= step / 2) || i === days.length - 1) && (
                <text x={pad.l + i * bw + bw / 2} y={H - 10} text-anchor="middle" font-size="11" fill="#333">
                  {day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {cats.map((c) => (
            <li key={c}>
              <span class="swatch" style={{ background: color(c) }} aria-hidden="true" />
              {name(c)} ({data.filter((d) => d.category === c).reduce((s, d) => s + d.reports, 0)})
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The last `n` UTC days ending today, as YYYY-MM-DD. */
export function lastDays(n: number, now = Date.now()): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(new Date(now - i * 86_400_000).toISOString().slice(0, 10));
  return out;
}
