import fc from 'fast-check';
import { parseCsv } from '../households/csv';
import { csvCell, spreadsheetText, toCsvText } from './csv';

describe(csvCell.name, () => {
  it.each([
    ['=HYPERLINK("http://x","点")', `"'=HYPERLINK(""http://x"",""点"")"`],
    ['+86 138', "'+86 138"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('keeps %p from being run as a formula', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it.each([
    ['-12.50', '-12.50'],
    ['1234', '1234'],
    [-7, '-7'],
    ['纳雍县厍东关乡', '纳雍县厍东关乡'],
    ['a, "b"', '"a, ""b"""'],
  ])('leaves %p as it is, quoting only what CSV needs', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('reads back as the text a spreadsheet shows, which never starts a formula (a signed number such as +0 stays a number)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = parseCsv(toCsvText(rows)).map((row) => row.fields);
        expect(back).toEqual(rows.map((row) => row.map(spreadsheetText)));
        // A signed number is left as it is on purpose (see spreadsheetText): a spreadsheet reads it as a number, not a formula.
        for (const cell of back.flat()) expect(/^[=+@\t\r]/.test(cell) && !/^[-+]?\d+(\.\d+)?$/.test(cell)).toBe(false);
      }),
    );
  });
});
