import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUNDLED_RULE_SET_IDS, bundledRuleFileJson, isBundledRuleSetId, DubanError, isDubanError, parsePlan } from '../../index.js';
import { checkOptions, readBytes, readText, usage, type CliIo, type CommandLineProblem } from '../io.js';

export const STUDIO_HELP = `用法 Usage: duban studio [PLAN] [options]

在浏览器中打开 duban studio(分析员工作台):载入计划、编辑规则(决策表或 JSON)、实时查看每项任务
状态的变化、逐条说明、假设分析和导出。只在本机 127.0.0.1 上提供服务,只提供工作台自身的文件和
这里给出的计划、规则与报送数据;页面不向任何其他地址发出请求。
Opens duban studio, the analyst's workbench, in the browser: load a plan, edit the rules as a
decision table or as JSON, see every task's status change live, explain, what-if and export. It
serves on 127.0.0.1 only, nothing but the app's own files and the plan, rules and observations
given here; the page makes no request to any other address.

PLAN 可为计划 JSON、任务分解表工作簿(.xlsx)或 CSV 任务表(CSV 需 --base)。
PLAN is a plan JSON file, a 任务分解表 workbook (.xlsx) or a CSV task table (needs --base).

选项 Options:
  --rules ID_OR_FILE     内置规则集 ${BUNDLED_RULE_SET_IDS.join(' | ')},或规则文件;默认 four-level
                         a bundled rule set id or a rule file (default four-level)
  --observations FILE    报送数据文件(JSON 或 CSV)/ an observations file (JSON or CSV)
  --base PLAN.json       CSV 任务表的基础计划 / the base plan of a CSV task table
  --port N               端口,默认 0(任选空闲端口)/ the port (default 0: any free port)
  --no-open              不打开浏览器,只打印网址 / print the URL, do not open a browser
  -h, --help             显示帮助 / show this help

按 Ctrl+C 停止。 Press Ctrl+C to stop.

示例 Example:
  duban studio examples/xianning-2018-q1.plan.json --rules three-level
`;

/** The policy every response is served with (the app's index.html repeats it). */
export const STUDIO_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The folder of the built app (studio/dist), found upward from this module (dist/cli.js or src/cli/commands/studio.ts). */
function appFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(folder, 'studio', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    folder = dirname(folder);
  }
  throw new DubanError('READ_FAILED', '找不到工作台文件 studio/dist,请先运行 npm run build / the studio app (studio/dist) is missing: run npm run build', {
    issues: [
      {
        code: 'read_failed',
        path: '$',
        keys: [],
        message: '找不到工作台文件 studio/dist,请先运行 npm run build / the studio app (studio/dist) is missing: run npm run build',
      },
    ],
    source: 'studio/dist',
  });
}

/** Every file of the app, by URL path, read once: the server serves nothing else. */
function appFiles(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const file = join(folder, name);
    if (!statSync(file).isFile()) continue;
    files.set(`/${relative(folder, file).split(sep).join('/')}`, readFileSync(file));
  }
  return files;
}

/** A DubanError as the app shows it. */
function errorJson(error: DubanError): unknown {
  return { code: error.code, message: error.message, source: error.source ?? null, issues: error.issues };
}

/** What the app loads first (`/initial.json`): the files given on the command line, as text, or the error reading them. */
export async function initialFiles(
  options: { plan?: string | undefined; rules?: string | undefined; observations?: string | undefined; base?: string | undefined },
  io: CliIo,
): Promise<Record<string, unknown>> {
  const initial: Record<string, unknown> = {};
  const attempt = async (key: string, name: string, read: () => string | Promise<string>) => {
    try {
      initial[key] = { name, text: await read() };
    } catch (error) {
      if (!isDubanError(error)) throw error;
      initial[key] = { name, error: errorJson(error) };
    }
  };
  const plan = options.plan;
  if (plan !== undefined) {
    const name = plan.split(/[\\/]/).at(-1) ?? plan;
    if (/\.xlsx$/i.test(plan) || /\.csv$/i.test(plan)) {
      // duban's own readers, as `duban import-excel` reads them; the app gets the plan as JSON.
      await attempt('plan', name, async () => {
        const { parsePlanCsv, readPlanWorkbook } = await import('../../excel/index.js');
        const base = options.base === undefined ? undefined : parsePlan(readText(options.base, io.stdin), { source: options.base });
        if (/\.csv$/i.test(plan)) {
          if (base === undefined) throw usage('CSV 任务表需要 --base PLAN.json / a CSV task table needs --base PLAN.json', 'required');
          return `${JSON.stringify(parsePlanCsv(readText(plan, io.stdin), { base, source: plan }), null, 2)}\n`;
        }
        return `${JSON.stringify(await readPlanWorkbook(readBytes(plan), { source: plan, ...(base === undefined ? {} : { base }) }), null, 2)}\n`;
      });
    } else {
      await attempt('plan', name, () => readText(plan, io.stdin));
    }
  }
  const rules = options.rules;
  if (rules !== undefined) {
    if (isBundledRuleSetId(rules)) initial.rules = { name: `${rules}.json`, text: `${JSON.stringify(bundledRuleFileJson(rules), null, 2)}\n`, bundled: rules };
    else await attempt('rules', rules.split(/[\\/]/).at(-1) ?? rules, () => readText(rules, io.stdin));
  }
  const observations = options.observations;
  if (observations !== undefined) await attempt('observations', observations.split(/[\\/]/).at(-1) ?? observations, () => readText(observations, io.stdin));
  return initial;
}

/**
 * The studio's server: the app's files and `/initial.json`, on 127.0.0.1 only,
 * under {@link STUDIO_CSP}; any other path is 404, a request whose Host is not
 * this server (DNS rebinding) is refused.
 */
export function studioServer(files: ReadonlyMap<string, Buffer>, initial: Record<string, unknown>): Server {
  const initialJson = Buffer.from(JSON.stringify(initial));
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const port = (server.address() as AddressInfo | null)?.port;
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('forbidden');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path = '/';
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      path = '';
    }
    if (path === '/') path = '/index.html';
    const body = path === '/initial.json' ? initialJson : files.get(path);
    const headers = {
      'content-security-policy': STUDIO_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': 'no-store',
    };
    if (body === undefined) {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, { ...headers, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return server;
}

/** Opens a URL in the default browser; resolves to false when no opener could be started. */
function openBrowser(url: string): Promise<boolean> {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

/** `duban studio`: serves the analyst's workbench until interrupted. */
export async function studioCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      rules: { type: 'string' },
      observations: { type: 'string' },
      base: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    io.stdout(STUDIO_HELP);
    return 0;
  }
  const problems: CommandLineProblem[] = [];
  if (positionals.length > 1) problems.push({ code: 'too_many', message: `expected at most one plan, got ${positionals.length}: ${positionals.join(' ')}` });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || !Number.isInteger(port) || port > 65535)
    problems.push({ code: 'invalid_value', message: `--port: expected a port number 0–65535, got ${JSON.stringify(values.port)}` });
  if (values.rules !== undefined && !isBundledRuleSetId(values.rules) && !/[\\/]|\.json$/i.test(values.rules))
    problems.push({
      code: 'unknown_reference',
      message: `--rules: unknown rule set ${JSON.stringify(values.rules)}; bundled: ${BUNDLED_RULE_SET_IDS.join(', ')}, or give a rule file's path`,
    });
  checkOptions(problems);
  const files = appFiles(appFolder());
  const initial = await initialFiles({ plan: positionals[0], rules: values.rules, observations: values.observations, base: values.base }, io);
  const server = studioServer(files, initial);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? usage(`端口 ${port} 已被占用 / port ${port} is in use`, 'invalid_value') : error),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const opened = values['no-open'] === true ? false : await openBrowser(url);
  io.stdout(`duban studio: ${url}\n`);
  io.stdout(
    opened
      ? '已在浏览器中打开;按 Ctrl+C 停止。 Opened in the browser; press Ctrl+C to stop.\n'
      : '请在浏览器中打开上面的网址;按 Ctrl+C 停止。 Open the URL above in a browser; press Ctrl+C to stop.\n',
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
