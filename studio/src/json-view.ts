// The JSON view of the rule file: CodeMirror 6 with duban's JSON Schema for completion and hover,
// and duban's own findings (parseRuleFile's issues, checkRuleFile's problems) as inline diagnostics.
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, indentOnInput, syntaxHighlighting, defaultHighlightStyle, syntaxTree } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap, lineNumbers, highlightActiveLine, type Tooltip } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import { FACT_CATALOGUE } from '../../src/pace/fact-catalogue.js';
import { lang } from './i18n.js';
import { locateJson, spanOf } from './json-paths.js';

/** One finding to show in the text. */
export interface Finding {
  readonly path: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

type Schema = Record<string, unknown>;

/** A change the studio made itself (not the analyst typing). */
const fromStudio = Annotation.define<boolean>();

/** The subschemas a JSON path leads to, through $ref, anyOf, oneOf and allOf. */
function schemasAt(root: Schema, path: readonly (string | number)[]): Schema[] {
  const expand = (schema: unknown, seen = 0): Schema[] => {
    if (typeof schema !== 'object' || schema === null || seen > 20) return [];
    const s = schema as Schema;
    if (typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/')) {
      const target = (root.$defs as Record<string, unknown> | undefined)?.[s.$ref.slice(8)];
      return [{ ...s, ...(target as Schema), $ref: undefined }, ...expand(target, seen + 1).slice(1)].filter(Boolean);
    }
    const variants = [...((s.anyOf as unknown[]) ?? []), ...((s.oneOf as unknown[]) ?? []), ...((s.allOf as unknown[]) ?? [])];
    return [s, ...variants.flatMap((variant) => expand(variant, seen + 1))];
  };
  let current = expand(root);
  for (const key of path) {
    const next: Schema[] = [];
    for (const schema of current) {
      if (typeof key === 'number') next.push(...expand(schema.items));
      else {
        const properties = schema.properties as Record<string, unknown> | undefined;
        if (properties !== undefined && Object.hasOwn(properties, key)) next.push(...expand(properties[key]));
      }
    }
    current = next;
  }
  return current;
}

/** The path to a node of the syntax tree, and whether the node is a property name. */
function pathOf(state: EditorState, node: SyntaxNode): (string | number)[] {
  const path: (string | number)[] = [];
  let child: SyntaxNode | null = node;
  for (let parent = node.parent; parent !== null; child = parent, parent = parent.parent) {
    if (parent.name === 'Property') {
      const name = parent.getChild('PropertyName');
      if (name !== null && child.name !== 'PropertyName') {
        try {
          path.unshift(JSON.parse(state.sliceDoc(name.from, name.to)) as string);
        } catch {
          path.unshift(state.sliceDoc(name.from + 1, name.to - 1));
        }
      }
    } else if (parent.name === 'Array') {
      let index = 0;
      for (let sibling = parent.firstChild; sibling !== null && sibling.from < child.from; sibling = sibling.nextSibling) {
        if (!['[', ']', ',', '⚠'].includes(sibling.name)) index++;
      }
      path.unshift(index);
    }
  }
  return path;
}

/** A schema description in the language shown (the schema writes `中文\n\nEnglish`). */
function describe(schema: Schema | undefined): string {
  const text = typeof schema?.description === 'string' ? schema.description : '';
  const [zh, en] = text.split('\n\n');
  return (lang() === 'zh' ? zh : (en ?? zh)) ?? '';
}

const FACTS = new Map(FACT_CATALOGUE.map((fact) => [fact.name as string, fact]));

function factInfo(name: string): string | undefined {
  const fact = FACTS.get(name);
  if (fact === undefined) return undefined;
  const type = `${fact.type}${fact.nullable ? ' | null' : ''}${fact.unit === '' ? '' : ` · ${fact.unit}`}`;
  return `${name}: ${lang() === 'zh' ? fact.zh : fact.en} (${type}; ${fact.formula})`;
}

/** The editor of the rule file's text. */
export class JsonView {
  readonly view: EditorView;
  private statuses: () => { code: string; label: string }[];

  constructor(parent: HTMLElement, schema: Schema, onChange: (text: string) => void, statuses: () => { code: string; label: string }[]) {
    this.statuses = statuses;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const complete = (context: CompletionContext): CompletionResult | null => this.complete(schema, context);
    // In a shadow root: there CodeMirror's styles go into a constructed style sheet, which a strict
    // Content-Security-Policy (style-src 'self', no 'unsafe-inline') allows; in the document itself
    // they would be an inline <style> element, which it blocks.
    const shadow = parent.attachShadow({ mode: 'open' });
    this.view = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          json(),
          EditorView.theme({
            '&': { height: '62vh', border: '1px solid #d9dde4', borderRadius: '4px', fontSize: '13px', backgroundColor: '#fff' },
            '.cm-scroller': { overflow: 'auto', fontFamily: '"JetBrains Mono", "Cascadia Mono", Consolas, "Noto Sans Mono CJK SC", monospace' },
            '.cm-hover': { maxWidth: '32rem', padding: '.3rem .5rem', fontSize: '.85rem' },
            '.cm-tooltip-lint': { maxWidth: '40rem' },
          }),
          autocompletion({ override: [complete] }),
          hoverTooltip((view, pos) => this.hover(schema, view, pos)),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-label': 'rule file JSON', 'data-testid': 'json-editor' }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromStudio) === true)) return;
            clearTimeout(timer);
            timer = setTimeout(() => onChange(update.state.doc.toString()), 120);
          }),
        ],
      }),
    });
  }

  /** Shows a text the studio produced (a table edit, undo, a loaded file) without reporting it back as an edit. */
  setText(text: string): void {
    if (this.view.state.doc.toString() === text) return;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text }, annotations: fromStudio.of(true) });
  }

  /** Puts the cursor on the value at a JSON path and scrolls it into view. */
  reveal(path: string): void {
    const span = spanOf(locateJson(this.view.state.doc.toString()), path);
    if (span === undefined) return;
    this.view.dispatch({ selection: { anchor: span.from, head: span.to }, effects: EditorView.scrollIntoView(span.from, { y: 'center' }) });
    this.view.focus();
  }

  /** Shows findings at their places in the text. */
  setFindings(findings: readonly Finding[]): void {
    const text = this.view.state.doc.toString();
    const spans = locateJson(text);
    const diagnostics: Diagnostic[] = [];
    for (const finding of findings) {
      const span = spanOf(spans, finding.path) ?? { from: 0, to: Math.min(text.length, 1) };
      diagnostics.push({
        from: span.from,
        to: Math.max(span.to, span.from + 1 > text.length ? span.from : span.from + 1),
        severity: finding.severity,
        message: `${finding.path}: ${finding.message}`,
      });
    }
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  private complete(schema: Schema, context: CompletionContext): CompletionResult | null {
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    const inString = node.name === 'String' || node.name === 'PropertyName';
    const from = inString ? node.from : context.pos;
    const isKey = node.name === 'PropertyName' || (node.name === 'Object' && !inString) || (node.name === '⚠' && node.parent?.name === 'Object');
    if (!inString && !context.explicit && !isKey) return null;
    const quoted = (text: string) => JSON.stringify(text);
    if (isKey) {
      const objectNode = node.name === 'Object' ? node : node.parent?.name === 'Property' ? node.parent.parent : node.parent;
      if (objectNode === null || objectNode === undefined) return null;
      const path = pathOf(context.state, objectNode);
      const options: Completion[] = [];
      const seen = new Set<string>();
      for (const candidate of schemasAt(schema, path)) {
        for (const [key, property] of Object.entries((candidate.properties as Record<string, Schema> | undefined) ?? {})) {
          if (seen.has(key)) continue;
          seen.add(key);
          options.push({
            label: quoted(key),
            type: 'property',
            info: describe(property),
            apply: node.name === 'PropertyName' ? quoted(key) : `${quoted(key)}: `,
          });
        }
      }
      return { from, options, validFor: /^"?[\w$-]*"?$/ };
    }
    // A value: the enum of the schema at its path, facts named with their meaning, statuses of the file.
    const path = pathOf(context.state, node);
    const last = path.at(-1);
    const options: Completion[] = [];
    if (last === 'fact')
      for (const fact of FACT_CATALOGUE)
        options.push({
          label: quoted(fact.name),
          type: 'variable',
          detail: lang() === 'zh' ? (fact.zh.split(/[(:。,]/)[0] ?? '') : fact.en,
          info: factInfo(fact.name) ?? '',
        });
    else if (last === 'type' && path.includes('event'))
      for (const status of this.statuses()) options.push({ label: quoted(status.code), type: 'enum', detail: status.label });
    else {
      for (const candidate of schemasAt(schema, path)) {
        for (const value of (candidate.enum as unknown[] | undefined) ?? []) options.push({ label: JSON.stringify(value), type: 'enum' });
        if (candidate.const !== undefined) options.push({ label: JSON.stringify(candidate.const), type: 'enum' });
      }
    }
    if (options.length === 0) return null;
    return { from, options, validFor: /^"?[\w$-]*"?$/ };
  }

  private hover(schema: Schema, view: EditorView, pos: number): Tooltip | null {
    const node = syntaxTree(view.state).resolveInner(pos, 1);
    if (node.name !== 'PropertyName' && node.name !== 'String') return null;
    let text = '';
    if (node.name === 'PropertyName') {
      const key = view.state.sliceDoc(node.from + 1, node.to - 1);
      const parent = node.parent?.parent;
      const path = parent === null || parent === undefined ? [] : pathOf(view.state, parent);
      text =
        schemasAt(schema, [...path, key])
          .map(describe)
          .find((description) => description !== '') ?? '';
    } else {
      const value = view.state.sliceDoc(node.from + 1, node.to - 1);
      text = factInfo(value) ?? '';
    }
    if (text === '') return null;
    return {
      pos: node.from,
      end: node.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-hover';
        dom.textContent = text;
        return { dom };
      },
    };
  }
}
