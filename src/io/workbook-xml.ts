/**
 * A narrow XML scanner for the parts of a workbook: start tags, end tags and text, fed in chunks so
 * that a large sheet is never one string. Element names are local names (any namespace prefix
 * dropped), since writers may bind SpreadsheetML's namespace to a prefix such as `x:`. No DTD is
 * read (the Open Packaging Conventions, ECMA-376 Part 2, forbid DTD declarations in a package's
 * XML), so no entity other than XML's five predefined ones and character references is expanded.
 */

/** What the scanner reports; `raw` text is still entity-encoded (use `xmlText`), CDATA text is not. */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  text(raw: string, cdata: boolean): void;
}

/** XML is malformed in a way the scanner cannot step over. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

/** The '>' that ends a tag begun before `from`; quoted attribute values may hold '>' (XML 1.0, 3.1). -1 if not in `text`. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e /* > */) return i;
    else if (c === 0x22 /* " */ || c === 0x27 /* ' */) quote = c;
  }
  return -1;
}

/** Whitespace (XML 1.0, 2.3 S), '/' or '>' end an element name. */
function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;
}
const MAX_PENDING = 1 << 20; // an unfinished token longer than 1 MB is not a real tag

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Feeds chunks of a part's text to a handler; call `end()` after the last chunk. */
export class XmlScanner {
  private pending = '';
  constructor(private readonly handler: XmlHandler) {}

  feed(chunk: string): void {
    const text = this.pending + chunk;
    this.pending = text.slice(this.scan(text, false));
    if (this.pending.length > MAX_PENDING) throw new XmlError('an XML tag that does not end');
  }

  end(): void {
    const rest = this.pending;
    this.pending = '';
    if (this.scan(rest, true) < rest.length) throw new XmlError('the XML ends inside a tag');
  }

  /** Reports the complete tokens of `text` and returns where the unfinished one starts. */
  private scan(text: string, final: boolean): number {
    let pos = 0;
    while (pos < text.length) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) {
        if (!final) return pos; // the text may go on in the next chunk
        this.handler.text(text.slice(pos), false);
        return text.length;
      }
      if (lt > pos) this.handler.text(text.slice(pos, lt), false);
      const next = this.token(text, lt);
      if (next < 0) return lt;
      pos = next;
    }
    return pos;
  }

  /** Reports the token at `lt` and returns the position after it, or -1 when it is unfinished. */
  private token(text: string, lt: number): number {
    const c = text.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */ || c === 0x3f /* ? */) return this.special(text, lt);
    const gt = tagEnd(text, lt + 1);
    if (gt < 0) return text.length - lt > MAX_PENDING ? this.fail('an XML tag that does not end') : -1;
    if (c === 0x2f /* / */) {
      this.handler.close(localName(text.slice(lt + 2, gt).trim()));
      return gt + 1;
    }
    let nameEnd = lt + 1;
    while (nameEnd < gt && !isNameEnd(text.charCodeAt(nameEnd))) nameEnd++;
    const name = localName(text.slice(lt + 1, nameEnd));
    const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
    this.handler.open(name, text.slice(nameEnd, selfClosing ? gt - 1 : gt), selfClosing);
    if (selfClosing) this.handler.close(name);
    return gt + 1;
  }

  /** Comments and processing instructions are skipped, CDATA is text, a DOCTYPE is refused. */
  private special(text: string, lt: number): number {
    const forms: ReadonlyArray<readonly [string, string]> = [['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>']];
    for (const [open, close] of forms) {
      if (text.length - lt < open.length && open.startsWith(text.slice(lt))) return -1;
      if (!text.startsWith(open, lt)) continue;
      const end = text.indexOf(close, lt + open.length);
      if (end < 0) return -1;
      if (open === '<![CDATA[') this.handler.text(text.slice(lt + open.length, end), true);
      return end + close.length;
    }
    if (text.length - lt < 9) return -1;
    return this.fail('an XML document type declaration, which workbook parts do not have');
  }

  private fail(message: string): never {
    throw new XmlError(message);
  }
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entity-encoded XML text as characters: the five predefined entities and character references (XML 1.0, 4.1 and 4.6). */
export function xmlText(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(ENTITY, (_, hex: string, dec: string, named: string) =>
    named ? NAMED[named] : String.fromCodePoint(hex ? parseInt(hex, 16) : parseInt(dec, 10)),
  );
}

const ATTRIBUTES = new Map<string, RegExp>();

/** An attribute's value by local name (any prefix), decoded; undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTES.set(name, re);
  }
  const m = re.exec(attributes);
  return m ? xmlText(m[1] ?? m[2]) : undefined;
}

const EACH_ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Calls `fn` with each attribute's local name and decoded value, in one pass over the tag's attributes. */
export function eachAttribute(attributes: string, fn: (name: string, value: string) => void): void {
  EACH_ATTRIBUTE.lastIndex = 0;
  for (let m = EACH_ATTRIBUTE.exec(attributes); m; m = EACH_ATTRIBUTE.exec(attributes)) {
    fn(localName(m[1]), xmlText(m[2] ?? m[3]));
  }
}

/**
 * Text of a string item with Excel's escapes undone: `_xHHHH_` stands for a UTF-16 code unit that
 * XML cannot hold, and `_x005F_` escapes a literal underscore (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 */
export function unescapeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Scans a whole part, decoding its UTF-8 bytes in slices so no single huge string is built. */
export function scanXml(bytes: Uint8Array, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder('utf-8');
  const SLICE = 1 << 22;
  for (let at = 0; at < bytes.length; at += SLICE) {
    scanner.feed(decoder.decode(bytes.subarray(at, at + SLICE), { stream: at + SLICE < bytes.length }));
  }
  scanner.end();
}
