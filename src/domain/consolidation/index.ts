/** Consolidation of several settori workbooks: the pure engine part (issue 4). */
export * from "./model";
export { consolidate, classeDi, gradoPesato, round2, type ConsolidateOptions } from "./consolidate";
export { consolidatePersonale } from "./personale";
export { rollUp } from "./strategico";
export { confronta } from "./variazioni";
