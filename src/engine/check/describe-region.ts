// Readable descriptions of regions of facts, for gap reports: each fact's
// value is described by the set of its values that every condition on that
// fact treats alike ("paceRatio ≥ 0.5 or null", "kind ≠ rate").
import { toNumber, type Fraction } from '../../pace/fraction.js';
import { evaluateLeaf, factNullable, factType, type Leaf } from './conditions.js';
import { KINDS, MAX_DAY_SPAN } from './fact-model.js';

/** Describes one fact's value, or gives `undefined` when the rules do not tell its values apart. */
export interface FactDescriber {
  readonly fact: string;
  describe(value: unknown): string | undefined;
}

interface Atom {
  readonly value: unknown;
  readonly lo?: number | undefined;
  readonly loIn?: boolean | undefined;
  readonly hi?: number | undefined;
  readonly hiIn?: boolean | undefined;
}

const DOMAINS: Record<string, [number, number]> = {
  expected: [0, 1],
  dataAgeDays: [0, MAX_DAY_SPAN],
  overdueMilestones: [0, Number.MAX_SAFE_INTEGER],
  daysToDeadline: [-MAX_DAY_SPAN, MAX_DAY_SPAN],
};

/** The pieces of a number fact's domain that its thresholds cut out, each with a value inside it. */
function numberAtoms(fact: string, cuts: readonly number[]): Atom[] {
  const integer = factType(fact) === 'integer';
  const [min, max] = DOMAINS[fact] ?? [-Infinity, Infinity];
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  if (sorted.length === 0) return [{ value: Math.min(Math.max(0, min), max) }];
  const atoms: Atom[] = [];
  const open = (lo: number | undefined, hi: number | undefined) => {
    const from = lo ?? -Infinity;
    const to = hi ?? Infinity;
    let value: number;
    if (integer) {
      const first = Math.max(Math.floor(from) + 1, min);
      const last = Math.min(Math.ceil(to) - 1, max);
      if (first > last) return;
      value = first <= 0 && last >= 0 ? 0 : first > 0 ? first : last;
    } else {
      const a = Math.max(from, min);
      const b = Math.min(to, max);
      value = Number.isFinite(a) && Number.isFinite(b) ? (a + b) / 2 : Number.isFinite(a) ? a + 1 : Number.isFinite(b) ? b - 1 : 0;
      if (a > b || !(value > from && value < to && value >= min && value <= max)) return;
    }
    atoms.push({ value, lo, loIn: false, hi, hiIn: false });
  };
  open(undefined, sorted[0]);
  sorted.forEach((cut, i) => {
    if (cut >= min && cut <= max && (!integer || Number.isInteger(cut))) atoms.push({ value: cut, lo: cut, loIn: true, hi: cut, hiIn: true });
    open(cut, sorted[i + 1]);
  });
  return atoms;
}

function intervalText(fact: string, atoms: readonly Atom[]): string {
  const first = atoms[0]!;
  const last = atoms[atoms.length - 1]!;
  const integer = factType(fact) === 'integer';
  let lo = first.lo;
  let hi = last.hi;
  let loIn = first.loIn === true;
  let hiIn = last.hiIn === true;
  if (integer) {
    if (lo !== undefined && !loIn) [lo, loIn] = [Number.isInteger(lo) ? lo + 1 : Math.ceil(lo), true];
    if (hi !== undefined && !hiIn) [hi, hiIn] = [Number.isInteger(hi) ? hi - 1 : Math.floor(hi), true];
  }
  if (lo !== undefined && hi !== undefined && lo === hi) return `${fact} = ${lo}`;
  if (lo === undefined && hi === undefined) return `${fact} is a number`;
  if (lo === undefined) return `${fact} ${hiIn ? '≤' : '<'} ${hi}`;
  if (hi === undefined) return `${fact} ${loIn ? '≥' : '>'} ${lo}`;
  return `${lo} ${loIn ? '≤' : '<'} ${fact} ${hiIn ? '≤' : '<'} ${hi}`;
}

function groupLabels(fact: string, atoms: readonly Atom[], leaves: readonly Leaf[]): Map<unknown, string> | undefined {
  const keyOf = (atom: Atom) => leaves.map((leaf) => String(evaluateLeaf(leaf, { [fact]: atom.value }, {}))).join(',');
  const groups = new Map<string, Atom[]>();
  for (const atom of atoms) groups.set(keyOf(atom), [...(groups.get(keyOf(atom)) ?? []), atom]);
  if (groups.size <= 1 && leaves.length > 0) return undefined;
  const labels = new Map<unknown, string>();
  const type = factType(fact);
  for (const members of groups.values()) {
    let label: string;
    if (type === 'number' || type === 'integer') {
      const parts: string[] = [];
      let run: Atom[] = [];
      const flush = () => {
        if (run.length > 0) parts.push(intervalText(fact, run));
        run = [];
      };
      for (const atom of atoms) {
        if (atom.value === null) continue;
        if (members.includes(atom)) run.push(atom);
        else flush();
      }
      flush();
      if (members.some((atom) => atom.value === null)) parts.push(parts.length === 0 ? `${fact} = null` : 'null');
      label = parts.join(' or ');
    } else if (fact === 'kind' && members.length > 1) {
      const others = atoms.filter((atom) => !members.includes(atom));
      label = others.length === 1 ? `kind ≠ ${String(others[0]!.value)}` : `kind ∈ {${members.map((atom) => String(atom.value)).join(', ')}}`;
    } else {
      label = `${fact} = ${members.map((atom) => String(atom.value)).join(' or ')}`;
    }
    for (const atom of members) labels.set(atom.value, label);
  }
  return labels;
}

/**
 * Describers for the facts the rules read (plus `kind` and `hasData`, which
 * always say what sort of task a region holds).
 */
export function factDescribers(
  facts: readonly string[],
  leaves: readonly Leaf[],
  thresholds: ReadonlyMap<string, readonly Fraction[]>,
  flags: readonly string[],
): FactDescriber[] {
  const out: FactDescriber[] = [];
  for (const fact of ['kind', 'hasData', ...facts.filter((name) => name !== 'kind' && name !== 'hasData')]) {
    const own = leaves.filter((leaf) => leaf.fact === fact && leaf.factRef === undefined && leaf.inexact === undefined);
    const type = factType(fact);
    if (fact === 'flags') {
      if (flags.length > 0 && own.length > 0)
        out.push({
          fact,
          describe: (value) =>
            Array.isArray(value) ? flags.map((flag) => `flags ${value.includes(flag) ? '∋' : '∌'} ${JSON.stringify(flag)}`).join(', ') : undefined,
        });
      continue;
    }
    if (own.length === 0 && fact !== 'kind' && fact !== 'hasData') continue;
    let atoms: Atom[];
    if (type === 'number' || type === 'integer') atoms = numberAtoms(fact, (thresholds.get(fact) ?? []).map(toNumber));
    else if (type === 'boolean') atoms = [{ value: true }, { value: false }];
    else if (fact === 'kind') atoms = KINDS.map((kind) => ({ value: kind }));
    else continue;
    if (factNullable(fact)) atoms.push({ value: null });
    const labels = own.length === 0 ? new Map(atoms.map((atom) => [atom.value, `${fact} = ${String(atom.value)}`])) : groupLabels(fact, atoms, own);
    if (labels === undefined) continue;
    const numeric = type === 'number' || type === 'integer';
    out.push({
      fact,
      describe: (value) => {
        if (!numeric || value === null) return labels.get(value);
        const atom = atoms.find((candidate) => candidate.value !== null && contains(candidate, value as number));
        return atom === undefined ? undefined : labels.get(atom.value);
      },
    });
  }
  return out;
}

function contains(atom: Atom, value: number): boolean {
  if (atom.lo === undefined && atom.hi === undefined) return true;
  if (atom.lo !== undefined && (value < atom.lo || (value === atom.lo && atom.loIn !== true))) return false;
  if (atom.hi !== undefined && (value > atom.hi || (value === atom.hi && atom.hiIn !== true))) return false;
  return true;
}
