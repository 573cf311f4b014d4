/**
 * Streaming XML for the readers: saxes, fed text piece by piece, calls a handler per element.
 * No DTD is processed (an entity defined in a DOCTYPE is an error, so "billion laughs" cannot
 * expand), no whole part is held as one string, and nesting deeper than MAX_DEPTH is refused.
 */
import { SaxesParser } from "saxes";

export interface XmlHandler {
  /** `name` is the local name (prefix dropped); `attrs` the attributes by qualified name. */
  open(name: string, attrs: Record<string, string>, qname: string): void;
  text?(text: string): void;
  close?(name: string, qname: string): void;
}

/** Malformed XML, or XML nested beyond reason. */
export class XmlError extends Error {}

/** Spreadsheet XML nests a dozen levels; thousands means a hostile part. */
export const MAX_DEPTH = 512;

function local(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/** A parser for one part: write() text as it is inflated, then end(). */
export class XmlStream {
  private readonly parser = new SaxesParser({ position: false });
  private depth = 0;

  constructor(handler: XmlHandler) {
    const p = this.parser;
    p.on("error", (e) => {
      throw new XmlError(e.message);
    });
    p.on("opentag", (tag) => {
      if (++this.depth > MAX_DEPTH) throw new XmlError("nesting too deep");
      handler.open(local(tag.name), tag.attributes as Record<string, string>, tag.name);
    });
    p.on("closetag", (tag) => {
      this.depth--;
      handler.close?.(local(tag.name), tag.name);
    });
    if (handler.text) {
      const onText = handler.text.bind(handler);
      p.on("text", onText);
      p.on("cdata", onText);
    }
  }

  write(text: string): void {
    this.parser.write(text);
  }

  end(): void {
    this.parser.close();
  }
}

/** Parses a whole string (a small part, or a test's XML). */
export function parseXml(text: string, handler: XmlHandler): void {
  const x = new XmlStream(handler);
  x.write(text);
  x.end();
}
