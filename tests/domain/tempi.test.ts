import { describe, expect, it } from "vitest";
import { mediaRispettoTempi, statoFase } from "../../src/domain/tempi";

describe("stato delle fasi (spec §4.2)", () => {
  it("covers every stato", () => {
    expect(statoFase([], [1], 12).stato).toBe("non valutabile");
    expect(statoFase([1, 2], [], 12)).toMatchObject({ stato: "in ritardo", rispetto: 0 });
    expect(statoFase([5, 6], [], 3)).toMatchObject({ stato: "non iniziata", rispetto: null });
    expect(statoFase([1, 2], [1, 2, 3], 12)).toMatchObject({ stato: "in ritardo", rispetto: 0 });
    expect(statoFase([1, 2], [1, 2], 12)).toMatchObject({ stato: "nei tempi", rispetto: 100 });
    expect(statoFase([1, 2, 3], [1, 2], 12)).toMatchObject({ stato: "in anticipo", rispetto: 100 });
    expect(statoFase([5, 6], [5], 5)).toMatchObject({ stato: "in corso", rispetto: null });
  });
  it("ignores and reports effettivo months after the reference month", () => {
    const t = statoFase([1, 2], [1, 2, 9], 6);
    expect(t.futuri).toEqual([9]);
    expect(t.stato).toBe("nei tempi");
  });
  it("averages counted fasi only", () => {
    expect(mediaRispettoTempi([statoFase([1], [1], 12), statoFase([1], [], 12), statoFase([9], [], 3)])).toBe(50);
    expect(mediaRispettoTempi([statoFase([9], [], 3)])).toBeNull();
  });
});
