/**
 * Small, linear helpers for editing SpreadsheetML as text: find an element by its local name
 * (any namespace prefix), read and set attributes of one start tag, escape text. Nothing here
 * runs a regular expression over a whole part; attribute regexes only ever see one short tag.
 */

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content: XML-escaped, without the control characters XML 1.0 forbids. */
export function escText(s: string): string {
  return (
    s
      .replace(XML_FORBIDDEN, "")
      // Excel reads "_xHHHH_" in a part as an escaped character: a literal one is escaped itself.
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
      .replace(/[<>&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&amp;"))
  );
}

export function escAttr(s: string): string {
  return s.replace(XML_FORBIDDEN, "").replace(/[<>&"]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;"));
}

export function unescXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\w.:-]/.test(ch);
}

/** A start tag found in a part: where it begins and ends, its qualified name's prefix ("x:" or ""). */
export interface Tag {
  start: number;
  /** Index just past the closing ">". */
  end: number;
  prefix: string;
  selfClosing: boolean;
  text: string;
}

/**
 * The next start tag whose local name is `local`, at or after `from` (and before `limit`), with
 * any prefix. Attribute values in SpreadsheetML never hold a raw ">" where this is used.
 */
export function findTag(xml: string, local: string, from = 0, limit = xml.length): Tag | null {
  let i = xml.indexOf(local, from);
  while (i >= 0 && i < limit) {
    const after = xml[i + local.length];
    if (!isNameChar(after)) {
      let j = i - 1;
      let prefix = "";
      if (xml[j] === ":") {
        let k = j - 1;
        while (k >= 0 && /[\w.-]/.test(xml[k]!)) k--;
        prefix = xml.slice(k + 1, j + 1);
        j = k;
      }
      if (xml[j] === "<") {
        const end = xml.indexOf(">", i);
        if (end < 0) return null;
        return { start: j, end: end + 1, prefix, selfClosing: xml[end - 1] === "/", text: xml.slice(j, end + 1) };
      }
    }
    i = xml.indexOf(local, i + local.length);
  }
  return null;
}

/** The index of the matching end tag `</prefix+local>` after `from`, or -1. */
export function findClose(xml: string, prefix: string, local: string, from: number): number {
  return xml.indexOf(`</${prefix}${local}>`, from);
}

/** An attribute's raw value in one start tag, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  if (!m) return undefined;
  return m[2] ?? m[3];
}

/** The tag with the attribute set (value already escaped) or removed (null). */
export function setAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, value === null ? "" : ` ${name}="${value}"`);
  if (value === null) return tag;
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  let at = close;
  while (at > 0 && /\s/.test(tag[at - 1]!)) at--;
  return `${tag.slice(0, at)} ${name}="${value}"${tag.slice(at)}`;
}

/** Splices applied to a string in one pass: each replaces [start, end) with text. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function applySplices(s: string, splices: Splice[]): string {
  if (splices.length === 0) return s;
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const sp of sorted) {
    if (sp.start < at) throw new Error("overlapping edits");
    out.push(s.slice(at, sp.start), sp.text);
    at = sp.end;
  }
  out.push(s.slice(at));
  return out.join("");
}

/** Text escaped for an element, kept exactly otherwise (formulas). */
export function escPlain(s: string): string {
  return s.replace(/[<>&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&amp;"));
}
