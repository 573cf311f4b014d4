import { describe, expect, it } from "vitest";
import { numeroIt } from "../../src/domain/text";

describe("numeroIt", () => {
  it("writes every number as Intl's it-IT format does, with its short cut for whole numbers included", () => {
    const values = [-0, 0.5, -0.5, 33.333, 1234.5, 12345, -12345, 1e21, Number.NaN, Infinity];
    for (let n = -1500; n <= 1500; n++) values.push(n);
    for (const decimals of [0, 1, 2, 4]) {
      const intl = new Intl.NumberFormat("it-IT", { maximumFractionDigits: decimals });
      for (const n of values) expect(numeroIt(n, decimals), `${n} con ${decimals} decimali`).toBe(intl.format(n));
    }
  });

  it("groups thousands and writes decimals the Italian way", () => {
    expect(numeroIt(12345.678)).toBe("12.345,68");
    expect(numeroIt(20)).toBe("20");
    expect(numeroIt(-0)).toBe("-0");
  });
});
