/**
 * Bytes to text, as spreadsheets write CSV: UTF-8 with or without a byte-order mark, UTF-16 with a
 * byte-order mark (Excel's "Unicode text"), and, when the bytes are not valid UTF-8, Windows-1252
 * (Excel's "CSV" on Western-European Windows) with a warning.
 */
import { inputError } from './errors.js';

export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  readonly warning: string | null;
}

/**
 * Whether bytes are a spreadsheet rather than text: a zip (PK\x03\x04, APPNOTE.TXT 4.3.7: .xlsx,
 * .xlsm, .ods) or an OLE2 compound file (D0 CF 11 E0: a legacy .xls). The workbook reader reads
 * the first two and refuses the others with advice.
 */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole2 = bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole2;
}

/** Bytes that are not CSV text at all, with what they seem to be; null when they may be text. */
export function notText(bytes: Uint8Array): string | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return 'not a CSV text file: it is a zip archive, such as an Excel workbook (.xlsx); save it as "CSV UTF-8" and use that';
  }
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return 'not a CSV text file: it is an old Excel workbook (.xls); save it as "CSV UTF-8" and use that';
  }
  const head = bytes.subarray(0, 4096);
  const hasBom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!hasBom) {
    // UTF-16 without a byte-order mark: ASCII text with a NUL beside every character.
    let oddNul = 0;
    let evenNul = 0;
    for (let i = 0; i < head.length; i++) if (head[i] === 0) (i % 2 ? oddNul++ : evenNul++);
    const half = head.length / 2;
    if (head.length >= 8 && (oddNul > 0.4 * half || evenNul > 0.4 * half)) {
      return 'the file looks like UTF-16 without a byte-order mark; save it as "CSV UTF-8" (or "Unicode text", which has the mark)';
    }
    // Binary data: many control characters other than tab, CR and LF.
    let control = 0;
    for (const b of head) if ((b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f) control++;
    if (head.length > 0 && control > 0.1 * head.length) return 'not a CSV text file: it holds binary data (is it the right file?)';
  }
  return null;
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
  for (const [b0, b1, encoding] of [[0xff, 0xfe, 'utf-16le'], [0xfe, 0xff, 'utf-16be']] as const) {
    if (bytes.length >= 2 && bytes[0] === b0 && bytes[1] === b1) {
      try {
        return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2)), encoding, warning: null };
      } catch {
        throw new DecodeError('the file is not valid UTF-16 although it starts with a UTF-16 byte-order mark; save it again as "CSV UTF-8"');
      }
    }
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

/** Bytes that cannot be read as text in the encoding they announce. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

/** Bytes of a file to text, or an SpcError naming the file when they are not CSV text. */
export function decodeFile(bytes: Uint8Array, file: string): Decoded {
  const problem = notText(bytes);
  if (problem) throw inputError(file, undefined, undefined, problem);
  try {
    return decode(bytes);
  } catch (e) {
    if (e instanceof DecodeError) throw inputError(file, undefined, undefined, e.message);
    throw e;
  }
}
