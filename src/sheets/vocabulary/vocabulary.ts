/**
 * The vocabulary as one object: which role a normalised label plays. Built from the data in
 * builtin.ts plus what a profilo di layout adds; answers are memoised per vocabulary, since the
 * same labels recur on every scheda of a workbook.
 */
import { monthFromLabel } from "../../domain/values";
import { normLabel } from "../../domain/text";
import { BUILTIN, EFFETTIVO_WORDS, PREVISTO_WORDS } from "./builtin";
import { ROLE_INDEX, ROLES, VocabularyTableSchema, type Role } from "./roles";

// The built-in table is data: checked once, when the module loads, so that a malformed entry fails
// every test at once instead of silently never matching.
VocabularyTableSchema.parse(BUILTIN);

interface Compiled {
  exact: Set<string>;
  prefix: string[];
  suffix: string[];
  contains: string[];
  /** "obiettivo * n": words, any words, words. */
  gaps: RegExp[];
}

function compile(patterns: readonly string[]): Compiled {
  const out: Compiled = { exact: new Set(), prefix: [], suffix: [], contains: [], gaps: [] };
  for (const raw of patterns) {
    const inner = raw.replace(/^\* /, "").replace(/ \*$/, "");
    if (inner.includes(" * ")) {
      // Patterns are normalised words (a-z, 0-9, spaces): nothing in them is special to a RegExp.
      const body = inner
        .split(" * ")
        .map((part) => part.replace(/[^a-z0-9 ]/g, ""))
        .join("(?: [a-z0-9]+){1,4} ");
      const head = raw.startsWith("* ") ? "(?:^|.* )" : "^";
      const tail = raw.endsWith(" *") ? "(?: .*)?$" : "$";
      out.gaps.push(new RegExp(`${head}${body}${tail}`));
      continue;
    }
    const starts = raw.startsWith("* ");
    const ends = raw.endsWith(" *");
    const words = raw.replace(/^\* /, "").replace(/ \*$/, "");
    if (starts && ends) out.contains.push(` ${words} `);
    else if (starts) out.suffix.push(` ${words}`);
    else if (ends) out.prefix.push(`${words} `);
    else out.exact.add(words);
  }
  return out;
}

function test(c: Compiled, norm: string): boolean {
  if (c.exact.has(norm)) return true;
  const padded = ` ${norm} `;
  for (const p of c.prefix) if (padded.startsWith(` ${p}`) || norm === p.trimEnd()) return true;
  for (const s of c.suffix) if (padded.endsWith(`${s} `) || norm === s.trimStart()) return true;
  for (const w of c.contains) if (padded.includes(w)) return true;
  for (const g of c.gaps) if (g.test(norm)) return true;
  return false;
}

/** "1 obiettivo operativo" → "obiettivo operativo"; "b indicatori" → "indicatori". */
function withoutSection(norm: string): string | null {
  const m = /^(?:\d{1,2}(?: \d{1,2})?|[a-h]) (?=[a-z]{2})/.exec(norm);
  return m ? norm.slice(m[0].length) : null;
}

export interface VocabularyExtra {
  /** Extra words per role (normalised or not: they are normalised here). */
  roles?: Partial<Record<Role, readonly string[]>>;
  /** Twelve month labels, in order, as a taught month row writes them. */
  months?: readonly string[];
}

export interface LabelInfo {
  norm: string;
  roles: readonly number[];
}

interface RoleEntry {
  set: ReadonlySet<Role>;
  list: readonly Role[];
}

export class Vocabulary {
  private readonly compiled = new Map<Role, Compiled>();
  private readonly memo = new Map<string, RoleEntry>();
  private readonly extraMonths = new Map<string, number>();
  private readonly prevWords: Set<string>;
  private readonly effWords: Set<string>;
  /** True when a profile added words (the built-in vocabulary is shared and never changes). */
  readonly taught: boolean;

  constructor(extra: VocabularyExtra = {}) {
    for (const role of ROLES) {
      const more = (extra.roles?.[role] ?? []).map((w) => normLabel(w)).filter((w) => w !== "");
      this.compiled.set(role, compile([...BUILTIN[role], ...more]));
    }
    (extra.months ?? []).forEach((m, i) => {
      const n = normLabel(m);
      if (n && i < 12) this.extraMonths.set(n, i + 1);
    });
    this.prevWords = new Set(PREVISTO_WORDS);
    this.effWords = new Set(EFFETTIVO_WORDS);
    this.taught = !!extra.roles || !!extra.months;
  }

  /**
   * Every role a (normalised) label plays, computed once per distinct label: the recognisers ask
   * the same few hundred labels about dozens of roles on every scheda.
   */
  rolesOf(norm: string): ReadonlySet<Role> {
    return this.entry(norm).set;
  }

  private readonly textMemo = new Map<string, LabelInfo>();
  private textMemoChars = 0;

  /**
   * A cell's text as the recognisers see it: its normalised form and the positions (in ROLES) of
   * the roles it plays, found once per distinct text (one look-up per text cell of every sheet).
   */
  labelInfo(text: string): LabelInfo {
    let info = this.textMemo.get(text);
    if (info === undefined) {
      const norm = normLabel(text);
      info = { norm, roles: norm ? this.entry(norm).list.map((r) => ROLE_INDEX.get(r)!) : [] };
      if (text.length <= 4_000) {
        this.textMemoChars += text.length;
        // Bounded by the characters kept, so a workbook of distinct long texts cannot grow it forever.
        if (this.textMemoChars > 2_000_000) {
          this.textMemo.clear();
          this.textMemoChars = text.length;
        }
        this.textMemo.set(text, info);
      }
    }
    return info;
  }

  private entry(norm: string): RoleEntry {
    let e = this.memo.get(norm);
    if (e === undefined) {
      const set = new Set<Role>();
      const bare = withoutSection(norm);
      for (const role of ROLES) {
        const c = this.compiled.get(role)!;
        if (test(c, norm) || (bare !== null && test(c, bare))) set.add(role);
      }
      e = { set, list: [...set] };
      if (this.memo.size > 50_000) this.memo.clear();
      this.memo.set(norm, e);
    }
    return e;
  }

  /** True when the (normalised) label plays this role. */
  is(role: Role, norm: string): boolean {
    return this.rolesOf(norm).has(role);
  }

  /** The first of `roles` the label plays, or null. */
  roleOf(norm: string, roles: readonly Role[]): Role | null {
    for (const r of roles) if (this.is(r, norm)) return r;
    return null;
  }

  /** Month 1–12 named by a header text ("settem.", "GEN 2023", or a taught month label). */
  month(text: string): number | null {
    return monthFromLabel(text) ?? this.extraMonths.get(normLabel(text)) ?? null;
  }

  private readonly wordsMemo = new Map<string, RowWords>();

  /** "previsto" / "effettivo" words inside a cronoprogramma row label, by whole words (remembered per label). */
  rowWords(norm: string): RowWords {
    let hit = this.wordsMemo.get(norm);
    if (hit === undefined) {
      let previsto = false;
      let effettivo = false;
      const words = norm.split(" ");
      // Single letters ("P", "E") count only when they are the whole label beside a fase number.
      const short = words.length <= 2;
      for (const w of words) {
        if (w.length === 1 && !short) continue;
        if (this.prevWords.has(w)) previsto = true;
        if (this.effWords.has(w)) effettivo = true;
      }
      hit = Object.freeze({ previsto, effettivo });
      if (this.wordsMemo.size > 20_000) this.wordsMemo.clear();
      this.wordsMemo.set(norm, hit);
    }
    return hit;
  }
}

export interface RowWords {
  readonly previsto: boolean;
  readonly effettivo: boolean;
}

export const BUILTIN_VOCABULARY = new Vocabulary();
