import { formatFen } from '@qh/domain';

/**
 * Text as a spreadsheet should show it. Text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would be run as a formula (a name such as `=HYPERLINK(…)` typed into a registry or a
 * product): it gets a leading apostrophe, which spreadsheets hide. Numbers, negative ones included,
 * stay numbers.
 */
export function spreadsheetText(value: string | number): string {
  const text = String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** One CSV cell (RFC 4180), quoted only where CSV needs it. */
export function csvCell(value: string | number): string {
  const text = spreadsheetText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of cells as CSV text with CRLF line ends and a byte-order mark, so spreadsheet programs read the Chinese as UTF-8. */
export function toCsvText(rows: (string | number)[][]): string {
  return '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Fen as a spreadsheet's yuan: `-1234.50`, exact (no grouping, no sign of currency). */
export const yuanCell = (fen: number): string => formatFen(fen).replace('¥', '').replaceAll(',', '');
