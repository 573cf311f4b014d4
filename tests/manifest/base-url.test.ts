/** ADDIN_BASE_URL: an https address ending in "/", else a clear Italian message (issue 10). */
import { describe, expect, it } from "vitest";
import { baseUrl, rewriteManifest } from "../../scripts/build-manifest.mjs";

describe("ADDIN_BASE_URL", () => {
  it("takes an https address that ends with a slash, with or without a path, and defaults to the dev server", () => {
    expect(baseUrl("https://peg.example.org/")).toBe("https://peg.example.org/");
    expect(baseUrl("https://altro.example.it/peg/")).toBe("https://altro.example.it/peg/");
    expect(baseUrl("")).toBe("https://localhost:3000/");
    expect(baseUrl(undefined)).toBe("https://localhost:3000/");
  });

  it.each([
    ["http://peg.example.org/", /https/],
    ["https://peg.example.org", /terminare con «\/»/],
    ["https://altro.example.it/peg", /terminare con «\/»/],
    ["https://peg.example.org/?v=2", /parametri/],
    ["non un url", /non è un indirizzo valido/],
  ])("refuses %s, saying why", (raw, why) => {
    expect(() => baseUrl(raw)).toThrow(why);
  });

  it("gives AppDomain the origin only, never a path", () => {
    const xml = '<AppDomain>https://localhost:3000</AppDomain><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>';
    const out = rewriteManifest(xml, "https://altro.example.it/peg/");
    expect(out).toContain("<AppDomain>https://altro.example.it</AppDomain>");
    expect(out).toContain("https://altro.example.it/peg/taskpane.html");
  });
});
