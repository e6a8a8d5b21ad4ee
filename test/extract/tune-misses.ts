/**
 * The tuning half's misses, document by document — what a maintainer reads to
 * find the next failure class (test/extract/corpus/README.md). It refuses the
 * test half: those documents are measured only in aggregate, by
 * corpus.test.ts, and their misses are never printed.
 *
 *     npx tsx test/extract/tune-misses.ts [name-part] [--kind bulletin|report|decomposition] [--all]
 *
 * Without `--all` only documents with a miss, an extra task, a missed figure
 * or a wrong kind are printed. Like corpus.test.ts, a document refused for
 * naming no year or no reporting date is read again with the gold list's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { DubanError, extractPlan, type Plan } from '../../src/index.js';
import { score, type Gold, type GoldTarget } from './score.js';

const folder = new URL('./corpus/tune/', import.meta.url);
const args = process.argv.slice(2);
const kindAt = args.indexOf('--kind');
const kind = kindAt === -1 ? undefined : args[kindAt + 1];
const all = args.includes('--all');
const part = args.find((arg, i) => !arg.startsWith('--') && (kindAt === -1 || i !== kindAt + 1));

interface TuneGold extends Gold {
  readonly document: string;
  readonly half: string;
  readonly year: number;
  readonly targets: readonly (GoldTarget & { readonly owner?: string })[];
}

const quantity = (t: GoldTarget) =>
  `${t.kind} ${t.measure} ${t.bound ?? ''} ${t.value}${t.unit}${t.observation ? ` 完成 ${t.observation.value}${t.observation.unit}` : ''}`;

const totals = new Map<string, { gold: number; extracted: number; matched: number; owners: number; ownersRight: number }>();
for (const name of readdirSync(folder)
  .filter((n) => n.endsWith('.json'))
  .sort()) {
  const gold = JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as TuneGold;
  if (gold.half !== 'tune') throw new Error(`${name}: not a tuning document`);
  if (part !== undefined && !name.includes(part)) continue;
  if (kind !== undefined && gold.kind !== kind) continue;
  const text = readFileSync(new URL(gold.document, folder), 'utf8');
  const options: { year?: number; asOf?: string } = {};
  let drafted: { plan: Plan; kind: string } | undefined;
  let lost = '';
  for (;;) {
    try {
      drafted = extractPlan(text, options);
      break;
    } catch (error) {
      const asked = error instanceof DubanError ? error.issues.map((issue) => issue.path) : [];
      if (asked.includes('options.year') && options.year === undefined) options.year = gold.year;
      else if (asked.includes('options.asOf') && options.asOf === undefined && gold.asOf !== undefined) options.asOf = gold.asOf;
      else {
        lost = String(error);
        break;
      }
    }
  }
  if (drafted === undefined) {
    console.log(`\n== ${name}: lost — ${lost}`);
    continue;
  }
  const { plan } = drafted;
  const s = score(plan, { ...gold, seed: gold.document });
  // As corpus.test.ts counts owners: a gold owner is right when the matched task's first lead unit is that owner.
  const ownerMisses = (s.pairs as readonly (readonly [GoldTarget & { readonly owner?: string }, (typeof plan.tasks)[number]])[]).filter(
    ([item, task]) => item.owner !== undefined && task.owners?.lead?.[0] !== item.owner,
  );
  const owners = gold.targets.filter((t) => t.owner !== undefined).length;
  const total = totals.get(gold.kind) ?? { gold: 0, extracted: 0, matched: 0, owners: 0, ownersRight: 0 };
  totals.set(gold.kind, {
    gold: total.gold + s.gold,
    extracted: total.extracted + s.extracted,
    matched: total.matched + s.matched,
    owners: total.owners + owners,
    ownersRight:
      total.ownersRight +
      s.pairs.filter(([item, task]) => (item as { owner?: string }).owner !== undefined && task.owners?.lead?.[0] === (item as { owner?: string }).owner)
        .length,
  });
  const wrong = s.missed.length + s.extra.length + s.missedFigures.length + ownerMisses.length > 0 || drafted.kind !== gold.kind;
  if (!wrong && !all) continue;
  const kindNote = drafted.kind === gold.kind ? drafted.kind : `${drafted.kind} (gold ${gold.kind})`;
  console.log(
    `\n== ${name}: ${kindNote}, year ${plan.period.start.slice(0, 4)}, as of ${plan.asOf ?? '—'}; gold ${s.gold}, extracted ${s.extracted}, matched ${s.matched}, figures ${s.matchedFigures}/${s.goldFigures}`,
  );
  for (const item of s.missed) console.log(`  missed   ${quantity(item)}`);
  for (const task of s.extra) {
    const t = task.target as { kind: string; measure?: string; bound?: string; value?: string; unit?: string };
    const figures = (task.observations ?? []).map((o) => `${o.value}@${o.asOf}`).join(', ');
    console.log(
      `  extra    ${task.id} ${t.kind} ${t.measure ?? ''} ${t.bound ?? ''} ${t.value ?? ''}${t.unit ?? ''}${figures === '' ? '' : ` 完成 ${figures}`}`,
    );
  }
  for (const item of s.missedFigures) console.log(`  figure?  ${quantity(item)}`);
  for (const [item, task] of ownerMisses) console.log(`  owner?   ${quantity(item)} 责任单位 ${item.owner} ≠ ${task.owners?.lead?.join('、') ?? '—'}`);
}
console.log('\ntuning half (in-sample):');
for (const [k, t] of totals) {
  console.log(
    `  ${k.padEnd(14)} gold ${t.gold}  extracted ${t.extracted}  matched ${t.matched}  recall ${((t.matched / t.gold) * 100).toFixed(1)}%  precision ${((t.matched / Math.max(1, t.extracted)) * 100).toFixed(1)}%${t.owners > 0 ? `  owners ${t.ownersRight}/${t.owners}` : ''}`,
  );
}
