import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLargeJson } from '../../src/cli/parse-large-json.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** What JSON.parse makes of the text (after a byte-order mark, which duban ignores), or 'error'. */
function reference(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return 'error';
  }
}

const documents = fc
  .record({
    before: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    tasks: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 12 }),
    after: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    pretty: fc.boolean(),
  })
  .map(({ before, tasks, after, pretty }) => {
    const value = { ...before, tasks, ...after };
    return pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  });

/** A valid document with one random edit: a character inserted, deleted or replaced. */
const edited = fc
  .tuple(documents, fc.nat(), fc.constantFrom('', ',', '"', '[', ']', '{', '}', ':', '\\', ' ', 'x', '\u0001', '任'))
  .map(([text, at, insert]) => {
    const position = at % (text.length + 1);
    return text.slice(0, position) + insert + text.slice(position + (at % 3 === 0 ? 1 : 0));
  });

describe('parseLargeJson', () => {
  it('gives exactly JSON.parse of the whole text, or falls back, on valid and edited documents with tiny pieces', () => {
    fc.assert(
      fc.property(fc.oneof(documents, edited), fc.integer({ min: 1, max: 64 }), fc.boolean(), (text, chunk, bom) => {
        const input = (bom ? '\uFEFF' : '') + text;
        const quick = parseLargeJson(encode(input), 'tasks', chunk);
        const expected = reference(input);
        if (quick !== undefined) {
          expect(expected).not.toBe('error');
          expect(JSON.stringify(quick)).toBe(JSON.stringify(expected));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a valid plan-shaped document in pieces', () => {
    const tasks = Array.from({ length: 1000 }, (_, i) => ({ id: `T${i}`, title: `任务 "${i}", [x] {y}`, target: { kind: 'binary', completedOn: null } }));
    const text = JSON.stringify({ formatVersion: 1, id: 'p', tasks, 'x-after': [1, 2] }, null, 2);
    expect(parseLargeJson(encode(text), 'tasks', 1024)).toEqual(JSON.parse(text));
  });

  it('falls back when the key is missing, repeated or not an array', () => {
    expect(parseLargeJson(encode('{"a":1}'))).toBeUndefined();
    expect(parseLargeJson(encode('{"tasks":[1],"tasks":[2]}'))).toBeUndefined();
    expect(parseLargeJson(encode('{"tasks":{"a":[1]}}'))).toBeUndefined();
    expect(parseLargeJson(encode('{"tasks":[1,]}'))).toBeUndefined();
  });
});
