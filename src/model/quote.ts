// Kept apart from schema-kit.ts (which imports zod) so the pace layer can quote a value without
// bringing zod into a browser bundle of expectedProgress alone (test/package/bundle-size.test.ts).

/** Quotes an offending value for a message, shortened so a 50 MB string stays readable. */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    // BigInts, cycles, objects without a prototype: describe rather than fail.
    try {
      text = String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
