import fc from 'fast-check';
import { CsvError, parseCsv } from './csv';

describe(parseCsv.name, () => {
  it('reads rows of fields with their line numbers, dropping a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\n1,"x, ""y"""\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', 'x, "y"'] },
    ]);
  });

  it('keeps line breaks inside quotes and counts them', () => {
    expect(parseCsv('"a\nb",c\nd,e')).toEqual([
      { line: 1, fields: ['a\nb', 'c'] },
      { line: 3, fields: ['d', 'e'] },
    ]);
  });

  it('refuses an unterminated quote and a stray quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"open,c')).toThrow(new CsvError(2, 'a quoted field that never ends'));
    expect(() => parseCsv('a,b"c')).toThrow(CsvError);
  });

  it('reads back what a careful writer wrote, whatever the text (property)', () => {
    const quote = (field: string) => `"${field.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((row) => row.map(quote).join(',')).join('\r\n');
        expect(parseCsv(text).map((row) => row.fields)).toEqual(rows);
      }),
    );
  });
});
