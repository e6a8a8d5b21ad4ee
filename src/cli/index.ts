import { isatty } from 'node:tty';
import { readStdinBytes, readStdinText } from './io.js';
import { main } from './main.js';
import { descriptorWriter } from './output.js';
import { removeTemporaryFilesOnSignals } from './write-file.js';

// Ctrl-C or a SIGTERM while an output file is being written removes its temporary file (exit 130 / 143).
removeTemporaryFilesOnSignals();

process.exitCode = await main(process.argv.slice(2), {
  stdout: descriptorWriter(1),
  stderr: descriptorWriter(2),
  stdin: readStdinText,
  stdinBytes: readStdinBytes,
  stdoutIsTTY: isatty(1),
  stderrIsTTY: isatty(2),
});
