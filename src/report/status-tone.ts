import type { FactsJson } from '../pace/fact-values.js';

/**
 * The traffic-light tones a status is drawn in, as a closed list: `done`
 * (dark green, the target is reached), `good` (green, at or ahead of 序时进度),
 * `warn` (amber, behind), `bad` (red, a problem or overdue), `none` (grey, no
 * data reported), `off` (light grey, cancelled) and `other` (blue, anything
 * else).
 *
 * @category Report
 */
export const STATUS_TONES = ['done', 'good', 'warn', 'bad', 'none', 'off', 'other'] as const;

/**
 * A traffic-light tone, one of {@link STATUS_TONES}.
 *
 * @category Report
 */
export type StatusTone = (typeof STATUS_TONES)[number];

/** The tones of the status codes of the bundled rule sets. */
const BUNDLED_TONES: Readonly<Record<string, StatusTone>> = {
  done: 'done',
  completed: 'good',
  green: 'good',
  'on-track': 'good',
  partial: 'warn',
  'needs-effort': 'warn',
  yellow: 'warn',
  problem: 'bad',
  'not-completed': 'bad',
  red: 'bad',
  'no-data': 'none',
  cancelled: 'off',
};

/** The tone the facts of one task suggest, for statuses duban does not know. */
export function factTone(facts: FactsJson): StatusTone {
  if (facts.cancelled) return 'off';
  if (facts.overdue || facts.flags.includes('problem')) return 'bad';
  if (!facts.hasData) return 'none';
  if (facts.met === true) return 'done';
  if (facts.onPace === true) return 'good';
  return 'warn';
}

/**
 * The tone of every status: the caller's choice, else the bundled rule sets'
 * (`done` → done; `completed`, `on-track`, `green` → good; `partial`,
 * `needs-effort`, `yellow` → warn; `problem`, `not-completed`, `red` → bad;
 * `no-data` → none; `cancelled` → off), else the tone most of its tasks' facts
 * suggest (ties go to the more severe tone), else `other`.
 */
export function statusTones(
  statuses: readonly string[],
  tasksByStatus: ReadonlyMap<string, readonly FactsJson[]>,
  overrides: Readonly<Record<string, StatusTone>> = {},
): Map<string, StatusTone> {
  const severity: readonly StatusTone[] = ['bad', 'warn', 'none', 'good', 'done', 'off', 'other'];
  const tones = new Map<string, StatusTone>();
  for (const code of statuses) {
    const chosen = Object.hasOwn(overrides, code) ? overrides[code] : Object.hasOwn(BUNDLED_TONES, code) ? BUNDLED_TONES[code] : undefined;
    if (chosen !== undefined) {
      tones.set(code, chosen);
      continue;
    }
    const counts = new Map<StatusTone, number>();
    for (const facts of tasksByStatus.get(code) ?? []) counts.set(factTone(facts), (counts.get(factTone(facts)) ?? 0) + 1);
    let best: StatusTone = 'other';
    let bestCount = 0;
    for (const tone of severity) {
      const count = counts.get(tone) ?? 0;
      if (count > bestCount) {
        best = tone;
        bestCount = count;
      }
    }
    tones.set(code, best);
  }
  return tones;
}
