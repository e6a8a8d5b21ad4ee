// Warnings that keep a wrong bulletin from going out (#12): the as-of date defaulted to
// today, outside the plan's period, or long after the latest figures. The library carries
// them in the evaluation (and so in the JSON output); the CLI prints them on stderr.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  evaluatePlan,
  evaluatePlanSync,
  formatEvaluation,
  formatEvaluationJsonChunks,
  parsePlan,
  evaluatePlanStream,
  STALE_AFTER_DAYS,
  type Plan,
} from '../../src/index.js';
import { ROOT, runCli } from '../hostile/run-cli.js';

const xuchang = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('examples/xuchang-2017-h1.plan.json', `file://${ROOT}/`), 'utf8')) as Record<string, unknown>;
const plan = (change: (raw: Record<string, unknown>) => void = () => {}): Plan => {
  const raw = xuchang();
  change(raw);
  return parsePlan(raw);
};
const codes = (evaluation: { warnings: readonly { code: string }[] }) => evaluation.warnings.map((warning) => warning.code);
// 2026-12-03 12:00 in China.
const NOW = Date.UTC(2026, 11, 3, 4);

describe('evaluation warnings', () => {
  it('are empty for a plan evaluated at its own date', async () => {
    expect((await evaluatePlan(plan())).warnings).toEqual([]);
    expect(evaluatePlanSync(plan(), { asOf: '2017-09-30' }).warnings).toEqual([]);
  });

  it('say when the as-of date was today’s because nobody gave one, and that it lies past the plan', async () => {
    const undated = plan((raw) => delete raw.asOf);
    const evaluation = await evaluatePlan(undated, { now: NOW });
    expect(evaluation.asOf).toBe('2026-12-03');
    expect(codes(evaluation)).toEqual(['as-of-defaulted', 'as-of-outside-period', 'stale-data']);
    expect(evaluation.warnings[0]!.message).toMatch(/^未指定评估日期，计划也没有 asOf，已按今天（2026年12月3日）评估/);
    // Given explicitly, the same date is a choice: no as-of-defaulted.
    expect(codes(await evaluatePlan(undated, { asOf: '2026-12-03' }))).toEqual(['as-of-outside-period', 'stale-data']);
  });

  it('say when the date lies before the plan’s start', async () => {
    const evaluation = evaluatePlanSync(plan(), { asOf: '2016-12-31' });
    expect(codes(evaluation)).toEqual(['as-of-outside-period']);
    expect(evaluation.warnings[0]!.message).toContain('评估日期2016年12月31日在计划期（2017年1月1日至2017年12月31日）开始之前');
  });

  it(`say when the latest figure is more than ${STALE_AFTER_DAYS} days older than the date, and not at ${STALE_AFTER_DAYS}`, () => {
    // 许昌's latest figures are of 2017-06-30.
    expect(codes(evaluatePlanSync(plan(), { asOf: '2017-09-30' }))).toEqual([]);
    expect(codes(evaluatePlanSync(plan(), { asOf: '2017-10-01' }))).toEqual(['stale-data']);
  });

  it('are in the JSON output, the same in every path that writes it', async () => {
    const evaluation = evaluatePlanSync(plan(), { asOf: '2017-12-31' });
    const json = JSON.parse(formatEvaluation(evaluation, 'json')) as { warnings: unknown[] };
    expect(json.warnings).toEqual(evaluation.warnings);
    expect([...formatEvaluationJsonChunks(evaluatePlanStream(plan(), { asOf: '2017-12-31' }))].join('')).toBe(formatEvaluation(evaluation, 'json'));
    expect(evaluatePlanStream(plan(), { asOf: '2017-12-31' }).warnings).toEqual(evaluation.warnings);
  });

  it('are printed on stderr by evaluate (every format and engine) and report, with stdout carrying them only in JSON', async () => {
    const file = `${ROOT}/examples/ezhou-2014.plan.json`;
    for (const args of [
      ['evaluate', file],
      ['evaluate', file, '--format', 'json'],
      ['evaluate', file, '--format', 'json', '--engine', 'json-rules-engine'],
      ['report', file],
    ]) {
      const { status, stdout, stderr } = await runCli([...args, '--as-of', '2015-03-31']);
      expect(status, args.join(' ')).toBe(0);
      const lines = stderr.split('\n').filter((line) => line.includes('warning'));
      expect(lines, args.join(' ')).toEqual([
        expect.stringMatching(/^duban: 警告 \/ warning: 评估日期2015年3月31日在计划期（2014年1月1日至2014年12月31日）结束之后/),
      ]);
      if (args.includes('json'))
        expect((JSON.parse(stdout.toString('utf8')) as { warnings: { code: string }[] }).warnings.map((w) => w.code)).toEqual(['as-of-outside-period']);
      else expect(stdout.toString('utf8')).not.toContain('warning');
    }
  });
});
