import { describe, expect, it } from "vitest";
import { shiftFormula } from "../../../../src/hosts/xlsx/patch/formula";

describe("shiftFormula (a shared formula filled from its master)", () => {
  it("moves relative references and keeps anchored parts", () => {
    expect(shiftFormula('A3&"!"', 1, 0)).toBe('A4&"!"');
    expect(shiftFormula("SUM($B$2:B2)*C$1+$D5", 2, 1)).toBe("SUM($B$2:C4)*D$1+$D7");
    expect(shiftFormula("SUM(A:A,3:3)", 1, 2)).toBe("SUM(C:C,4:4)");
  });

  it("leaves strings, sheet names, functions, numbers and tables alone", () => {
    expect(shiftFormula('IF(B2>0,"A1",LOG10(B2))', 1, 0)).toBe('IF(B3>0,"A1",LOG10(B3))');
    expect(shiftFormula("'Ob 1'!B2+Ob1!C3+Sheet1!D4", 1, 1)).toBe("'Ob 1'!C3+Ob1!D4+Sheet1!E5");
    expect(shiftFormula("B2*1.5E3+Tabella1[Esito]", 0, 1)).toBe("C2*1.5E3+Tabella1[Esito]");
  });

  it("gives #REF! for a reference moved off the sheet", () => {
    expect(shiftFormula("A1+B2", -1, 0)).toBe("#REF!+B1");
  });
});
