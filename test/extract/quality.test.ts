import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPlan, parsePlan } from '../../src/index.js';
import { score, type Gold } from './score.js';

const seeds = new URL('./seeds/', import.meta.url);
const golds = new URL('./gold/', import.meta.url);
const files = readdirSync(golds)
  .filter((name) => name.endsWith('.json'))
  .sort();

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('extractPlan quality on the seeds (gold lists written by reading the documents)', () => {
  it('has a gold list for each of the five seeds', () => {
    expect(files).toEqual([
      '000_52924f53d217235b.json',
      '001_6c6e10b74562c21b.json',
      '002_93b6e1f04503de54.json',
      '003_77440ee1c208de8a.json',
      '004_c1271cb4d1a17d51.json',
    ]);
  });

  const rows: string[] = [];
  for (const file of files) {
    const gold = JSON.parse(readFileSync(new URL(file, golds), 'utf8')) as Gold;
    const text = readFileSync(new URL(gold.seed, seeds), 'utf8');

    describe(gold.seed, () => {
      const { plan, kind } = extractPlan(text);
      const result = score(plan, gold);
      rows.push(
        `${gold.seed.slice(0, 3)} ${kind.padEnd(13)} gold ${String(result.gold).padStart(2)}  extracted ${String(result.extracted).padStart(2)}  matched ${String(result.matched).padStart(2)}  recall ${percent(result.recall).padStart(6)}  precision ${percent(result.precision).padStart(6)}` +
          (result.goldFigures > 0
            ? `  figures ${result.matchedFigures}/${result.goldFigures} recall ${percent(result.matchedFigures / result.goldFigures)} precision ${percent(result.extractedFigures === 0 ? 1 : result.matchedFigures / result.extractedFigures)}`
            : ''),
      );

      it('drafts a plan that parsePlan accepts', () => {
        expect(() => parsePlan(JSON.parse(JSON.stringify(plan)))).not.toThrow();
      });

      it('reads the document as the kind the gold list names', () => {
        expect(kind).toBe(gold.kind);
        if (gold.asOf !== undefined) expect(plan.asOf).toBe(gold.asOf);
      });

      it('keeps 100% recall and precision on the quantitative targets (in-sample: the rules were written against the seeds)', () => {
        const report = [
          ...result.missed.map((t) => `missed: ${t.measure} ${t.kind} ${t.bound ?? ''} ${t.value}${t.unit}`),
          ...result.extra.map((t) => `extra: ${t.id} ${JSON.stringify(t.target)}`),
        ].join('\n');
        expect(result.recall, report).toBe(1);
        expect(result.precision, report).toBe(1);
      });

      it('reads the deadlines the gold list names', () => {
        expect(result.deadlinesWrong.map((t) => t.measure)).toEqual([]);
      });

      if (result.goldFigures > 0) {
        it('keeps 100% recall and precision on the reported figures (observations)', () => {
          const report = result.missedFigures.map((t) => `missed figure: ${t.measure} ${t.observation?.value}${t.observation?.unit}`).join('\n');
          expect(result.matchedFigures / result.goldFigures, report).toBe(1);
          expect(result.matchedFigures / result.extractedFigures, report).toBe(1);
        });
      }
    });
  }

  it('prints the figures', () => {
    console.log(`\nduban extract — quality on the seeds (matching rules: test/extract/score.ts, docs/extract.md)\n${rows.join('\n')}\n`);
    expect(rows).toHaveLength(files.length);
  });
});
