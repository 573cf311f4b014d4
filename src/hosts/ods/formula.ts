/**
 * An OpenFormula as ODF stores it ("of:=SUM([.B2:.B9])") → the Excel-like text the grid keeps
 * ("SUM(B2:B9)"). The grid uses a formula only to know a cell holds one and to show it: the
 * cached value is what the engine reads.
 */
export function odfFormula(f: string): string {
  return f
    .replace(/^(?:of|oooc|msoxl):=?/, "")
    .replace(/^=/, "")
    .replace(/\[\$?'?([^\]]*?)'?\.(\$?[A-Z]+\$?\d+)(?::\.?(\$?[A-Z]+\$?\d+))?\]/g, (_m, sheet: string, a: string, b?: string) => {
      const ref = b ? `${a}:${b}` : a;
      return sheet ? `'${sheet.replace(/^\$/, "")}'!${ref}` : ref;
    })
    .replace(/;/g, ",");
}
