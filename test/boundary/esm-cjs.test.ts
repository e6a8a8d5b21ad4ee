// The recognised objects are per module instance (src/model/recognised.ts): a
// plan parsed by the ESM build is not recognised by the CommonJS build, which
// then validates it like a plain object. Needs the build (`npx tsup`), as
// test/package does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Duban = typeof import('../../src/index.js');

describe('a plan parsed by one copy of duban and evaluated by another', () => {
  it('is validated by the other copy and gives the same evaluation; an invalid one is refused with its issues', async () => {
    const esm = (await import('../../dist/index.js' as string)) as Duban;
    const cjs = require('../../dist/index.cjs') as Duban;
    expect(esm.parsePlan).not.toBe(cjs.parsePlan);
    const text = readFileSync('examples/xianning-2018-q1.plan.json', 'utf8');
    const parsedByEsm = esm.parsePlan(text);
    const fromCjs = cjs.evaluatePlanSync(parsedByEsm, { asOf: '2018-03-31' });
    expect(fromCjs).toEqual(esm.evaluatePlanSync(parsedByEsm, { asOf: '2018-03-31' }));
    // A parsed plan broken after parsing: the copy that parsed it trusts it, the other checks it.
    const broken = { ...parsedByEsm, tasks: [{ ...parsedByEsm.tasks[0]!, target: { kind: 'cumulative' } }] };
    let caught: unknown;
    try {
      cjs.evaluatePlanSync(broken as never, { asOf: '2018-03-31' });
    } catch (error) {
      caught = error;
    }
    expect(esm.isDubanError(caught)).toBe(true);
    expect((caught as { code: string }).code).toBe('INVALID_PLAN');
  });
});
