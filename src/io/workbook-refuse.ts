/**
 * Files given as workbooks that are not zip packages: legacy Excel (.xls) and password-protected
 * workbooks, both OLE2 compound files, and anything else.
 */
import type { SpcError } from './errors.js';

// The compound file signature D0 CF 11 E0 A1 B1 1A E1 ([MS-CFB] 2.2, the header's first 8 bytes).
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// A password-protected .xlsx is an OLE2 file holding an "EncryptionInfo" stream and an
// "EncryptedPackage" stream ([MS-OFFCRYPTO] 2.3.4.1); directory entry names are UTF-16LE ([MS-CFB] 2.6.1).
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Throws the SpcError `fail` makes when the bytes are not a zip archive, saying what to save the file as. */
export function refuseNonWorkbook(bytes: Uint8Array, fail: (message: string) => SpcError): void {
  if (startsWith(bytes, OLE2)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.indexOf(ENCRYPTION_INFO) >= 0) {
      throw fail('a password-protected workbook, which spc cannot open: remove the password in Excel (File > Info > Protect Workbook) and save it as Excel Workbook (.xlsx) or CSV UTF-8');
    }
    throw fail('an old-format Excel workbook (.xls), which spc does not read: save it as Excel Workbook (.xlsx) or CSV UTF-8');
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw fail('not an Excel workbook (.xlsx or .xlsm): it is not a zip package; save it as Excel Workbook (.xlsx) or CSV UTF-8');
  }
}
