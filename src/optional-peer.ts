import { DubanError } from './errors.js';

/** Whether an import failed because the module itself (not one of its own imports) is not installed. */
function isMissingModule(error: unknown, name: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return typeof message === 'string' && (message.includes(`'${name}'`) || message.includes(`"${name}"`));
}

/**
 * An optional peer dependency (exceljs, docx), imported on first use: when it is not installed,
 * a `MISSING_DEPENDENCY` {@link DubanError} with `missing` (what to install, in Chinese and
 * English); any other failure of the import as it is.
 *
 * @param name - the package's name
 * @param importer - the `import()` itself (a literal specifier, so that bundlers see it)
 * @param missing - the message when it is not installed
 * @returns the module
 */
export async function importOptionalPeer<T>(name: string, importer: () => Promise<unknown>, missing: string): Promise<T> {
  try {
    return (await importer()) as T;
  } catch (error) {
    if (isMissingModule(error, name)) throw new DubanError('MISSING_DEPENDENCY', missing, { cause: error });
    throw error;
  }
}
