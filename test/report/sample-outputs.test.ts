// The sample bulletins and workbooks in examples/reports/ are what the CLI
// writes today: regenerate them with `npm run build && node examples/reports/generate.mjs`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
// @ts-expect-error -- a plain .mjs script without types
import { SAMPLES } from '../../examples/reports/generate.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('examples/reports', () => {
  for (const [file, args] of SAMPLES as [string, string[]][]) {
    it(`${file} is what duban ${args.join(' ')} writes`, async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'duban-sample-')), file);
      let stderr = '';
      const status = await main([...args.map((arg) => (arg.startsWith('examples/') ? join(root, arg) : arg)), '--out', out], {
        stdout: () => {},
        stderr: (text) => (stderr += text),
        stdin: () => '',
      });
      expect([status, stderr]).toEqual([0, '']);
      expect(
        Buffer.from(readFileSync(out)).equals(readFileSync(join(root, 'examples/reports', file))),
        `examples/reports/${file} is stale: regenerate it`,
      ).toBe(true);
    });
  }
});
