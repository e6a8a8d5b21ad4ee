/**
 * Full-width ASCII (０-９, ％, （）, ，：；) and other look-alikes mapped to
 * their ASCII form, one UTF-16 unit for one, so every offset into the result is
 * an offset into the input.
 */
export function normalizeText(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    codes[i] =
      code >= 0xff01 && code <= 0xff5e
        ? code - 0xfee0
        : code === 0x3000
          ? 0x20
          : code === 0xfe6a
            ? 0x25
            : code === 0x00b5
              ? 0x03bc
              : code === 0x00b3
                ? 0x33
                : code === 0xfe59
                  ? 0x28
                  : code === 0xfe5a
                    ? 0x29
                    : code === 0x3014 || code === 0x3010
                      ? 0x5b
                      : code === 0x3015 || code === 0x3011
                        ? 0x5d
                        : code;
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}
