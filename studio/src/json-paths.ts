/**
 * Where each value of a JSON text is, by the JSON path duban's errors name
 * (`$.rules[2].conditions.all[0].value`): so a problem found by parseRuleFile or
 * checkRuleFile can be shown at its place in the text. A text that is not JSON
 * gives the places read before the first mistake.
 */
export interface Span {
  /** Where the value starts. */
  readonly from: number;
  /** Where it ends. */
  readonly to: number;
  /** Where its key starts, for an object member. */
  readonly keyFrom?: number;
}

/** The path of a key, as duban's formatPath writes it. */
export function pathKey(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Every value's span, by path. */
export function locateJson(text: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  let at = 0;
  const space = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const string = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    try {
      return JSON.parse(text.slice(start, at)) as string;
    } catch {
      throw new Error('bad string');
    }
  };
  const value = (path: string, keyFrom?: number): void => {
    space();
    const from = at;
    const c = text[at];
    if (c === '{') {
      at++;
      space();
      if (text[at] === '}') at++;
      else {
        for (;;) {
          space();
          if (text[at] !== '"') throw new Error('expected a key');
          const keyStart = at;
          const key = string();
          space();
          if (text[at] !== ':') throw new Error('expected :');
          at++;
          value(pathKey(path, key), keyStart);
          space();
          if (text[at] === ',') {
            at++;
            continue;
          }
          if (text[at] === '}') {
            at++;
            break;
          }
          throw new Error('expected , or }');
        }
      }
    } else if (c === '[') {
      at++;
      space();
      if (text[at] === ']') at++;
      else {
        for (let i = 0; ; i++) {
          value(pathKey(path, i));
          space();
          if (text[at] === ',') {
            at++;
            continue;
          }
          if (text[at] === ']') {
            at++;
            break;
          }
          throw new Error('expected , or ]');
        }
      }
    } else if (c === '"') string();
    else {
      const match = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at, at + 400));
      if (match === null) throw new Error('unexpected character');
      at += match[0].length;
    }
    spans.set(path, keyFrom === undefined ? { from, to: at } : { from, to: at, keyFrom });
  };
  try {
    value('$');
  } catch {
    // a text that is not JSON: the places read so far
  }
  return spans;
}

/**
 * The span of a path, or of its nearest ancestor that the text has (a missing
 * key is shown on the object that lacks it).
 */
export function spanOf(spans: ReadonlyMap<string, Span>, path: string): Span | undefined {
  let current = path;
  for (;;) {
    const span = spans.get(current);
    if (span !== undefined) return span;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) return spans.get('$');
    current = current.slice(0, cut);
  }
}
