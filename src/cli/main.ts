import { version } from '../../package.json';
import { evaluateCommand } from './commands/evaluate.js';
import { extractCommand } from './commands/extract.js';
import { reportCommand } from './commands/report.js';
import { exportExcelCommand } from './commands/export-excel.js';
import { importExcelCommand } from './commands/import-excel.js';
import { explainCommand } from './commands/explain.js';
import { rulesCommand } from './commands/rules.js';
import { reportErrors, usage, type CliIo } from './io.js';
import { isOutputClosed } from './output.js';

export type { CliIo } from './io.js';

/** The commands, each with its one-line summary for `duban --help`. */
const COMMANDS: Record<string, { usage: string; summary: string; run: (args: string[], io: CliIo) => Promise<number> }> = {
  evaluate: { usage: 'evaluate PLAN.json [options]', summary: '评估计划中的每项任务 / classify every task of a plan', run: evaluateCommand },
  extract: { usage: 'extract FILE|- [options]', summary: '从报告、任务分解或通报文本起草计划 / draft a plan from a report, decomposition or bulletin text', run: extractCommand },
  report: { usage: 'report PLAN.json [options]', summary: '生成督查通报(Markdown、HTML、文本、Excel)/ write a bulletin (markdown, html, text, xlsx)', run: reportCommand },
  'import-excel': { usage: 'import-excel BOOK.xlsx|TASKS.csv [options]', summary: '任务分解表(Excel/CSV)读成计划 / read a 任务分解表 into a plan', run: importExcelCommand },
  'export-excel': { usage: 'export-excel PLAN.json [options]', summary: '计划写成任务分解表(Excel/CSV)/ write a plan as a 任务分解表', run: exportExcelCommand },
  rules: { usage: 'rules check|test|compile ...', summary: '检查、测试、编译规则文件 / check, test or compile rule files', run: rulesCommand },
  explain: { usage: 'explain PLAN.json TASK_ID [options]', summary: '说明一项任务为何得到该状态 / explain why a task gets its status', run: explainCommand },
};

function mainHelp(): string {
  const entries = [...Object.values(COMMANDS).map(({ usage, summary }) => [usage, summary] as const), ['--help', '显示帮助 / show this help'] as const, ['--version', '显示版本 / show the version'] as const];
  const width = Math.max(...entries.map(([usage]) => usage.length));
  const lines = entries.map(([usage, summary]) => `  duban ${usage.padEnd(width)}  ${summary}`);
  return `duban ${version} — 政府工作报告目标督办 / tracking the targets of government work reports

用法 Usage:
${lines.join('\n')}

运行 duban COMMAND --help 查看各命令的选项。 Run duban COMMAND --help for its options.
`;
}

/**
 * Runs the `duban` command with its arguments and returns the exit status.
 * When a write finds that the reader of stdout or stderr has gone (a closed
 * pipe: `duban evaluate plan.json | head -1`), the command stops there and the
 * status is 0, with nothing more written anywhere.
 *
 * @param argv - the arguments after the program name
 * @param io - where to write and read
 * @returns 0 on success or a closed output, 1 for rule gaps, 2 for bad input, 3 for an internal error
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (isOutputClosed(error)) return 0;
    try {
      return reportFailure(error, io);
    } catch (again) {
      // stderr itself is the closed pipe (`2>&1 | head -1`).
      if (isOutputClosed(again)) return 0;
      throw again;
    }
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(mainHelp());
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (entry !== undefined) return await entry.run(rest, io);
  throw usage(`unknown command ${JSON.stringify(command)}; run duban --help`);
}

/** Reports an error that ended a command on stderr and returns the exit status for it. */
function reportFailure(error: unknown, io: CliIo): number {
  if (reportErrors(error, io)) return 2;
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.stderr(`duban: command line: ${(error as Error).message}\n`);
    return 2;
  }
  io.stderr(`duban: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 3;
}
