import type { IndicatorRow, ProgressRow, StatusBar, TrendSeries } from './bulletin-document.js';
import { dayNumber } from '../pace/calendar.js';
import type { StatusTone } from './status-tone.js';
import type { Rounding } from '../engine/wording.js';
import { escapeHtml, percentText } from './text-kit.js';

/** Traffic-light colours: strong (bars, lines) and light (badges). */
export const TONE_COLOURS: Readonly<Record<StatusTone, { readonly strong: string; readonly light: string; readonly ink: string }>> = {
  done: { strong: '#1b7f3b', light: '#d4ecd9', ink: '#0e4f22' },
  good: { strong: '#43a047', light: '#e2f3e3', ink: '#1e5e22' },
  warn: { strong: '#e6a100', light: '#fff0c2', ink: '#6b4a00' },
  bad: { strong: '#c62828', light: '#fbdada', ink: '#7f1414' },
  none: { strong: '#9e9e9e', light: '#ececec', ink: '#424242' },
  off: { strong: '#c8c8c8', light: '#f4f4f4', ink: '#757575' },
  other: { strong: '#3f6fb5', light: '#dde7f6', ink: '#1d3f73' },
};

/**
 * A coordinate for SVG: one decimal, never `-0`, never NaN or Infinity (they
 * would be invalid attributes), never an exponent. Numbers become binary
 * floats only here, at the last step.
 */
function fmt(value: number): string {
  const bounded = Number.isNaN(value) ? 0 : Math.min(1e6, Math.max(-1e6, value));
  const text = bounded.toFixed(1).replace(/\.0$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * The largest magnitude a chart computes with: far beyond any real rate or
 * progress, and small enough that spans and paddings of such numbers stay
 * finite (a 400-digit value is Infinity as a double, and Infinity − Infinity is NaN).
 */
const CHART_LIMIT = 1e15;

/** A decimal string as a number for drawing, clamped to ±{@link CHART_LIMIT}. */
const num = (decimal: string): number => {
  const value = Number(decimal);
  return Number.isNaN(value) ? 0 : Math.min(CHART_LIMIT, Math.max(-CHART_LIMIT, value));
};

/** The width of a scale from `lo` to `hi`, never 0 (values too close together for doubles to tell apart). */
const spanOf = (lo: number, hi: number): number => (hi - lo > 0 ? hi - lo : 1);

/** A horizontal bar per status, with its count. */
export function statusBarsSvg(bars: readonly StatusBar[], total: number): string {
  const rowHeight = 28;
  const labelWidth = 130;
  const barWidth = 420;
  const width = labelWidth + barWidth + 90;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const rows = bars.map((bar, i) => {
    const y = 4 + i * rowHeight;
    const length = (bar.count / max) * barWidth;
    return [
      `<text x="${labelWidth - 8}" y="${fmt(y + 18)}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${fmt(y + 5)}" width="${fmt(Math.max(length, 1))}" height="17" fill="${TONE_COLOURS[bar.tone].strong}"/>`,
      `<text x="${fmt(labelWidth + length + 6)}" y="${fmt(y + 18)}">${bar.count}项</text>`,
    ].join('');
  });
  const label = `状态分布（共${total}项）：${bars.map((bar) => `${bar.count}项${bar.label}`).join('，')}`;
  return `<svg class="status-bars" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeHtml(label)}</title>${rows.join('')}</svg>`;
}

/** A bullet chart of one task's progress (bar) against its 序时进度 (marker), with ticks at 0, 50% and 100%. */
export function progressBulletSvg(row: ProgressRow, rounding: Rounding = 'half-up'): string {
  const width = 320;
  const height = 30;
  const left = 8;
  const right = width - 8;
  const progress = num(row.progress);
  const expected = num(row.expected);
  const lo = Math.max(-0.5, Math.min(0, progress));
  const hi = Math.min(1.5, Math.max(1, progress));
  const x = (value: number) => left + ((Math.min(hi, Math.max(lo, value)) - lo) / (hi - lo)) * (right - left);
  const colour = TONE_COLOURS[row.tone];
  const bar = progress >= 0 ? [x(0), x(progress)] : [x(progress), x(0)];
  const parts = [
    `<rect x="${fmt(x(lo))}" y="6" width="${fmt(x(hi) - x(lo))}" height="14" fill="#f1f1f1"/>`,
    `<rect x="${fmt(x(0))}" y="6" width="${fmt(x(1) - x(0))}" height="14" fill="#e3e3e3"/>`,
    `<rect x="${fmt(bar[0]!)}" y="9" width="${fmt(Math.max(bar[1]! - bar[0]!, 0.5))}" height="8" fill="${colour.strong}"/>`,
    ...[0, 0.5, 1].map((tick) => `<line x1="${fmt(x(tick))}" x2="${fmt(x(tick))}" y1="20" y2="24" stroke="#888" stroke-width="1"/>`),
    `<line x1="${fmt(x(expected))}" x2="${fmt(x(expected))}" y1="3" y2="23" stroke="#222" stroke-width="2.5"/>`,
  ];
  if (progress > hi || progress < lo)
    parts.push(
      `<text x="${fmt(progress > hi ? right : left)}" y="29" text-anchor="${progress > hi ? 'end' : 'start'}" font-size="9">${progress > hi ? '»' : '«'}</text>`,
    );
  const label = `完成进度${percentText(row.progress, rounding)}，序时进度${percentText(row.expected, rounding)}`;
  return `<svg class="bullet-chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeHtml(label)}</title>${parts.join('')}</svg>`;
}

/** A bullet chart of a rate's value (bar from zero) against its target (marker); for `about`, the tolerance band is shaded. */
export function indicatorBulletSvg(row: IndicatorRow): string {
  const width = 320;
  const height = 30;
  const left = 8;
  const right = width - 8;
  const value = num(row.value);
  const target = num(row.target);
  // A tolerance is never negative; were it so, the band would get a negative width (an SVG error).
  const band = row.tolerance === null ? null : [target - Math.abs(num(row.tolerance)), target + Math.abs(num(row.tolerance))];
  const values = [0, value, target, ...(band ?? [])];
  const span = Math.max(...values) - Math.min(...values) || 1;
  const lo = Math.min(...values) - span * 0.08;
  const hi = Math.max(...values) + span * 0.08;
  const x = (v: number) => left + ((v - lo) / spanOf(lo, hi)) * (right - left);
  const colour = TONE_COLOURS[row.tone];
  const bar = value >= 0 ? [x(0), x(value)] : [x(value), x(0)];
  const parts = [
    `<rect x="${left}" y="6" width="${right - left}" height="14" fill="#f1f1f1"/>`,
    ...(band === null ? [] : [`<rect x="${fmt(x(band[0]!))}" y="6" width="${fmt(x(band[1]!) - x(band[0]!))}" height="14" fill="#dcdcdc"/>`]),
    `<rect x="${fmt(bar[0]!)}" y="9" width="${fmt(Math.max(bar[1]! - bar[0]!, 0.5))}" height="8" fill="${colour.strong}"/>`,
    `<line x1="${fmt(x(0))}" x2="${fmt(x(0))}" y1="4" y2="22" stroke="#888" stroke-width="1"/>`,
    `<line x1="${fmt(x(target))}" x2="${fmt(x(target))}" y1="3" y2="23" stroke="#222" stroke-width="2.5"/>`,
  ];
  const label = `实际${row.value}${row.unit}，目标${row.targetText}`;
  return `<svg class="bullet-chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeHtml(label)}</title>${parts.join('')}</svg>`;
}

/** Which dates to label on an x axis so that labels do not overlap: greedily from the left; the last date takes the place of a colliding label before it, unless that is the first. */
function dateLabels(xs: readonly number[], gap = 38): number[] {
  const shown: number[] = [];
  xs.forEach((x, i) => {
    const previous = shown.at(-1);
    if (previous === undefined || x - xs[previous]! >= gap) shown.push(i);
    else if (i === xs.length - 1 && shown.length > 1) shown[shown.length - 1] = i;
  });
  return shown;
}

/** A line chart of one task's actual values (solid) against expected ones (dashed) over the trend's dates. */
export function trendLineSvg(series: TrendSeries, rounding: Rounding = 'half-up'): string {
  const width = 360;
  const height = 170;
  const plot = { left: 46, right: width - 12, top: 12, bottom: height - 28 };
  const days = series.dates.map(dayNumber);
  const first = days[0] ?? 0;
  const last = days.at(-1) ?? first;
  const xAt = (i: number) => plot.left + (last === first ? 0.5 : ((days[i] ?? first) - first) / (last - first)) * (plot.right - plot.left);
  const numbers = [...series.actual, ...series.expected].filter((v): v is string => v !== null).map(num);
  const floor = series.mode === 'progress' ? [0, 1] : [0];
  const lo0 = Math.min(...numbers, ...floor);
  const hi0 = Math.max(...numbers, ...floor);
  const pad = (hi0 - lo0 || 1) * 0.06;
  const lo = lo0 - pad;
  const hi = hi0 + pad;
  const yAt = (v: number) => plot.bottom - ((v - lo) / spanOf(lo, hi)) * (plot.bottom - plot.top);
  const colour = TONE_COLOURS[series.tone].strong;
  const line = (values: readonly (string | null)[], attributes: string) => {
    const segments: string[][] = [[]];
    values.forEach((value, i) => {
      if (value === null) segments.push([]);
      else segments.at(-1)!.push(`${fmt(xAt(i))},${fmt(yAt(num(value)))}`);
    });
    return segments
      .filter((points) => points.length > 0)
      .map((points) => `<polyline points="${points.join(' ')}" fill="none" ${attributes}/>`)
      .join('');
  };
  const ticks = series.mode === 'progress' ? [0, 0.5, 1] : [...new Set([0, num(series.expected.find((v) => v !== null) ?? '0')])];
  const tickLabel = (tick: number) =>
    series.mode === 'progress' ? `${tick * 100}%` : `${series.expected.find((v) => v !== null && num(v) === tick) ?? String(tick)}${series.unit}`;
  const parts = [
    `<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="#fafafa" stroke="#ccc"/>`,
    ...ticks.map(
      (tick) =>
        `<line x1="${plot.left}" x2="${plot.right}" y1="${fmt(yAt(tick))}" y2="${fmt(yAt(tick))}" stroke="#e0e0e0"/><text x="${plot.left - 4}" y="${fmt(yAt(tick) + 4)}" text-anchor="end">${escapeHtml(tickLabel(tick))}</text>`,
    ),
    ...dateLabels(series.dates.map((_, i) => xAt(i))).map((i) => {
      const x = Math.min(plot.right - 14, Math.max(plot.left + 14, xAt(i)));
      return `<text x="${fmt(x)}" y="${height - 10}" text-anchor="middle">${escapeHtml(series.dates[i]!.slice(5))}</text>`;
    }),
    line(series.expected, 'stroke="#555" stroke-width="1.5" stroke-dasharray="5 4"'),
    line(series.actual, `stroke="${colour}" stroke-width="2.5"`),
    ...series.actual.map((value, i) => (value === null ? '' : `<circle cx="${fmt(xAt(i))}" cy="${fmt(yAt(num(value)))}" r="3" fill="${colour}"/>`)),
  ];
  const describe = (value: string | null) => (value === null ? '无数据' : series.mode === 'progress' ? percentText(value, rounding) : `${value}${series.unit}`);
  const label = `${series.title}:${series.dates.map((date, i) => `${date} 实际${describe(series.actual[i] ?? null)},${series.mode === 'progress' ? '序时' : '目标'}${describe(series.expected[i] ?? null)}`).join(';')}`;
  return `<svg class="trend-chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeHtml(label)}</title>${parts.join('')}</svg>`;
}
