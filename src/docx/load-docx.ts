import { importOptionalPeer } from '../optional-peer.js';

/** The `docx` package, as the Word writer uses it. */
export type DocxModule = typeof import('docx');

/** What to install, in Chinese and English, when docx is missing. */
export const DOCX_MISSING_MESSAGE =
  'Word 通报需要可选依赖 docx，但它没有安装。请运行 npm install docx。 / the Word bulletin needs the optional dependency docx, which is not installed: run npm install docx';

/**
 * docx, loaded when the first Word document is written, so that importing `duban/docx` costs
 * nothing until then. docx is an optional peer dependency: when it is not installed, this throws a
 * `MISSING_DEPENDENCY` {@link DubanError} saying what to install. `importer` is the import itself,
 * replaceable so that tests can make it fail.
 */
export async function loadDocx(importer: () => Promise<unknown> = () => import('docx')): Promise<DocxModule> {
  const module = await importOptionalPeer<DocxModule & { default?: DocxModule }>('docx', importer, DOCX_MISSING_MESSAGE);
  // The CommonJS build of docx, reached through `import()` from CommonJS, has no named exports of its own.
  return typeof module.Document === 'function' ? module : (module.default ?? module);
}
