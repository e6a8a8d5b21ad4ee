import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { main } from './main.js';
import { descriptorWriter } from './output.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: descriptorWriter(1),
  stderr: descriptorWriter(2),
  stdin: () => readFileSync(0, 'utf8'),
  stdinBytes: () => readFileSync(0),
  stdoutIsTTY: isatty(1),
  stderrIsTTY: isatty(2),
});
