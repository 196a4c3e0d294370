/**
 * Bytes to text, as spreadsheets write CSV: UTF-8 with or without a byte-order mark, UTF-16 with a
 * byte-order mark (Excel's "Unicode text"), and, when the bytes are not valid UTF-8, Windows-1252
 * (Excel's "CSV" on Western-European Windows) with a warning.
 */

export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  readonly warning: string | null;
}

/**
 * Windows-1252 bytes 0x80-0x9F (the WHATWG Encoding Standard's index; Node's TextDecoder maps
 * them to C1 controls instead). 0 marks the five undefined bytes, kept as their C1 code point.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes.push(b >= 0x80 && b <= 0x9f && CP1252_HIGH[b - 0x80] ? CP1252_HIGH[b - 0x80] : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warning: null };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warning: null };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(bom)), encoding: 'utf-8', warning: null };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      warning: 'the file is not valid UTF-8; it was read as Windows-1252 (save it as "CSV UTF-8" to avoid this)',
    };
  }
}
