import { AppError } from '../common/app-error';

/**
 * RFC 4180 CSV: fields separated by commas, rows by CRLF or LF, double-quoted fields may hold
 * commas, line breaks and doubled quotes. A UTF-8 byte-order mark (Excel writes one) is dropped.
 * Returns the rows with the 1-based line each starts on, so an import report can point at it.
 * Throws a CsvError on an unterminated quote or a quote inside an unquoted field.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      if (fieldStarted) throw new CsvError(line, 'a quote inside an unquoted field');
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      rowLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvError(rowLine, 'a quoted field that never ends');
  fields.push(field);
  if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
  return rows;
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`Line ${line}: ${problem}`);
  }
}

/** What an import file must hold: its columns (in any order), which of them may be left out, and how many rows. */
export interface CsvTableRules {
  columns: readonly string[];
  optional: readonly string[];
  /** Said of the optional columns in the message about a header, e.g. "code is optional". */
  optionalNote: string;
  maxRows: number;
  /** What a row is, in the plural: "households". */
  rowsAre: string;
}

/**
 * The rows of an import file as records by column name (lower-cased, values trimmed), each with
 * the line it starts on. Whatever is wrong with the file as a whole is a CSV_INVALID the user fixes:
 * not CSV, a header without the required columns, no rows, too many rows.
 */
export function readCsvTable(text: string, rules: CsvTableRules): { line: number; record: Record<string, string> }[] {
  let rows: { line: number; fields: string[] }[];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new AppError('CSV_INVALID', `The file is not valid CSV: ${error.message}.`);
    throw error;
  }
  const [header, ...data] = rows;
  const columns = (header?.fields ?? []).map((name) => name.trim().toLowerCase());
  const missing = rules.columns.filter((column) => !rules.optional.includes(column) && !columns.includes(column));
  if (!header || missing.length) {
    throw new AppError(
      'CSV_INVALID',
      `The header must name the columns ${rules.columns.join(', ')} (${rules.optionalNote}); missing: ${missing.join(', ')}.`,
    );
  }
  if (data.length === 0) throw new AppError('CSV_INVALID', `The file has a header but no ${rules.rowsAre}.`);
  if (data.length > rules.maxRows) {
    throw new AppError('CSV_INVALID', `At most ${rules.maxRows} ${rules.rowsAre} per file; this one has ${data.length}.`);
  }
  return data.map((row) => ({
    line: row.line,
    record: Object.fromEntries(columns.map((column, index) => [column, (row.fields[index] ?? '').trim()])),
  }));
}
