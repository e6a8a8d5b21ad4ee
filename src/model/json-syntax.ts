// The message for a JSON syntax error: where it is (line and column), and a
// hint for the mistakes hand-edited files make most: full-width punctuation
// typed with a Chinese input method (，：“”‘’｛｝［］) and trailing commas.
import type { DubanIssue } from '../errors.js';
import { bilingual } from './suggest.js';

/** Texts longer than this get no search for a position the parser did not give (each try parses a prefix). */
const MAX_POSITION_SEARCH = 16 << 20;

const FULL_WIDTH: Readonly<Record<string, { zh: string; en: string; ascii: string }>> = {
  '，': { zh: '全角逗号', en: 'full-width comma', ascii: ',' },
  '：': { zh: '全角冒号', en: 'full-width colon', ascii: ':' },
  '“': { zh: '全角引号', en: 'full-width quotation mark', ascii: '"' },
  '”': { zh: '全角引号', en: 'full-width quotation mark', ascii: '"' },
  '‘': { zh: '全角单引号', en: 'full-width single quotation mark', ascii: '"' },
  '’': { zh: '全角单引号', en: 'full-width single quotation mark', ascii: '"' },
  '｛': { zh: '全角左花括号', en: 'full-width brace', ascii: '{' },
  '｝': { zh: '全角右花括号', en: 'full-width brace', ascii: '}' },
  '［': { zh: '全角左方括号', en: 'full-width bracket', ascii: '[' },
  '］': { zh: '全角右方括号', en: 'full-width bracket', ascii: ']' },
  '、': { zh: '顿号', en: 'ideographic comma', ascii: ',' },
  '；': { zh: '全角分号', en: 'full-width semicolon', ascii: ',' },
};

/** Line and column (1-based, in UTF-16 code units) of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first character JSON.parse refuses, found by parsing prefixes (the parser did not say). */
function searchPosition(text: string): number | undefined {
  if (text.length > MAX_POSITION_SEARCH) return undefined;
  const failsAt = (end: number): boolean => {
    try {
      JSON.parse(text.slice(0, end));
      return false;
    } catch (error) {
      // A prefix that merely ends early fails at its end (or says so); a real error is before it.
      const message = error instanceof Error ? error.message : '';
      if (/Unexpected end of JSON input|Unterminated string/.test(message)) return false;
      const position = /position (\d+)/.exec(message);
      return position === null || Number(position[1]) < end;
    }
  };
  if (!failsAt(text.length)) return undefined;
  let low = 0;
  let high = text.length;
  // The smallest prefix length that fails for another reason than ending early.
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsAt(middle)) high = middle;
    else low = middle + 1;
  }
  return low > 0 ? low - 1 : undefined;
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
}

/** The hint for the character at or just before the error, in both languages, with the place it names. */
function hintAt(text: string, offset: number, parserMessage: string): { zh: string; en: string } | undefined {
  const at = (i: number) => lineAndColumn(text, i);
  const fullWidth = (i: number) => {
    const mark = text[i];
    const known = mark === undefined ? undefined : FULL_WIDTH[mark];
    if (known === undefined) return undefined;
    const { line, column } = at(i);
    return {
      zh: `第 ${line} 行第 ${column} 列附近有${known.zh}“${mark!}”，JSON 只能用半角标点（请改为 ${known.ascii}）`,
      en: `a ${known.en} "${mark!}" near line ${line}, column ${column}: JSON needs ASCII punctuation (write ${known.ascii})`,
    };
  };
  const here = fullWidth(offset);
  if (here !== undefined) return here;
  const previous = previousNonSpace(text, offset);
  const ch = text[offset];
  if (previous >= 0 && text[previous] === ',' && (ch === '}' || ch === ']' || ch === ',')) {
    const { line, column } = at(previous);
    return ch === ','
      ? { zh: `第 ${line} 行第 ${column} 列后多了一个逗号`, en: `an extra comma after line ${line}, column ${column}` }
      : {
          zh: `第 ${line} 行第 ${column} 列有多余的末尾逗号：JSON 不允许在 ${ch} 前写逗号`,
          en: `a trailing comma at line ${line}, column ${column}: JSON allows no comma before ${ch}`,
        };
  }
  if (previous >= 0) {
    const before = fullWidth(previous);
    if (before !== undefined) return before;
  }
  if (/Unterminated string|Bad control character|Bad escaped character/.test(parserMessage)) {
    // A string closed with a full-width quotation mark runs on to the end of its line.
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const opened = text.lastIndexOf('"', offset - 1);
    for (let i = offset - 1; i > Math.max(opened, lineStart - 1); i--) {
      if (text[i] === '”' || text[i] === '“') return fullWidth(i);
    }
  }
  const { line, column } = at(offset);
  if (ch === "'")
    return {
      zh: `第 ${line} 行第 ${column} 列有单引号：JSON 的字符串和键要用双引号 "`,
      en: `a single quote at line ${line}, column ${column}: JSON strings and keys take double quotes "`,
    };
  if (ch === '/' && (text[offset + 1] === '/' || text[offset + 1] === '*'))
    return {
      zh: `第 ${line} 行第 ${column} 列有注释：JSON 不能有注释，可以写成以 x- 开头的键`,
      en: `a comment at line ${line}, column ${column}: JSON has no comments; write a note as an x- key instead`,
    };
  return undefined;
}

/**
 * The issue for text that JSON.parse refused: `$`, with the line and column
 * of the first bad character and, when the mistake is a common one, a hint.
 *
 * @param text - the text given to JSON.parse (without a byte-order mark)
 * @param error - what JSON.parse threw
 */
export function jsonSyntaxIssue(text: string, error: unknown): DubanIssue {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  const position = /position (\d+)/.exec(message);
  const offset = position !== null ? Number(position[1]) : /Unexpected end of JSON input/.test(message) ? text.length : searchPosition(text);
  if (offset === undefined)
    return { code: 'json_syntax', path: '$', keys: [], message: bilingual(`不是有效的 JSON（${message}）`, `not valid JSON: ${message}`) };
  const { line, column } = lineAndColumn(text, offset);
  const hint = hintAt(text, offset, message);
  const zhWhat = offset >= text.length ? '内容不完整（文件在中途结束）' : '有语法错误';
  return {
    code: 'json_syntax',
    path: '$',
    keys: [],
    message: bilingual(
      `不是有效的 JSON：${text.trim() === '' ? '文件是空的' : hint === undefined ? `第 ${line} 行第 ${column} 列${zhWhat}` : hint.zh}`,
      `not valid JSON at line ${line}, column ${column}: ${message}${hint === undefined ? '' : `; ${hint.en}`}`,
    ),
  };
}
