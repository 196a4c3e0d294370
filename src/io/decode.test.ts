/** Decoding the bytes of an input file: what spreadsheets write. */
import { describe, expect, it } from 'vitest';
import { decode } from './decode.js';

describe('reading what spreadsheets write', () => {
  it('decodes UTF-8 with and without a BOM, UTF-16 with a BOM, and falls back to Windows-1252', () => {
    const utf8 = Buffer.from('measure,period,value\nCafé,2020-01,1\n', 'utf8');
    expect(decode(utf8)).toMatchObject({ encoding: 'utf-8', warning: null });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).text.startsWith('measure')).toBe(true);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\n€\t1\n', 'utf16le')]);
    expect(decode(le)).toMatchObject({ encoding: 'utf-16le', text: 'a\tb\n€\t1\n' });
    // 0x80 is the euro sign and 0xE9 e-acute in Windows-1252 (not valid UTF-8 on their own).
    const cp = decode(Buffer.from([0x80, 0x20, 0x43, 0x61, 0x66, 0xe9]));
    expect(cp).toMatchObject({ encoding: 'windows-1252', text: '€ Café' });
    expect(cp.warning).toMatch(/not valid UTF-8/);
  });
});
