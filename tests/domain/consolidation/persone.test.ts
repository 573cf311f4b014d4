import { describe, expect, it } from "vitest";
import { displayName, personKey, withoutPeriod } from "../../../src/domain/persone";

describe("personKey: one person written in different ways", () => {
  it("merges order, case, accents and extra spaces", () => {
    const k = personKey("Marina Comi");
    expect(personKey("Comi Marina")).toBe(k);
    expect(personKey("MARINA COMI")).toBe(k);
    expect(personKey("Marina  Comì")).toBe(k);
    expect(personKey("  comi   MARINA ")).toBe(k);
  });

  it("drops a period of service in parentheses or after the name", () => {
    expect(personKey("Marco Maoloni (gennaio - aprile 2023)")).toBe(personKey("Marco Maoloni"));
    expect(personKey("Massimiliano Borini (da maggio 2023)")).toBe(personKey("Borini Massimiliano"));
    expect(personKey("Valentina Cazzaniga - da giugno 2023")).toBe(personKey("Valentina Cazzaniga"));
    expect(personKey("Chiara Ferretti, gennaio - giugno 2023")).toBe(personKey("Chiara Ferretti"));
    expect(personKey("Pia Romagnano dal 01/05/2023")).toBe(personKey("Pia Romagnano"));
    expect(withoutPeriod("Marco Maoloni (gennaio - aprile 2023)")).toBe("Marco Maoloni");
  });

  it("ignores punctuation and a leading title", () => {
    expect(personKey("Dott.ssa Antonia Tarantino")).toBe(personKey("Antonia Tarantino"));
    expect(personKey("Tarantino, Antonia.")).toBe(personKey("Antonia Tarantino"));
    expect(personKey("Anna Rossi-Bianchi")).toBe(personKey("Rossi Bianchi Anna"));
    expect(personKey("D'Amico Luca")).toBe(personKey("Luca D’Amico"));
  });

  it("does not merge different people", () => {
    expect(personKey("Marina Comi")).not.toBe(personKey("Mario Comi"));
    expect(personKey("Marina Comi")).not.toBe(personKey("Marina Como"));
    expect(personKey("Marina Comi")).not.toBe(personKey("M. Comi"));
    expect(personKey("Anna Maria Rossi")).not.toBe(personKey("Anna Rossi"));
    expect(personKey("Anna Rossi-Bianchi")).not.toBe(personKey("Anna Rossi"));
  });

  it("keeps surnames that are also month names", () => {
    expect(withoutPeriod("Maria Marzo")).toBe("Maria Marzo");
    expect(withoutPeriod("Luca Maggio")).toBe("Luca Maggio");
    expect(personKey("Luca Maggio")).not.toBe(personKey("Luca"));
    expect(withoutPeriod("Luca Maggio (da giugno 2023)")).toBe("Luca Maggio");
    expect(withoutPeriod("Mario Da Ros")).toBe("Mario Da Ros");
  });

  it("gives an empty key to a blank name", () => {
    expect(personKey("   ")).toBe("");
    expect(personKey("(da maggio 2023)")).toBe("");
  });
});

describe("displayName", () => {
  it("shows the most frequent spelling without the period", () => {
    expect(displayName(["Comi Marina", "Marina Comi", "Marina Comi (da maggio 2023)", "MARINA COMI"])).toBe("Marina Comi");
  });

  it("prefers mixed case on a tie and title-cases a name only in capitals", () => {
    expect(displayName(["MARINA COMI", "Marina Comi"])).toBe("Marina Comi");
    expect(displayName(["MARINA COMI"])).toBe("Marina Comi");
    expect(displayName(["de luca anna"])).toBe("De Luca Anna");
  });

  it("collapses extra spaces", () => {
    expect(displayName(["Marina  Comì"])).toBe("Marina Comì");
  });
});
