import { describe, expect, it } from 'vitest';
import { csvDataUrl, payoutTemplateCsv } from './payout-template';
import { coopHousehold } from './testing/trail-fixtures';

describe('payoutTemplateCsv', () => {
  it('has a row for each household still owed, for all it is owed, by bank transfer, paid today', () => {
    const csv = payoutTemplateCsv(
      [
        coopHousehold(),
        coopHousehold({ id: 'h-2', code: 'NY-000124', outstandingFen: 0 }),
        coopHousehold({ id: 'h-3', code: 'NY-000125', outstandingFen: 123_456 }),
      ],
      '2026-11',
      '2026-11-20',
    );

    expect(csv.split('\r\n')).toEqual([
      'household_code,period,amount_yuan,method,reference,paid_on,receipt_id',
      'NY-000123,2026-11,5.00,BANK,,2026-11-20,',
      'NY-000125,2026-11,1234.56,BANK,,2026-11-20,',
      '',
    ]);
  });

  it('quotes a field that holds a comma or a quote', () => {
    const csv = payoutTemplateCsv([coopHousehold({ code: 'NY,"1"' })], '2026-11', '2026-11-20');
    expect(csv.split('\r\n')[1]).toBe('"NY,""1""",2026-11,5.00,BANK,,2026-11-20,');
  });
});

describe('csvDataUrl', () => {
  it('offers the file with a byte-order mark, so that Excel reads it as UTF-8', () => {
    const url = csvDataUrl('a,b\r\n');
    expect(url.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/csv;charset=utf-8,'.length))).toBe('\uFEFFa,b\r\n');
  });
});
