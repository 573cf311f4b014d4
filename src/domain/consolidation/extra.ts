import type { ConsolidationInput, SchedaExtra } from "./model";

/** What the engine knows of one foglio beyond the report; own properties only, since a sheet may be called "constructor" or "__proto__". */
export function extraOf(input: ConsolidationInput, foglio: string): SchedaExtra {
  const schede = input.extra?.schede;
  return schede && Object.prototype.hasOwnProperty.call(schede, foglio) ? (schede[foglio] ?? {}) : {};
}
