/**
 * `duban extract` on seed 003 piped into `duban evaluate` must give the same
 * statuses as the hand-written example examples/xianning-2018-q1.plan.json
 * for the tasks they share. Tasks are matched one to one by target: same kind,
 * same value in compatible units, same bound, measures alike (the rules of
 * score.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parsePlan, type Task } from '../../src/index.js';
import { MEASURE_THRESHOLD, measureSimilarity, sameQuantity } from './score.js';

const seed = new URL('./seeds/003_77440ee1c208de8a.txt', import.meta.url);
const example = new URL('../../examples/xianning-2018-q1.plan.json', import.meta.url);

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: () => stdin, now: Date.UTC(2018, 5, 30, 12) });
  return { status, stdout, stderr };
}

interface Row {
  readonly taskId: string;
  readonly status: string | null;
}

function sameTarget(a: Task, b: Task): boolean {
  const x = a.target;
  const y = b.target;
  if (x.kind !== y.kind || !('value' in x) || !('value' in y)) return false;
  if (x.kind === 'rate' && y.kind === 'rate' && (x.bound ?? 'atLeast') !== (y.bound ?? 'atLeast')) return false;
  return sameQuantity(y.value, y.unit, x.value, x.unit) && measureSimilarity(x.measure, y.measure) >= MEASURE_THRESHOLD;
}

describe('duban extract | duban evaluate on seed 003 against the hand-written example', () => {
  it('gives the statuses of the hand-written example for every task they share', async () => {
    const extracted = await run(['extract', seed.pathname]);
    expect(extracted.status).toBe(0);
    const piped = await run(['evaluate', '-', '--format', 'json', '--as-of', '2018-03-31', '--rules', 'four-level'], extracted.stdout);
    expect(piped.status).toBe(0);
    const reference = await run(['evaluate', example.pathname, '--format', 'json', '--as-of', '2018-03-31', '--rules', 'four-level']);
    expect(reference.status).toBe(0);

    const draft = parsePlan(extracted.stdout);
    const handWritten = parsePlan(readFileSync(example, 'utf8'));
    const draftStatus = new Map((JSON.parse(piped.stdout).results as Row[]).map((r) => [r.taskId, r.status]));
    const exampleStatus = new Map((JSON.parse(reference.stdout).results as Row[]).map((r) => [r.taskId, r.status]));

    const used = new Set<Task>();
    const shared: { example: Task; draft: Task }[] = [];
    for (const task of handWritten.tasks) {
      let best: Task | undefined;
      let bestScore = -1;
      for (const candidate of draft.tasks) {
        if (used.has(candidate) || !sameTarget(task, candidate)) continue;
        const score = measureSimilarity('measure' in task.target ? task.target.measure : '', 'measure' in candidate.target ? candidate.target.measure : '');
        if (score > bestScore) {
          best = candidate;
          bestScore = score;
        }
      }
      if (best !== undefined) {
        used.add(best);
        shared.push({ example: task, draft: best });
      }
    }
    const disagreements = shared
      .filter(({ example: e, draft: d }) => exampleStatus.get(e.id) !== draftStatus.get(d.id))
      .map(({ example: e, draft: d }) => `${e.id} ${exampleStatus.get(e.id)} ≠ ${d.id} ${draftStatus.get(d.id)}`);
    const unmatched = handWritten.tasks.filter((t) => !shared.some((s) => s.example === t)).map((t) => `${t.id} ${t.title}`);
    // The example models the bulletin's prose as milestones and yes/no tasks (seed 003 gives no
    // figures for them), which the extractor does not draft: the share counts the quantitative tasks.
    const quantitative = handWritten.tasks.filter((t) => t.target.kind === 'cumulative' || t.target.kind === 'level' || t.target.kind === 'rate');
    const share = shared.filter((s) => quantitative.includes(s.example)).length / quantitative.length;
    console.log(
      `\nseed 003 → duban extract | duban evaluate vs examples/xianning-2018-q1.plan.json (four-level, 2018-03-31):\n` +
        `  shared tasks ${shared.length}/${handWritten.tasks.length}, of the quantitative ${(share * 100).toFixed(1)}%, same status ${shared.length - disagreements.length}/${shared.length}\n` +
        `  not in the draft: ${unmatched.join('; ')}\n`,
    );
    // T20 (57个乡镇污水处理厂建成): seed 003 reports only 已开工27个; the example counts started plants
    // by an analyst's choice (its x-note says so), the extractor rightly does not take 开工 for 建成.
    expect(disagreements.filter((line) => !line.startsWith('T20 '))).toEqual([]);
    // The example also models qualitative work (milestones, binary) and two targets the text only implies; the rest must be shared.
    expect(share).toBeGreaterThanOrEqual(0.85);
  });
});
