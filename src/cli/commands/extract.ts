import { parseArgs } from 'node:util';
import { DOCUMENT_KINDS, DubanError, extractPlan, isCalendarDate, isDubanError, MAX_INPUT_BYTES, type DocumentKind, type ExtractOptions } from '../../index.js';
import { checkOptions, readBytes, writeAtomically, type CliIo, type CommandLineProblem } from '../io.js';

export const EXTRACT_HELP = `用法 Usage: duban extract FILE|- [options]

从《政府工作报告》、任务分解通知或督查通报的文本中提取目标,起草计划文件(JSON)。
Drafts a plan (JSON, format 1) from the text of a government work report, a task
decomposition notice or a supervision bulletin. FILE may be - to read stdin.
文本可为 UTF-8、GB18030 或 UTF-16(自动识别)。 The text may be UTF-8, GB18030 or UTF-16 (detected).

每项任务带 x-source(原句及其字符位置);无法读出的句子列入 x-review,
并在标准错误输出中逐行列出。这是草稿,请人工核对。
Every task carries x-source (the sentence and its offsets); sentences that look
like targets but could not be read are listed under x-review and on stderr.

选项 Options:
  --kind KIND            文件类型 ${DOCUMENT_KINDS.join(' | ')};默认自动识别
                         the kind of document (default: detected from the title)
  --year YYYY            计划年度;默认取自标题或正文 / the plan's year (default: from the title or text)
  --as-of YYYY-MM-DD     计划的 asOf;通报的数据日期(默认按标题:一季度 → 03-31)
                         the plan's as-of date; a bulletin's figures are dated so
  --id ID                计划 id(默认 extracted-YYYY) / the plan id
  --about-points X       “左右”的容差(%、个百分点),默认 0.5 / tolerance of 左右 in points
  --about-share X        “左右”的容差(其他单位,占目标值比例),默认 0.05 / tolerance of 左右 as a share
  --out FILE             写入文件而非标准输出 / write there instead of stdout
  -h, --help             显示帮助 / show this help

退出码 Exit status:
  0  成功(复核清单不影响退出码) / success (review items do not change it)
  2  输入错误:文件无法读取、找不到年度或日期、选项无效(不输出任何结果)
     bad input: unreadable file, no year or date found, invalid option (nothing written)

示例 Examples:
  duban extract 通报.txt --out plan.json
  duban extract 通报.txt | duban evaluate - --format table
  duban extract 报告.txt --kind report --year 2017
`;

/** The streams of a command that can also read stdin as bytes (so GB18030 on stdin can be decoded). */
export interface ExtractIo extends CliIo {
  readonly stdinBytes?: () => Uint8Array;
}

/** Which UTF-16 byte order NUL bytes point to: the high byte of ASCII is 0, at odd offsets in UTF-16LE and even ones in UTF-16BE; mixed means neither. */
function utf16ByNulls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'mixed' | undefined {
  let even = 0;
  let odd = 0;
  const end = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < end; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (even === 0 && odd === 0) return undefined;
  if (even === 0 && bytes.length % 2 === 0) return 'utf-16le';
  if (odd === 0 && bytes.length % 2 === 0) return 'utf-16be';
  return 'mixed';
}

function decodeStrict(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', source: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DubanError('READ_FAILED', `${source} 不是有效的 ${encoding.toUpperCase()} 文本。 / ${source} is not valid ${encoding.toUpperCase()}.`, {
      issues: [
        {
          code: 'invalid_format',
          path: '$',
          keys: [],
          message: `文件以 ${encoding.toUpperCase()} 的字节顺序标记或空字节开头,但无法按此解码;请转换为 UTF-8。 / it looks like ${encoding.toUpperCase()} (byte-order mark or NUL bytes) but does not decode as such; convert it to UTF-8`,
        },
      ],
      source,
    });
  }
}

/**
 * Decodes a document: UTF-16LE or UTF-16BE when it starts with their
 * byte-order mark, or has no mark but NUL bytes only at the odd (LE) or only
 * at the even (BE) offsets (the high byte of ASCII characters — UTF-8 and
 * GB18030 text has no NUL bytes); else UTF-8 when the bytes are valid UTF-8
 * (a byte-order mark is dropped), else GB18030 (which GBK and GB2312 texts
 * also are). Bytes with NULs at both parities are refused (a binary file, or
 * an encoding duban does not know), never decoded into mojibake.
 *
 * @param source - the file name (or stdin) the error names
 * @throws {@link DubanError} `READ_FAILED` when the bytes look like UTF-16 but do not decode, or hold NUL bytes of no UTF-16 pattern
 */
export function decodeDocument(bytes: Uint8Array, source = 'document'): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeStrict(bytes, 'utf-16le', source);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeStrict(bytes, 'utf-16be', source);
  const nulls = utf16ByNulls(bytes);
  if (nulls === 'mixed') {
    throw new DubanError(
      'READ_FAILED',
      `${source} 含有空字节,不是 UTF-8、GB18030 或 UTF-16 文本。 / ${source} holds NUL bytes: it is not UTF-8, GB18030 or UTF-16 text.`,
      {
        issues: [
          {
            code: 'invalid_format',
            path: '$',
            keys: [],
            message:
              '请给出纯文本文件(UTF-8、GB18030 或带字节顺序标记的 UTF-16);Word、PDF 请先另存为文本。 / give a plain text file (UTF-8, GB18030, or UTF-16); save Word or PDF files as text first',
          },
        ],
        source,
      },
    );
  }
  if (nulls !== undefined) return decodeStrict(bytes, nulls, source);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readDocument(file: string, io: ExtractIo): string {
  if (file === '-') {
    if (io.stdinBytes !== undefined) {
      const bytes = io.stdinBytes();
      if (bytes.length > MAX_INPUT_BYTES)
        throw new DubanError('LIMIT_EXCEEDED', 'cannot read stdin', {
          issues: [{ code: 'too_large', path: '$', keys: [], message: `more than the limit of ${MAX_INPUT_BYTES} bytes (256 MiB)` }],
          source: 'stdin',
        });
      return decodeDocument(bytes, 'stdin');
    }
    const text = io.stdin();
    if (text.length > MAX_INPUT_BYTES)
      throw new DubanError('LIMIT_EXCEEDED', 'cannot read stdin', {
        issues: [{ code: 'too_large', path: '$', keys: [], message: `more than the limit of ${MAX_INPUT_BYTES} bytes (256 MiB)` }],
        source: 'stdin',
      });
    if (text.includes('\ufffd')) {
      throw new DubanError('READ_FAILED', 'stdin is not valid UTF-8', {
        issues: [
          {
            code: 'invalid_format',
            path: '$',
            keys: [],
            message: '标准输入不是有效的 UTF-8;GB18030 文本请以文件路径给出 / stdin is not valid UTF-8; give a GB18030 text as a file path',
          },
        ],
        source: 'stdin',
      });
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  return decodeDocument(readBytes(file), file);
}

/** `duban extract`: draft a plan from a document's text. */
export async function extractCommand(args: string[], io: ExtractIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      kind: { type: 'string' },
      year: { type: 'string' },
      'as-of': { type: 'string' },
      id: { type: 'string' },
      'about-points': { type: 'string' },
      'about-share': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    io.stdout(EXTRACT_HELP);
    return 0;
  }
  const problems: CommandLineProblem[] = [];
  if (positionals.length !== 1)
    problems.push({
      code: positionals.length === 0 ? 'required' : 'too_many',
      message: positionals.length === 0 ? 'missing FILE (or - for stdin)' : `expected one file, got ${positionals.length}: ${positionals.join(' ')}`,
    });
  const kind = values.kind;
  if (kind !== undefined && !(DOCUMENT_KINDS as readonly string[]).includes(kind))
    problems.push({ code: 'invalid_value', message: `--kind: expected one of ${DOCUMENT_KINDS.join(', ')}, got ${JSON.stringify(kind)}` });
  const year = values.year;
  if (year !== undefined && !/^\d{4}$/u.test(year))
    problems.push({ code: 'invalid_value', message: `--year: expected a four-digit year, got ${JSON.stringify(year)}` });
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf))
    problems.push({ code: 'invalid_date', message: `--as-of: not a real calendar date YYYY-MM-DD: ${JSON.stringify(asOf)}` });
  if (values.id !== undefined && values.id === '') problems.push({ code: 'required', message: '--id: must not be empty' });
  for (const key of ['about-points', 'about-share'] as const) {
    const value = values[key];
    if (value !== undefined && !/^\d+(?:\.\d+)?$/u.test(value))
      problems.push({ code: 'invalid_decimal', message: `--${key}: expected a decimal >= 0, got ${JSON.stringify(value)}` });
  }
  checkOptions(problems);
  const file = positionals[0] ?? '-';
  const text = readDocument(file, io);
  const aboutPoints = values['about-points'];
  const aboutShare = values['about-share'];
  const options: ExtractOptions = {
    ...(kind === undefined ? {} : { kind: kind as DocumentKind }),
    ...(year === undefined ? {} : { year: Number(year) }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(values.id === undefined ? {} : { id: values.id }),
    ...(aboutPoints === undefined && aboutShare === undefined
      ? {}
      : { aboutTolerance: { ...(aboutPoints === undefined ? {} : { points: aboutPoints }), ...(aboutShare === undefined ? {} : { share: aboutShare }) } }),
  };
  let result;
  try {
    result = extractPlan(text, options);
  } catch (error) {
    if (isDubanError(error) && error.source === undefined) {
      throw new DubanError(error.code, error.message, { issues: error.issues, source: file === '-' ? 'stdin' : file, cause: error });
    }
    throw error;
  }
  const output = `${JSON.stringify(result.plan, null, 2)}\n`;
  if (values.out !== undefined) writeAtomically(values.out, output);
  else io.stdout(output);
  const name = file === '-' ? 'stdin' : file;
  for (const item of result.review) {
    const excerpt = item.sentence.length > 60 ? `${item.sentence.slice(0, 60)}…` : item.sentence;
    io.stderr(`duban: review: ${name}:${item.line}: ${item.message}: ${excerpt}\n`);
  }
  io.stderr(`duban: extract: ${result.plan.tasks.length} tasks (${result.kind}), ${result.review.length} to review\n`);
  return 0;
}
