// Reads a .docx for the Word bulletin tests: the parts of the archive, and the
// body of word/document.xml as a sequence of paragraphs and tables.
import JSZip from 'jszip';

/** The text files of a .docx archive, by path. */
export async function unzipDocx(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [path, entry] of Object.entries(zip.files)) if (!entry.dir) parts.set(path, await entry.async('string'));
  return parts;
}

const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

/** The text of a piece of WordprocessingML: its `w:t` runs, `w:br` as a line break, `w:tab` as a tab. */
export function xmlText(xml: string): string {
  let out = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>|<w:t\/>/g)) {
    if (match[0] === '<w:br/>') out += '\n';
    else if (match[0] === '<w:tab/>') out += '\t';
    else out += unescapeXml(match[1] ?? '');
  }
  return out;
}

/** A paragraph of the body: its style id and text. */
export interface BodyParagraph {
  readonly kind: 'paragraph';
  readonly style: string | undefined;
  readonly text: string;
  readonly xml: string;
}

/** A table of the body: its rows of cell texts, and whether each row repeats as a header. */
export interface BodyTable {
  readonly kind: 'table';
  readonly rows: readonly { readonly header: boolean; readonly cells: readonly string[]; readonly xml: readonly string[] }[];
  readonly gridColumns: readonly number[];
  readonly xml: string;
}

/** The paragraphs and tables of `w:body`, in order (tables are not nested in duban's documents). */
export function bodyBlocks(documentXml: string): (BodyParagraph | BodyTable)[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? '';
  const blocks: (BodyParagraph | BodyTable)[] = [];
  for (const match of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p\s[\s\S]*?<\/w:p>/g)) {
    const xml = match[0];
    if (xml.startsWith('<w:tbl>')) {
      const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr\s[\s\S]*?<\/w:tr>/g)].map((row) => {
        const cells = [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => cell[0]);
        return { header: /<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(row[0]), cells: cells.map(xmlText), xml: cells };
      });
      const gridColumns = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((column) => Number(column[1]));
      blocks.push({ kind: 'table', rows, gridColumns, xml });
    } else {
      blocks.push({ kind: 'paragraph', style: /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1], text: xmlText(xml), xml });
    }
  }
  return blocks;
}

/** The `w:style` element of a style id in word/styles.xml. */
export function styleXml(stylesXml: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (match === null) throw new Error(`no style ${id}`);
  return match[0];
}

/** The value of an attribute of the first element of a name in a piece of XML. */
export function attribute(xml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<${element}(?:\\s[^>]*)?/?>`).exec(xml)?.[0];
  return tag === undefined ? undefined : new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Millimetres from twips (1/1440 inch). */
export const mm = (twips: number): number => (twips / 1440) * 25.4;
