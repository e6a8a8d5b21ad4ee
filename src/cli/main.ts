import { version } from '../../package.json';
import { evaluateCommand } from './commands/evaluate.js';
import { extractCommand } from './commands/extract.js';
import { reportCommand } from './commands/report.js';
import { exportExcelCommand } from './commands/export-excel.js';
import { importExcelCommand } from './commands/import-excel.js';
import { explainCommand } from './commands/explain.js';
import { rulesCommand } from './commands/rules.js';
import { studioCommand } from './commands/studio.js';
import { DubanError, type IssueCode } from '../errors.js';
import { bilingual, closestWord, suggestion } from '../model/suggest.js';
import { reportErrors, type CliIo } from './io.js';
import { isOutputClosed } from './output.js';

export type { CliIo } from './io.js';

/** The commands, each with its one-line summary for `duban --help`. */
const COMMANDS: Record<string, { usage: string; summary: string; run: (args: string[], io: CliIo) => Promise<number> }> = {
  evaluate: { usage: 'evaluate PLAN.json [options]', summary: '评估计划中的每项任务 / classify every task of a plan', run: evaluateCommand },
  extract: {
    usage: 'extract FILE|- [options]',
    summary: '从报告、任务分解或通报文本起草计划 / draft a plan from a report, decomposition or bulletin text',
    run: extractCommand,
  },
  report: {
    usage: 'report PLAN.json [options]',
    summary: '生成督查通报(Markdown、HTML、文本、Excel)/ write a bulletin (markdown, html, text, xlsx)',
    run: reportCommand,
  },
  'import-excel': {
    usage: 'import-excel BOOK.xlsx|TASKS.csv [options]',
    summary: '任务分解表(Excel/CSV)读成计划 / read a 任务分解表 into a plan',
    run: importExcelCommand,
  },
  'export-excel': {
    usage: 'export-excel PLAN.json [options]',
    summary: '计划写成任务分解表(Excel/CSV)/ write a plan as a 任务分解表',
    run: exportExcelCommand,
  },
  rules: { usage: 'rules check|test|compile ...', summary: '检查、测试、编译规则文件 / check, test or compile rule files', run: rulesCommand },
  explain: { usage: 'explain PLAN.json TASK_ID [options]', summary: '说明一项任务为何得到该状态 / explain why a task gets its status', run: explainCommand },
  studio: { usage: 'studio [PLAN] [options]', summary: "在浏览器中打开分析员工作台 / open the analyst's workbench in the browser", run: studioCommand },
};

function mainHelp(): string {
  const entries = [
    ...Object.values(COMMANDS).map(({ usage, summary }) => [usage, summary] as const),
    ['--help', '显示帮助 / show this help'] as const,
    ['--version', '显示版本 / show the version'] as const,
  ];
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
  if (entry === undefined) throw unknownCommand(command);
  try {
    return await entry.run(rest, io);
  } catch (error) {
    throw (await commandLineError(error, command, entry.run)) ?? error;
  }
}

/** A command-line problem, reported as `duban: command line: PATH: message` with exit 2. */
function commandLine(code: IssueCode, path: string, zh: string, en: string): DubanError {
  const message = bilingual(zh, en);
  return new DubanError('INVALID_OPTION', message, { issues: [{ code, path, keys: [path], message }], source: 'command line' });
}

function unknownCommand(command: string): DubanError {
  const names = [...Object.keys(COMMANDS), '--help', '--version'];
  // An option given where the command belongs (`duban --as-of …`) is named as an option.
  const what = command.startsWith('-') ? { zh: '选项', en: 'option' } : { zh: '命令', en: 'command' };
  const hint = suggestion(command, names, { zh: '命令', en: 'commands' });
  return commandLine(
    'unknown_key',
    'command',
    `未知的${what.zh} ${JSON.stringify(command)}${hint.zh}；运行 duban --help 查看用法`,
    `unknown ${what.en} ${JSON.stringify(command)}${hint.en}; run duban --help`,
  );
}

/** The options a command takes, as its --help lists them. */
async function optionsOf(run: (args: string[], io: CliIo) => Promise<number>): Promise<string[]> {
  let help = '';
  const capture: CliIo = { stdout: (text) => void (help += text), stderr: () => undefined, stdin: () => '' };
  try {
    await run(['--help'], capture);
  } catch {
    // no help: no list
  }
  return [...new Set(help.match(/--[a-z][a-z-]*/g) ?? [])];
}

/**
 * duban's own message for a problem Node's parseArgs found (an unknown option,
 * an option without its value), with the closest option and the command's
 * options; `undefined` for any other error.
 */
async function commandLineError(error: unknown, command: string, run: (args: string[], io: CliIo) => Promise<number>): Promise<DubanError | undefined> {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const text = error instanceof Error ? error.message : String(error);
  // The option as the message quotes it: `'--as-off'`, `'-h, --help'` (the long name), `'--as-of <value>'`.
  const quoted = /'([^']*)'/.exec(text)?.[1] ?? '';
  const option = quoted.match(/-{1,2}[A-Za-z0-9][\w-]*/g)?.at(-1) ?? quoted;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const options = await optionsOf(run);
    const near = closestWord(
      option.replace(/^-+/, ''),
      options.map((name) => name.slice(2)),
    );
    const list = options.join(' ');
    return commandLine(
      'unknown_key',
      'options',
      `duban ${command} 没有选项 ${option}${near === undefined ? '；' : `；是否想写 --${near}？`}可用的选项：${list}`,
      `unknown option ${option} for duban ${command}${near === undefined ? '.' : `; did you mean --${near}?`} Options: ${list}`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(text)) return commandLine('invalid_value', 'options', `选项 ${option} 不带值`, `option ${option} takes no value`);
    return commandLine('required', 'options', `选项 ${option} 缺少值（写成 ${option} 值）`, `option ${option} needs a value (${option} VALUE)`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return commandLine('too_many', 'options', `多余的参数 ${JSON.stringify(option)}`, `unexpected argument ${JSON.stringify(option)}`);
  return commandLine('invalid_value', 'options', `命令行有误：${text}`, `bad command line: ${text}`);
}

/** Reports an error that ended a command on stderr and returns the exit status for it. */
function reportFailure(error: unknown, io: CliIo): number {
  if (reportErrors(error, io)) return 2;
  io.stderr(`duban: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 3;
}
