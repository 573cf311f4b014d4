/**
 * A small formula evaluator for the Excel fake: enough for recalculation to be observable
 * (a formula that depends on a written cell shows the new result after `application.calculate`,
 * and the stale one while calculation is suspended). Supported: numbers, "text", TRUE/FALSE,
 * references (A1, $B$2, Foglio!A1, 'Ob 1'!A1:B3), + - * / ^ & and comparisons, and SUM, AVERAGE,
 * MIN, MAX, COUNT, COUNTA, IF, AND, OR, ROUND. Anything else is `Unsupported`: the fake then keeps
 * the cached result, as a workbook opened without recalculation would show.
 * No Node APIs: the browser end-to-end stub imports the fake.
 */
import { parseRange, type MergeRange } from "../../src/sheets/grid";

export type FormulaValue = string | number | boolean;

export class Unsupported extends Error {}

/** A cell error produced by evaluation ("#DIV/0!", "#VALUE!"). */
export class FormulaError extends Error {
  constructor(readonly literal: string) {
    super(literal);
  }
}

export interface Ref {
  sheet: string | null;
  rect: MergeRange;
}

export interface Resolver {
  /** The cell's value ("" when empty); throws FormulaError for an error cell. */
  value(sheet: string, r: number, c: number): FormulaValue;
}

type Tok = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; v: Ref } | { t: "id"; v: string } | { t: "op"; v: string };

const REF = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/;

function tokens(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === " ") {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const ref = REF.exec(rest);
    // "LOG10(" is a function name, not the cell LOG10.
    if (ref && src[i + ref[0].length] !== "(") {
      const sheet = ref[1] ? ref[1].replace(/''/g, "'") : (ref[2] ?? null);
      out.push({ t: "ref", v: { sheet, rect: parseRange(ref[3]!.replace(/\$/g, "")) } });
      i += ref[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (id) {
      out.push({ t: "id", v: id[0].toUpperCase() });
      i += id[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/^&=<>(),])/.exec(rest);
    if (!op) throw new Unsupported(`token at ${rest}`);
    out.push({ t: "op", v: op[0] });
    i += op[0].length;
  }
  return out;
}

/** Every reference a formula reads (for dependency tracking); null when it cannot be parsed. */
export function references(formula: string): Ref[] | null {
  try {
    return tokens(formula.replace(/^=/, "")).flatMap((t) => (t.t === "ref" ? [t.v] : []));
  } catch {
    return null;
  }
}

type Val = FormulaValue | { range: Ref };

function num(v: FormulaValue): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaError("#VALUE!");
  return n;
}

/** Evaluate `formula` ("=…" or without the sign). */
export function evaluate(formula: string, sheet: string, res: Resolver): FormulaValue {
  const toks = tokens(formula.replace(/^=/, ""));
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.t === "op" && peek()!.v === v;
  const cellsOf = (ref: Ref): FormulaValue[] => {
    const out: FormulaValue[] = [];
    for (let r = ref.rect.r1; r <= ref.rect.r2; r++)
      for (let c = ref.rect.c1; c <= ref.rect.c2; c++) out.push(res.value(ref.sheet ?? sheet, r, c));
    return out;
  };
  const scalar = (v: Val): FormulaValue => {
    if (typeof v === "object") {
      const { rect } = v.range;
      if (rect.r1 !== rect.r2 || rect.c1 !== rect.c2) throw new FormulaError("#VALUE!");
      return res.value(v.range.sheet ?? sheet, rect.r1, rect.c1);
    }
    return v;
  };
  /** Arguments flattened as a range function sees them: text and blanks in ranges are skipped. */
  const numbers = (args: Val[]): number[] =>
    args.flatMap((a) => (typeof a === "object" ? cellsOf(a.range).filter((x): x is number => typeof x === "number") : [num(a)]));

  const call = (name: string, args: Val[]): FormulaValue => {
    switch (name) {
      case "SUM":
        return numbers(args).reduce((s, x) => s + x, 0);
      case "AVERAGE": {
        const xs = numbers(args);
        if (xs.length === 0) throw new FormulaError("#DIV/0!");
        return xs.reduce((s, x) => s + x, 0) / xs.length;
      }
      case "MIN":
        return numbers(args).length ? Math.min(...numbers(args)) : 0;
      case "MAX":
        return numbers(args).length ? Math.max(...numbers(args)) : 0;
      case "COUNT":
        return numbers(args).length;
      case "COUNTA":
        return args.flatMap((a) => (typeof a === "object" ? cellsOf(a.range) : [a])).filter((x) => x !== "").length;
      case "IF": {
        const cond = scalar(args[0] ?? false);
        return scalar(
          (cond === "" ? false : typeof cond === "string" ? true : Boolean(num(cond))) ? (args[1] ?? true) : (args[2] ?? false),
        );
      }
      case "AND":
        return args.every((a) => Boolean(num(scalar(a))));
      case "OR":
        return args.some((a) => Boolean(num(scalar(a))));
      case "ROUND": {
        const f = 10 ** num(scalar(args[1] ?? 0));
        return Math.round(num(scalar(args[0] ?? 0)) * f) / f;
      }
      case "TRUE":
        return true;
      case "FALSE":
        return false;
    }
    throw new Unsupported(name);
  };

  const primary = (): Val => {
    const t = toks[p++];
    if (!t) throw new Unsupported("end");
    if (t.t === "num" || t.t === "str") return t.v;
    if (t.t === "ref") return { range: t.v };
    if (t.t === "op" && t.v === "(") {
      const v = comparison();
      if (!isOp(")")) throw new Unsupported(")");
      p++;
      return v;
    }
    if (t.t === "op" && t.v === "-") return -num(scalar(primary()));
    if (t.t === "op" && t.v === "+") return num(scalar(primary()));
    if (t.t === "id") {
      if (!isOp("(")) {
        if (t.v === "TRUE" || t.v === "FALSE") return t.v === "TRUE";
        throw new Unsupported(t.v);
      }
      p++;
      const args: Val[] = [];
      if (!isOp(")"))
        for (;;) {
          args.push(comparison());
          if (isOp(",")) {
            p++;
            continue;
          }
          break;
        }
      if (!isOp(")")) throw new Unsupported(")");
      p++;
      return call(t.v, args);
    }
    throw new Unsupported(String(t.v));
  };
  const power = (): Val => {
    let a = primary();
    while (isOp("^")) {
      p++;
      a = num(scalar(a)) ** num(scalar(primary()));
    }
    return a;
  };
  const product = (): Val => {
    let a = power();
    while (isOp("*") || isOp("/")) {
      const op = toks[p++]!.v;
      const x = num(scalar(a));
      const y = num(scalar(power()));
      if (op === "/" && y === 0) throw new FormulaError("#DIV/0!");
      a = op === "*" ? x * y : x / y;
    }
    return a;
  };
  const sum = (): Val => {
    let a = product();
    while (isOp("+") || isOp("-")) {
      const op = toks[p++]!.v;
      const x = num(scalar(a));
      const y = num(scalar(product()));
      a = op === "+" ? x + y : x - y;
    }
    return a;
  };
  const concat = (): Val => {
    let a = sum();
    while (isOp("&")) {
      p++;
      a = String(scalar(a)) + String(scalar(sum()));
    }
    return a;
  };
  const comparison = (): Val => {
    const a = concat();
    const op = peek();
    if (op?.t !== "op" || !["=", "<>", "<", ">", "<=", ">="].includes(op.v)) return a;
    p++;
    const x = scalar(a);
    const y = scalar(concat());
    const cmp = typeof x === "string" || typeof y === "string" ? String(x).localeCompare(String(y)) : num(x) - num(y);
    switch (op.v) {
      case "=":
        return cmp === 0;
      case "<>":
        return cmp !== 0;
      case "<":
        return cmp < 0;
      case ">":
        return cmp > 0;
      case "<=":
        return cmp <= 0;
      default:
        return cmp >= 0;
    }
  };
  const v = scalar(comparison());
  if (p !== toks.length) throw new Unsupported("trailing");
  return v;
}
