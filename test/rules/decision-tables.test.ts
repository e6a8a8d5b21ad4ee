import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, checkRuleFile, compileDecisionTable, createClassifier, isDubanError, parseRuleFile } from '../../src/index.js';
import { anyFacts, bundled, ROOT } from './helpers.js';

const doc = readFileSync(new URL('docs/rule-tables.md', ROOT), 'utf8');

function docTable(id: string): string {
  const match = new RegExp(`<!-- table: ${id} -->\\n\`\`\`csv\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (match === null) throw new Error(`no table for ${id} in docs/rule-tables.md`);
  return match[1]!;
}

describe('the decision tables in docs/rule-tables.md', () => {
  it.each(BUNDLED_RULE_SET_IDS)('%s compiles to a rule file that checks clean and classifies like the bundled set', async (id) => {
    const ruleFile = parseRuleFile(compileDecisionTable(docTable(id), { format: 'csv', id: `${id}-table` }));
    expect(checkRuleFile(ruleFile).problems).toEqual([]);
    const table = createClassifier(ruleFile);
    const original = createClassifier(bundled(id));
    await fc.assert(
      fc.asyncProperty(anyFacts, async (facts) => {
        const [a, b] = await Promise.all([table.classify(facts), original.classify(facts)]);
        expect(a.status?.code ?? null).toBe(b.status?.code ?? null);
      }),
      { numRuns: 1000 },
    );
  });

  it('the JSON example compiles like the three-level CSV table', async () => {
    const json = /```json\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('## 同一张表的 JSON 写法')))![1]!;
    const ruleFile = parseRuleFile(compileDecisionTable(json));
    expect(ruleFile.statuses.map((status) => status.code)).toEqual(['completed', 'partial', 'not-completed', 'no-data', 'cancelled']);
    const a = createClassifier(ruleFile);
    const b = createClassifier(bundled('three-level'));
    await fc.assert(
      fc.asyncProperty(anyFacts, async (facts) => {
        expect((await a.classify(facts)).status?.code).toBe((await b.classify(facts)).status?.code);
      }),
      { numRuns: 300 },
    );
  });
});

describe('compileDecisionTable', () => {
  const rulesOf = (cells: Record<string, unknown>) =>
    (compileDecisionTable([{ ...cells, status: 's', label: 'S' }]) as { rules: { conditions: { all: unknown[] } }[] }).rules[0]!.conditions.all;

  it.each([
    [{ met: 'true' }, [{ fact: 'met', operator: 'equal', value: true }]],
    [{ met: false }, [{ fact: 'met', operator: 'equal', value: false }]],
    [{ met: '-' }, []],
    [{ met: '' }, []],
    [{ onPace: 'null' }, [{ fact: 'onPace', operator: 'equal', value: null }]],
    [{ paceRatio: '< 0.5' }, [{ fact: 'paceRatio', operator: 'lessThan', value: 0.5 }]],
    [{ paceGap: '<= -0.3' }, [{ fact: 'paceGap', operator: 'lessThanInclusive', value: -0.3 }]],
    [
      { progress: '>= 0 and < 1' },
      [
        { fact: 'progress', operator: 'greaterThanInclusive', value: 0 },
        { fact: 'progress', operator: 'lessThan', value: 1 },
      ],
    ],
    [{ kind: '!= rate' }, [{ fact: 'kind', operator: 'notEqual', value: 'rate' }]],
    [{ kind: 'rate' }, [{ fact: 'kind', operator: 'equal', value: 'rate' }]],
    [{ kind: 'in cumulative|level' }, [{ fact: 'kind', operator: 'in', value: ['cumulative', 'level'] }]],
    [{ kind: 'not in milestones | binary' }, [{ fact: 'kind', operator: 'notIn', value: ['milestones', 'binary'] }]],
    [{ flags: 'contains problem' }, [{ fact: 'flags', operator: 'contains', value: 'problem' }]],
    [{ flags: 'not contains problem' }, [{ fact: 'flags', operator: 'doesNotContain', value: 'problem' }]],
    [{ daysToDeadline: 3 }, [{ fact: 'daysToDeadline', operator: 'equal', value: 3 }]],
  ])('reads the cell %j', (cells, expected) => {
    expect(rulesOf(cells)).toEqual(expected);
  });

  it('gives descending priorities so the first matching row wins, and keeps given ones', () => {
    const json = compileDecisionTable('name,status,label,met\na,x,X,true\nb,y,Y,-\n', { format: 'csv', id: 'csv' }) as {
      id: string;
      rules: { name: string; priority: number }[];
      statuses: unknown[];
    };
    expect(json.id).toBe('csv');
    expect(json.rules.map((rule) => [rule.name, rule.priority])).toEqual([
      ['a', 20],
      ['b', 10],
    ]);
    expect(json.statuses).toEqual([
      { code: 'x', label: 'X' },
      { code: 'y', label: 'Y' },
    ]);
    const given = compileDecisionTable([
      { status: 'x', label: 'X', priority: 50 },
      { status: 'y', label: 'Y', priority: 7 },
    ]) as { rules: { priority: number; name: string }[] };
    expect(given.rules.map((rule) => rule.priority)).toEqual([50, 7]);
    expect(given.rules[0]!.name).toBe('X(第1行)');
  });

  it('names every bad cell by line and column (CSV) or JSON path', () => {
    const csv = 'status,label,paceRatio,progres\nx,X,< big,-\n,Y,-,-\n';
    try {
      compileDecisionTable(csv, { format: 'csv', source: 't.csv' });
      expect.unreachable();
    } catch (error) {
      expect(isDubanError(error)).toBe(true);
      expect((error as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toEqual([
        'line 2, column "paceRatio"',
        'line 2, column "progres"',
        'line 3, column "status"',
      ]);
    }
    try {
      compileDecisionTable({
        rows: [
          { status: 'x', label: 'X', priority: 5 },
          { status: 'y', label: 'Y', priority: 9 },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect((error as { issues: { path: string; message: string }[] }).issues).toEqual([
        {
          code: 'inconsistent',
          path: '$.rows[1].priority',
          keys: ['rows', 1, 'priority'],
          message: 'priority 9 does not descend (the row above has 5): the first matching row must win',
        },
      ]);
    }
  });
});
