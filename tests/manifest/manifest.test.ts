/** Offline checks of manifest.xml: what Office would otherwise only reject at sideload time. */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { COMMANDS, registerCommands } from "../../src/commands/commands";
import { fakeOfficeSession } from "../fakes/office-session";
import { DEV_BASE_URL, ICONS, PAGES } from "../../vite.config";

const ROOT = resolve(import.meta.dirname, "../..");
const xml = readFileSync(resolve(ROOT, "manifest.xml"), "utf8");

/** Every element with its attributes, in document order (a flat walk is enough for these checks). */
interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  path: string[];
}
function elements(): El[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, trimValues: true });
  const tree = parser.parse(xml) as unknown[];
  const out: El[] = [];
  const walk = (nodes: unknown[], path: string[]) => {
    for (const node of nodes as Array<Record<string, unknown>>) {
      const name = Object.keys(node).find((k) => k !== ":@");
      if (!name || name === "#text" || name === "?xml" || name === "#comment") continue;
      const children = node[name] as unknown[];
      const attrs = (node[":@"] ?? {}) as Record<string, string>;
      const text = (children as Array<Record<string, unknown>>)
        .filter((c) => "#text" in c)
        .map((c) => String(c["#text"]))
        .join("");
      out.push({ name, attrs, text, path });
      walk(children, [...path, name]);
    }
  };
  walk(tree, []);
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const els = elements();
const resources = new Map<string, El>();
for (const e of els) if (["bt:Image", "bt:Url", "bt:String"].includes(e.name) && e.attrs.id) resources.set(e.attrs.id, e);
const localFile = (url: string) => {
  expect(url.startsWith(DEV_BASE_URL), url).toBe(true);
  return url.slice(DEV_BASE_URL.length);
};

describe("manifest.xml", () => {
  it("is well-formed XML with the add-in's basics", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const root = els[0]!;
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(els.find((e) => e.name === "Host" && e.path.length === 2)?.attrs.Name).toBe("Workbook");
    expect(els.find((e) => e.name === "Permissions")?.text).toBe("ReadWriteDocument");
    expect(els.find((e) => e.name === "Set" && e.attrs.Name === "ExcelApi")?.attrs.MinVersion).toBe("1.9");
    expect(els.find((e) => e.name === "bt:Set")?.attrs).toMatchObject({ Name: "SharedRuntime", MinVersion: "1.1" });
    expect(els.find((e) => e.name === "Runtime")?.attrs).toMatchObject({ resid: "Taskpane.Url", lifetime: "long" });
    expect(els.find((e) => e.name === "FunctionFile")?.attrs.resid).toBe("Taskpane.Url");
    expect(els.find((e) => e.name === "Id")?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("defines every resid, with ids of at most 32 characters", () => {
    const used = els.filter((e) => e.attrs.resid).map((e) => e.attrs.resid!);
    expect(used.length).toBeGreaterThan(30);
    for (const id of used) expect(resources.has(id), `resid ${id}`).toBe(true);
    for (const id of resources.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("is Italian by default (DefaultLocale it-IT), with an English override for every string, within Office's length limits", () => {
    expect(els.find((e) => e.name === "DefaultLocale")?.text).toBe("it-IT");
    for (const e of els.filter((x) => x.name === "bt:String")) {
      const limit = e.path.includes("bt:ShortStrings") ? 125 : 250;
      expect(e.attrs.DefaultValue!.length, e.attrs.id).toBeLessThanOrEqual(limit);
      const it = els.find(
        (x) =>
          x.name === "bt:Override" &&
          x.path.at(-1) === "bt:String" &&
          els.indexOf(x) > els.indexOf(e) &&
          els.indexOf(x) <= els.indexOf(e) + 1,
      );
      expect(it?.attrs.Locale, e.attrs.id).toBe("en-US");
      expect(it!.attrs.Value!.length).toBeLessThanOrEqual(limit);
    }
    expect(els.find((e) => e.name === "DisplayName")?.attrs.DefaultValue).toBe("Monitoraggio PEG");
    expect(els.find((e) => e.name === "Override" && e.path.at(-1) === "DisplayName")?.attrs).toMatchObject({
      Locale: "en-US",
      Value: "PEG Monitoring",
    });
  });

  it("has the PEG tab with every button the issue lists", () => {
    const tabLabel = els.find((e) => e.name === "Label" && e.path.at(-1) === "CustomTab")!.attrs.resid!;
    expect(resources.get(tabLabel)!.attrs.DefaultValue).toBe("PEG");
    const labels = els
      .filter((e) => e.name === "Label" && e.path.at(-1) === "Control")
      .map((e) => resources.get(e.attrs.resid!)!.attrs.DefaultValue);
    expect(labels).toEqual([
      "Verifica",
      "Calcola esiti",
      "Segna previsto",
      "Segna effettivo",
      "Togli segno",
      "Pulisci evidenziazioni",
      "Nuova scheda",
      "Consolida",
      "Pannello",
    ]);
  });

  it("points every icon at a PNG in assets/ of the right pixel size", () => {
    const sized = els.filter((e) => e.name === "bt:Image" && e.attrs.size);
    expect(sized.length).toBeGreaterThan(0);
    for (const img of sized) {
      const res = resources.get(img.attrs.resid!)!;
      const file = resolve(ROOT, localFile(res.attrs.DefaultValue!));
      expect(existsSync(file), file).toBe(true);
      const { width, height } = pngSize(file);
      expect([width, height], res.attrs.DefaultValue).toEqual([Number(img.attrs.size), Number(img.attrs.size)]);
    }
    const icon = els.find((e) => e.name === "IconUrl")!.attrs.DefaultValue!;
    const hi = els.find((e) => e.name === "HighResolutionIconUrl")!.attrs.DefaultValue!;
    expect(pngSize(resolve(ROOT, localFile(icon)))).toEqual({ width: 32, height: 32 });
    expect(pngSize(resolve(ROOT, localFile(hi)))).toEqual({ width: 64, height: 64 });
    for (const size of [16, 32, 64, 80]) expect(pngSize(resolve(ROOT, `assets/icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  it("registers a function for every ExecuteFunction action, and no stray ones", () => {
    const inManifest = els.filter((e) => e.name === "FunctionName").map((e) => e.text);
    const associated: string[] = [];
    registerCommands({ actions: { associate: (name: string) => associated.push(name) } }, fakeOfficeSession({ sheets: [] }).session);
    expect(new Set(inManifest)).toEqual(new Set(associated));
    expect(new Set(inManifest)).toEqual(new Set(Object.values(COMMANDS)));
    // The registration in the code names the same functions (grep of the source).
    const src = readFileSync(resolve(ROOT, "src/commands/commands.ts"), "utf8");
    for (const name of inManifest) expect(src).toContain(`"${name}"`);
  });

  it("points every URL at a page or file the build produces", () => {
    const urls = [...xml.matchAll(/https:\/\/localhost:3000[^"<\s]*/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      if (url === DEV_BASE_URL.slice(0, -1)) continue; // AppDomain
      const file = localFile(url);
      if (file.endsWith(".html")) {
        expect(PAGES[file], `${file} is a build input`).toBeDefined();
        expect(existsSync(resolve(ROOT, PAGES[file]!)), PAGES[file]).toBe(true);
      } else expect(ICONS, file).toContain(file);
    }
    // Every ShowTaskpane points at the pane, which is also the runtime.
    for (const e of els.filter((x) => x.name === "SourceLocation" && x.attrs.resid)) expect(e.attrs.resid).toBe("Taskpane.Url");
  });
});
