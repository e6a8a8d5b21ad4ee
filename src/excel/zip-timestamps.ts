/** MS-DOS date of 1980-01-01, the earliest a ZIP entry can carry; time 00:00:00 is 0. */
const DOS_DATE_1980 = ((1980 - 1980) << 9) | (1 << 5) | 1;

/**
 * Sets the modification time of every entry of a ZIP archive (an .xlsx file)
 * to 1980-01-01 00:00, in both its local header and the central directory, so
 * that the same workbook gives the same bytes whenever it is written. The
 * times are not covered by the entries' CRCs, so the archive stays valid.
 * Returns the input unchanged when it is not a ZIP archive it can walk.
 */
export function normalizeZipTimestamps(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return bytes;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > out.length || view.getUint32(offset, true) !== 0x02014b50) return bytes;
    view.setUint16(offset + 12, 0, true);
    view.setUint16(offset + 14, DOS_DATE_1980, true);
    const local = view.getUint32(offset + 42, true);
    if (local + 30 > out.length || view.getUint32(local, true) !== 0x04034b50) return bytes;
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DOS_DATE_1980, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return out;
}
