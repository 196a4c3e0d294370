/**
 * The narrow zip reading a workbook needs: the central directory's entries and one entry's bytes,
 * inflated with Node's own zlib under a byte budget. Record layouts are PKWARE's APPNOTE.TXT
 * (version 6.3.x) section 4.3; ECMA-376 Part 2 (Open Packaging Conventions) Annex C says which of
 * its features a package may use (stored and deflated entries, Zip64, no encryption).
 */
import { inflateRawSync } from 'node:zlib';

/** One file of the archive, as its central directory header (APPNOTE 4.3.12) describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The uncompressed size the header declares (a lying header may understate it). */
  readonly size: number;
  readonly localOffset: number;
}

/** The archive is not a zip file spc can read; `reason` is short and meant for the user. */
export class ZipError extends Error {
  override readonly name = 'ZipError';
}

/** An entry inflates to more bytes than the budget allowed (its header may have said less). */
export class ZipTooLarge extends Error {
  override readonly name = 'ZipTooLarge';
  constructor(readonly entry: string, readonly budget: number) {
    super(`${entry} inflates to more than ${budget} bytes`);
  }
}

const EOCD = 0x06054b50; // end of central directory record, APPNOTE 4.3.16
const ZIP64_LOCATOR = 0x07064b50; // APPNOTE 4.3.15
const ZIP64_EOCD = 0x06064b50; // APPNOTE 4.3.14
const CENTRAL = 0x02014b50; // central directory file header, APPNOTE 4.3.12
const LOCAL = 0x04034b50; // local file header, APPNOTE 4.3.7

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The end-of-central-directory record: it ends the file, after a comment of up to 65,535 bytes (APPNOTE 4.3.16). */
function findEocd(dv: DataView): number {
  const last = dv.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 65535; at--) {
    if (dv.getUint32(at, true) === EOCD) return at;
  }
  throw new ZipError('no zip end-of-archive record; the file is cut short or is not a zip archive');
}

/** Where the central directory starts and how many entries it has, following Zip64 records when the 32-bit fields are full (APPNOTE 4.3.14-4.3.16). */
function centralDirectory(dv: DataView): { offset: number; count: number } {
  const eocd = findEocd(dv);
  let count = dv.getUint16(eocd + 10, true);
  let offset = dv.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && dv.getUint32(locator, true) === ZIP64_LOCATOR) {
    const at = Number(dv.getBigUint64(locator + 8, true));
    if (at + 56 > dv.byteLength || dv.getUint32(at, true) !== ZIP64_EOCD) throw new ZipError('a broken Zip64 end-of-archive record');
    count = Number(dv.getBigUint64(at + 32, true));
    offset = Number(dv.getBigUint64(at + 48, true));
  }
  if (offset > dv.byteLength) throw new ZipError('the zip directory lies outside the file; the file is cut short');
  return { offset, count };
}

/** Sizes and offset from the Zip64 extended information extra field (header 0x0001, APPNOTE 4.5.3) where the 32-bit fields hold 0xFFFFFFFF. */
function zip64Fields(dv: DataView, extra: number, extraLen: number, fields: { size: number; compressedSize: number; localOffset: number }) {
  for (let at = extra; at + 4 <= extra + extraLen; ) {
    const id = dv.getUint16(at, true);
    const len = dv.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        const v = Number(dv.getBigUint64(p, true));
        p += 8;
        return v;
      };
      if (fields.size === 0xffffffff) fields.size = next();
      if (fields.compressedSize === 0xffffffff) fields.compressedSize = next();
      if (fields.localOffset === 0xffffffff) fields.localOffset = next();
    }
    at += 4 + len;
  }
}

/** The archive's entries by name, lower-cased: OPC part names compare case-insensitively (ECMA-376 Part 2, 9.1.1). */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const dv = view(bytes);
  if (dv.byteLength < 22) throw new ZipError('the file is too short to be a zip archive');
  const { offset, count } = centralDirectory(dv);
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dv.byteLength || dv.getUint32(at, true) !== CENTRAL) throw new ZipError('a broken zip directory entry');
    const nameLen = dv.getUint16(at + 28, true);
    const extraLen = dv.getUint16(at + 30, true);
    const commentLen = dv.getUint16(at + 32, true);
    if (at + 46 + nameLen + extraLen > dv.byteLength) throw new ZipError('a zip directory entry runs past the end of the file');
    const fields = { compressedSize: dv.getUint32(at + 20, true), size: dv.getUint32(at + 24, true), localOffset: dv.getUint32(at + 42, true) };
    zip64Fields(dv, at + 46 + nameLen, extraLen, fields);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    entries.set(name.toLowerCase(), { name, method: dv.getUint16(at + 10, true), flags: dv.getUint16(at + 8, true), ...fields });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The entry's compressed bytes: after its local header, whose name and extra field lengths may differ from the directory's (APPNOTE 4.3.7). */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > dv.byteLength || dv.getUint32(at, true) !== LOCAL) throw new ZipError(`a broken zip entry header for ${entry.name}`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > dv.byteLength) throw new ZipError(`${entry.name} runs past the end of the file; the file is cut short`);
  return bytes.subarray(start, end);
}

/**
 * The entry's uncompressed bytes, never more than `budget`: deflate streams stop inflating past it
 * (zlib's maxOutputLength), whatever the header declared. Methods: 0 stored, 8 deflated (APPNOTE 4.4.5).
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array {
  // General purpose flag bit 0: the entry is encrypted (APPNOTE 4.4.4).
  if (entry.flags & 1) throw new ZipError(`${entry.name} is encrypted`);
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    if (data.length > budget) throw new ZipTooLarge(entry.name, budget);
    return data;
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses zip compression method ${entry.method}, which workbooks do not use`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipTooLarge(entry.name, budget);
    throw new ZipError(`${entry.name} does not inflate (${(e as Error).message})`);
  }
}
