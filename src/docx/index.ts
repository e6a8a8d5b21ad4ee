/**
 * `duban/docx`: 督查 bulletins (通报) as Word documents in the layout of
 * GB/T 9704-2012《党政机关公文格式》. A separate entry point, so that the core
 * package never loads docx; docx itself is loaded on the first document written.
 *
 * @module duban/docx
 */
export { DEFAULT_DOCX_FONTS, writeBulletinDocx } from './write-bulletin-docx.js';
export type { BulletinDocxOptions, DocxFonts } from './write-bulletin-docx.js';
