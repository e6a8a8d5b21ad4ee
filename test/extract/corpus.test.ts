/**
 * Quality of `extractPlan` on the corpus of real documents duban was not
 * written against (test/extract/corpus/README.md): recall and precision per
 * document kind, separately for the tuning half and the held-out test half,
 * with default options. The matching rules are those of score.ts.
 *
 * A bulletin's own verdicts (未达到序时进度, 低于目标) are compared with the
 * four-level status `evaluatePlan` gives the drafted plan at the bulletin's
 * date, for the targets the draft has a figure for (what `duban extract |
 * duban evaluate - --rules four-level` prints); the verdicts kept as x-verdict
 * are counted too.
 *
 * Only the tuning half's floor is asserted; the test half's figures are
 * printed, never used to tune the extractor, and asserted only at the floor
 * they actually reach. The test half came in two batches (gold field `batch`:
 * absent = the first 14 documents, 2 = the 18 added because the first was too
 * small to measure a 90% goal, 3 = the 15 added for the same reason, 4 = the 19 added on 2026-12-04, mostly bulletins, to measure
 * this session's rules on documents nobody had seen); its aggregates are printed per batch too —
 * aggregates only, never per document or per item.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DubanError, evaluatePlanSync, extractPlan, parsePlan, type Plan } from '../../src/index.js';
import { score, type Gold, type GoldTarget } from './score.js';

interface CorpusTarget extends GoldTarget {
  readonly owner?: string;
  readonly verdict?: string;
}

interface CorpusGold {
  readonly document: string;
  readonly city: string;
  readonly kind: 'report' | 'decomposition' | 'bulletin';
  readonly half: 'tune' | 'test';
  /** Test half only: the batch the document came in (absent = the first). */
  readonly batch?: number;
  readonly url: string;
  readonly year: number;
  readonly asOf?: string;
  readonly note: string;
  readonly targets: readonly CorpusTarget[];
}

const HALVES = ['tune', 'test'] as const;
/** The test half's batches, tallied apart besides the whole half. */
const TEST_BATCHES = [1, 2, 3, 4] as const;
const KINDS = ['report', 'decomposition', 'bulletin'] as const;
/** Verdicts of a bulletin that say a target is behind its expected progress. */
const BEHIND = /未达到序时进度|低于目标|滞后|未达预期|有一定困难|慢了|慢于|落后/u;
/** duban statuses (four-level) that agree with such a verdict. */
const BEHIND_STATUSES = new Set(['needs-effort', 'problem']);

interface Tally {
  documents: number;
  lost: number;
  /** Drafts whose plan period is the gold list's year. */
  yearRight: number;
  /** Documents refused for naming no year and drafted once the year was given (as the message asks). */
  yearGiven: number;
  /** Bulletins refused for naming no period and drafted once the reporting date was given (as the message asks). */
  dateGiven: number;
  kindRight: number;
  gold: number;
  extracted: number;
  matched: number;
  goldFigures: number;
  extractedFigures: number;
  matchedFigures: number;
  owners: number;
  ownersRight: number;
  deadlines: number;
  deadlinesRight: number;
  verdicts: number;
  verdictsKept: number;
  verdictsJudged: number;
  verdictsAgree: number;
}

const empty = (): Tally => ({
  documents: 0,
  lost: 0,
  yearRight: 0,
  yearGiven: 0,
  dateGiven: 0,
  kindRight: 0,
  gold: 0,
  extracted: 0,
  matched: 0,
  goldFigures: 0,
  extractedFigures: 0,
  matchedFigures: 0,
  owners: 0,
  ownersRight: 0,
  deadlines: 0,
  deadlinesRight: 0,
  verdicts: 0,
  verdictsKept: 0,
  verdictsJudged: 0,
  verdictsAgree: 0,
});

function load(half: (typeof HALVES)[number]): { gold: CorpusGold; text: string }[] {
  const folder = new URL(`./corpus/${half}/`, import.meta.url);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const gold = JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as CorpusGold;
      return { gold, text: readFileSync(new URL(gold.document, folder), 'utf8') };
    });
}

/** Whether duban's status (four-level, at the bulletin's date) agrees with the document's own verdict: behind ↔ needs-effort or problem. */
function verdictAgrees(verdict: string, status: string): boolean {
  return BEHIND.test(verdict) === BEHIND_STATUSES.has(status);
}

function tally(into: Tally, gold: CorpusGold, plan: Plan | undefined, kind: string | undefined): void {
  into.documents++;
  if (kind === gold.kind) into.kindRight++;
  into.gold += gold.targets.length;
  into.goldFigures += gold.targets.filter((t) => t.observation !== undefined).length;
  into.owners += gold.targets.filter((t) => t.owner !== undefined).length;
  into.deadlines += gold.targets.filter((t) => t.deadline !== undefined).length;
  into.verdicts += gold.targets.filter((t) => t.verdict !== undefined).length;
  if (plan === undefined) {
    into.lost++;
    return;
  }
  if (plan.period.start.startsWith(`${gold.year}-`)) into.yearRight++;
  const result = score(plan, { ...gold, seed: gold.document } as Gold);
  into.extracted += result.extracted;
  into.matched += result.matched;
  into.extractedFigures += result.extractedFigures;
  into.matchedFigures += result.matchedFigures;
  const statuses = new Map<string, string | null>();
  if (gold.targets.some((t) => t.verdict !== undefined)) {
    const evaluation = evaluatePlanSync(plan, { rules: 'four-level', ...(plan.asOf === undefined ? {} : { asOf: plan.asOf }) });
    for (const row of evaluation.results) statuses.set(row.taskId, row.status);
  }
  for (const [item, task] of result.pairs as readonly (readonly [CorpusTarget, (typeof plan.tasks)[number]])[]) {
    if (item.owner !== undefined && task.owners?.lead?.[0] === item.owner) into.ownersRight++;
    if (item.deadline !== undefined && task.deadline === item.deadline) into.deadlinesRight++;
    if (item.verdict === undefined) continue;
    if (typeof (task as unknown as Record<string, unknown>)['x-verdict'] === 'string') into.verdictsKept++;
    // duban can judge a target only from a figure: no figure, no status to compare.
    const status = statuses.get(task.id);
    if ((task.observations?.length ?? 0) > 0 && status !== undefined && status !== null) {
      into.verdictsJudged++;
      if (verdictAgrees(item.verdict, status)) into.verdictsAgree++;
    }
  }
}

const ratio = (a: number, b: number) => (b === 0 ? '   —  ' : `${((a / b) * 100).toFixed(1)}%`.padStart(6));

function row(label: string, t: Tally): string {
  return (
    `${label.padEnd(14)} docs ${String(t.documents).padStart(2)} kind ${String(t.kindRight).padStart(2)} year ${String(t.yearRight).padStart(2)}${t.lost > 0 ? ` (${t.lost} lost)` : ''}${t.yearGiven > 0 ? ` (${t.yearGiven} needed the year)` : ''}${t.dateGiven > 0 ? ` (${t.dateGiven} needed the date)` : ''}  gold ${String(t.gold).padStart(3)}  extracted ${String(t.extracted).padStart(3)}  matched ${String(t.matched).padStart(3)}` +
    `  recall ${ratio(t.matched, t.gold)}  precision ${ratio(t.matched, t.extracted)}` +
    (t.goldFigures > 0 ? `  figures ${t.matchedFigures}/${t.goldFigures} (precision ${ratio(t.matchedFigures, t.extractedFigures)})` : '') +
    (t.owners > 0 ? `  owners ${t.ownersRight}/${t.owners}` : '') +
    (t.deadlines > 0 ? `  deadlines ${t.deadlinesRight}/${t.deadlines}` : '') +
    (t.verdicts > 0 ? `  verdicts kept ${t.verdictsKept}/${t.verdicts}, duban agrees ${t.verdictsAgree}/${t.verdictsJudged} judged` : '')
  );
}

const tallies = new Map<string, Tally>();
const tallyOf = (half: string, kind: string) => {
  const key = `${half}|${kind}`;
  let t = tallies.get(key);
  if (t === undefined) {
    t = empty();
    tallies.set(key, t);
  }
  return t;
};

describe('extractPlan quality on the corpus of real documents (gold lists written by reading)', () => {
  for (const half of HALVES) {
    const documents = load(half);

    it(`${half}: every gold list belongs to its half and names a kind, a URL and a year`, () => {
      expect(documents.length).toBeGreaterThan(0);
      for (const { gold } of documents) {
        expect(gold.half).toBe(half);
        expect(KINDS).toContain(gold.kind);
        expect(gold.url).not.toBe('');
        expect(Number.isInteger(gold.year)).toBe(true);
        // A batch is named only in the test half, and only as one of its batches.
        if (half === 'tune') expect(gold.batch).toBeUndefined();
        else expect([undefined, ...TEST_BATCHES.slice(1)]).toContain(gold.batch);
      }
    });

    for (const { gold, text } of documents) {
      let plan: Plan | undefined;
      let kind: string | undefined;
      let yearGiven = false;
      let dateGiven = false;
      // A text that names no year (a news report of 元至九月), or a bulletin that names no period, is refused with
      // a message asking for the year (options.year) or the reporting date (options.asOf): do what it asks, as a
      // user of `duban extract --year / --as-of` would, and count it.
      const options: { year?: number; asOf?: string } = {};
      for (;;) {
        try {
          ({ plan, kind } = extractPlan(text, options));
          break;
        } catch (error) {
          plan = undefined;
          const asked = error instanceof DubanError ? error.issues.map((issue) => issue.path) : [];
          if (asked.includes('options.year') && options.year === undefined) {
            yearGiven = true;
            options.year = gold.year;
          } else if (asked.includes('options.asOf') && options.asOf === undefined && gold.asOf !== undefined) {
            dateGiven = true;
            options.asOf = gold.asOf;
          } else break;
        }
      }
      // The whole half, and for the test half its batch as well (aggregates only).
      const groups = half === 'test' ? [half, `test batch ${gold.batch ?? 1}`] : [half];
      for (const group of groups) {
        if (yearGiven) {
          tallyOf(group, gold.kind).yearGiven++;
          tallyOf(group, 'all').yearGiven++;
        }
        if (dateGiven) {
          tallyOf(group, gold.kind).dateGiven++;
          tallyOf(group, 'all').dateGiven++;
        }
        tally(tallyOf(group, gold.kind), gold, plan, kind);
        tally(tallyOf(group, 'all'), gold, plan, kind);
      }

      // Per-document assertions only on the tuning half: the test half's misses are never looked at one by one.
      if (half === 'tune') {
        it(`${half}/${gold.document}: drafts a plan that parsePlan accepts`, () => {
          expect(plan).toBeDefined();
          expect(() => parsePlan(JSON.parse(JSON.stringify(plan)))).not.toThrow();
        });
      }
    }
  }

  it('prints recall and precision per kind and per half', () => {
    const lines: string[] = [];
    const groups = [
      ['tune', 'tuning half (used to find failure classes)'],
      ...TEST_BATCHES.map((b) => [`test batch ${b}`, `test half, batch ${b} (held out, never tuned on; aggregates only)`] as const),
      ['test', 'test half, all batches (held out, never tuned on)'],
    ] as const;
    for (const [group, title] of groups) {
      lines.push(title);
      for (const kind of [...KINDS, 'all'] as const) {
        const t = tallies.get(`${group}|${kind}`);
        if (t !== undefined) lines.push(`  ${row(kind, t)}`);
      }
    }
    console.log(`\nduban extract — quality on the corpus (test/extract/corpus, matching rules: test/extract/score.ts)\n${lines.join('\n')}\n`);
    expect(lines.length).toBeGreaterThan(2);
  });

  it('reaches the floor measured on the tuning half', () => {
    const t = tallies.get('tune|all')!;
    expect(t.matched / t.gold).toBeGreaterThanOrEqual(FLOOR.tune.recall);
    expect(t.matched / Math.max(1, t.extracted)).toBeGreaterThanOrEqual(FLOOR.tune.precision);
  });

  it('reaches the floor measured on the test half (recorded, not tuned for)', () => {
    const first = tallies.get('test batch 1|all')!;
    expect(first.matched / first.gold).toBeGreaterThanOrEqual(FLOOR.testBatch1.recall);
    expect(first.matched / Math.max(1, first.extracted)).toBeGreaterThanOrEqual(FLOOR.testBatch1.precision);
    const t = tallies.get('test|all')!;
    expect(t.matched / t.gold).toBeGreaterThanOrEqual(FLOOR.test.recall);
    expect(t.matched / Math.max(1, t.extracted)).toBeGreaterThanOrEqual(FLOOR.test.precision);
  });
});

/** The floors actually reached (rounded down), raised as the extractor improves; never above what the half reaches. */
const FLOOR = {
  /**
   * 671/741 = 90.6 %, 671/693 = 96.8 % after the second session of 2026-12-04 (rules from invented sentences; 4 more
   * tuning targets matched, none lost). 667/741, 667/688 before; 449/497, 449/462 before batches 29–33.
   */
  tune: { recall: 0.9, precision: 0.96 },
  /**
   * The first 14 test documents: 35/42 = 83.3 %, 35/40 = 87.5 % — lower in precision than before (35/38 = 92.1 %): the
   * second session of 2026-12-04 drafted 2 more unmatched bulletin tasks there. Recorded, not tuned for.
   */
  testBatch1: { recall: 0.83, precision: 0.87 },
  /**
   * The whole test half (four batches, 66 documents) after the second session of 2026-12-04: 203/294 = 69.0 %,
   * 203/241 = 84.2 %, rounded down. Batch 4 (19 documents added that session, gold first) reads the same on the code
   * before and after that session's rules (64/109 matched, 74 drafted). Batches 1–3 alone: 139/185, 139/167 (83.2 %;
   * 80.3 % before, batch 2's reports no longer taking last year's results for targets). No rule was chosen or
   * reverted on these figures.
   */
  test: { recall: 0.69, precision: 0.84 },
};
