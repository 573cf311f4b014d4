/** Text for a Word run: XML-forbidden control characters removed, line ends as "\n". */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function plainText(s: string): string {
  return s.replace(/\r\n?/g, "\n").replace(FORBIDDEN, "");
}
