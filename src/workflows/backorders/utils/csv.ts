/**
 * One CSV field: quoted when it holds a separator, a quote or a line break, with quotes
 * doubled (RFC 4180). A field a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first)
 * is prefixed with a quote mark, so an exported customer name cannot run code when opened.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) {
    return ""
  }
  let text = value instanceof Date ? value.toISOString() : String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) {
    text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV document: a header row and one row per record, CRLF line ends. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows]
    .map((row) => row.map(csvField).join(","))
    .join("\r\n")
    .concat("\r\n")
}
