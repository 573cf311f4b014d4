/**
 * The package's small parts: xl/workbook.xml (sheets in order, their visibility, the 1904 date
 * system), relationships (which part each sheet is) and docProps/core.xml (the title).
 */
import type { SheetVisibility } from "../../../sheets/grid";
import type { XmlHandler } from "./xml";

export interface SheetEntry {
  name: string;
  visibility: SheetVisibility;
  /** The relationship id that names the sheet's part. */
  rId: string;
}

export class WorkbookReader implements XmlHandler {
  readonly sheets: SheetEntry[] = [];
  date1904 = false;

  open(name: string, attrs: Record<string, string>): void {
    if (name === "sheet") {
      const state = attrs.state;
      const visibility: SheetVisibility = state === "hidden" || state === "veryHidden" ? state : "visible";
      // The id attribute is r:id in the relationships namespace; some writers use another prefix.
      let rId = attrs["r:id"];
      if (rId === undefined) for (const k in attrs) if (k.endsWith(":id")) rId = attrs[k];
      this.sheets.push({ name: attrs.name ?? "", visibility, rId: rId ?? "" });
    } else if (name === "workbookPr") {
      this.date1904 = attrs.date1904 === "1";
    }
  }
}

export interface Relationship {
  type: string;
  /** The target as a package path (no leading "/"), resolved against the part's folder. */
  path: string;
  external: boolean;
}

/** Parses a .rels part; `base` is the folder of the part the relationships belong to ("xl/"). */
export class RelsReader implements XmlHandler {
  readonly byId = new Map<string, Relationship>();
  constructor(private readonly base: string) {}

  open(name: string, attrs: Record<string, string>): void {
    if (name !== "Relationship" || attrs.Id === undefined) return;
    const external = attrs.TargetMode === "External";
    const target = (attrs.Target ?? "").trim();
    this.byId.set(attrs.Id, { type: attrs.Type ?? "", path: external ? target : resolvePath(this.base, target), external });
  }

  /** The first relationship whose type ends with `/kind` ("/sharedStrings", "/styles", "/theme"). */
  ofType(kind: string): Relationship | undefined {
    for (const r of this.byId.values()) if (r.type.endsWith(`/${kind}`)) return r;
    return undefined;
  }
}

/** "worksheets/sheet1.xml" against "xl/" → "xl/worksheets/sheet1.xml"; "/xl/x.xml" is absolute; ".." goes up. */
export function resolvePath(base: string, target: string): string {
  const parts = target.startsWith("/") ? [] : base.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

/** docProps/core.xml: the title, for the esercizio hint. */
export class CoreReader implements XmlHandler {
  title: string | undefined;
  private inTitle = false;
  private buf = "";

  open(name: string, _attrs: Record<string, string>, qname: string): void {
    if (qname === "dc:title" || name === "title") {
      this.inTitle = true;
      this.buf = "";
    }
  }

  text(t: string): void {
    if (this.inTitle && this.buf.length < 10_000) this.buf += t;
  }

  close(name: string): void {
    if (this.inTitle && name === "title") {
      this.inTitle = false;
      this.title = this.buf;
    }
  }
}
