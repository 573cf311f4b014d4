import { describe, expect, it } from "vitest";
import { applyTint, colorToHex, OFFICE_THEME, themePalette } from "../../../src/hosts/xlsx/colors";

describe("colours", () => {
  it("reads ARGB, 6-digit RGB, theme and indexed colours as #RRGGBB upper case", () => {
    expect(colorToHex({ argb: "ffc6efce" })).toBe("#C6EFCE");
    expect(colorToHex({ argb: "00FF00" })).toBe("#00FF00");
    expect(colorToHex({ theme: 0 })).toBe("#FFFFFF");
    expect(colorToHex({ theme: 1 })).toBe("#000000");
    expect(colorToHex({ theme: 4 })).toBe("#4472C4");
    expect(colorToHex({ theme: 9 })).toBe("#70AD47");
    expect(colorToHex({ indexed: 10 })).toBe("#FF0000");
    expect(colorToHex({ indexed: 43 })).toBe("#FFFF99");
    expect(colorToHex({ indexed: 64 })).toBe("#000000");
    expect(colorToHex({})).toBeNull();
    expect(colorToHex(undefined)).toBeNull();
    expect(colorToHex({ argb: "nonsense" })).toBeNull();
  });

  it("applies tints close to Excel's palette swatches (Office 2013+ theme)", () => {
    // Excel's swatches: "Blue, Accent 1, Lighter 40%" #8EA9DB, "Darker 25%" #2F5597,
    // "Orange, Accent 2, Lighter 80%" #FCE4D6, "White, Background 1, Darker 15%" #D9D9D9.
    // Excel rounds in its own integer HLS space, so a channel may differ by one or two.
    expectClose(colorToHex({ theme: 4, tint: 0.3999755851924192 }), "#8EA9DB");
    expectClose(colorToHex({ theme: 4, tint: -0.249977111117893 }), "#2F5597");
    expectClose(colorToHex({ theme: 5, tint: 0.7999816888943144 }), "#FCE4D6");
    expectClose(colorToHex({ theme: 0, tint: -0.1499984740745262 }), "#D9D9D9");
    expect(applyTint("808080", 0)).toBe("808080");
    expect(applyTint("4472C4", 1)).toBe("FFFFFF");
    expect(applyTint("4472C4", -1)).toBe("000000");
  });

  it("reads the workbook's own theme colours", () => {
    const xml = `<a:theme><a:themeElements><a:clrScheme name="Mio">
      <a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>
      <a:dk2><a:srgbClr val="112233"/></a:dk2><a:lt2><a:srgbClr val="EEEEEE"/></a:lt2>
      <a:accent1><a:srgbClr val="aa0000"/></a:accent1></a:clrScheme></a:themeElements></a:theme>`;
    const p = themePalette(xml);
    expect(p.slice(0, 5)).toEqual(["FFFFFF", "000000", "EEEEEE", "112233", "AA0000"]);
    expect(p[5]).toBe(OFFICE_THEME[5]); // missing slot: the default
    expect(colorToHex({ theme: 4 }, p)).toBe("#AA0000");
    expect(themePalette(undefined)).toBe(OFFICE_THEME);
    expect(themePalette("<not a theme/>")).toBe(OFFICE_THEME);
  });
});

function expectClose(got: string | null, want: string): void {
  expect(got).toMatch(/^#[0-9A-F]{6}$/);
  for (let i = 1; i < 7; i += 2) {
    const d = Math.abs(parseInt(got!.slice(i, i + 2), 16) - parseInt(want.slice(i, i + 2), 16));
    expect(d, `${got} vs ${want}`).toBeLessThanOrEqual(2);
  }
}
