/**
 * Searches per need over the days, as stacked bars in plain SVG (no chart library: a few dozen
 * rectangles). Each need has its colour; the legend under it is also the chart's text alternative.
 */
import { addDays } from '../../common/opening/zoned-time';

export interface ChartSeries {
  key: string;
  label: string;
  /** Count per day, keyed by YYYY-MM-DD. */
  perDay: ReadonlyMap<string, number>;
}

/** Distinct on screen and in high contrast; cycled past twelve series. */
const COLOURS = ['#1b5e9e', '#c0392b', '#2e7d32', '#8e44ad', '#d35400', '#00838f', '#6d4c41', '#ad1457', '#455a64', '#9e7d00', '#283593', '#558b2f'];

const BAR = 24;
const GAP = 6;
const HEIGHT = 200;

export function UsageChart({ from, days, series, title }: { from: string; days: number; series: readonly ChartSeries[]; title: string }) {
  const dates = Array.from({ length: days }, (_, index) => addDays(from, index));
  const totals = dates.map((date) => series.reduce((sum, one) => sum + (one.perDay.get(date) ?? 0), 0));
  const top = Math.max(1, ...totals);
  const width = days * (BAR + GAP);
  return (
    <figure class="usage-chart" data-testid="staff-usage-chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT + 16}`} role="img" aria-label={title} preserveAspectRatio="none" class="usage-chart__svg">
        <line x1="0" y1={HEIGHT} x2={width} y2={HEIGHT} stroke="currentColor" stroke-width="1" />
        {dates.map((date, dayIndex) => {
          let y = HEIGHT;
          return (
            <g key={date} data-day={date} data-total={totals[dayIndex]}>
              {series.map((one, seriesIndex) => {
                const count = one.perDay.get(date) ?? 0;
                if (count === 0) return null;
                const height = (count / top) * (HEIGHT - 4);
                y -= height;
                return (
                  <rect
                    key={one.key}
                    x={dayIndex * (BAR + GAP)}
                    y={y}
                    width={BAR}
                    height={height}
                    fill={COLOURS[seriesIndex % COLOURS.length]}
                    data-series={one.key}
                    data-count={count}
                  />
                );
              })}
              {dayIndex % 7 === 0 && (
                <text x={dayIndex * (BAR + GAP)} y={HEIGHT + 14} font-size="11" fill="currentColor">
                  {date.slice(8)}/{date.slice(5, 7)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="usage-chart__legend">
          {series.map((one, index) => (
            <li key={one.key} data-series={one.key}>
              <span class="usage-chart__swatch" style={{ background: COLOURS[index % COLOURS.length] }} aria-hidden="true" />
              {one.label} : <strong>{[...one.perDay.values()].reduce((a, b) => a + b, 0)}</strong>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
