// The report kit's files: the CSV and the XLSX of a prepared report hold its rows in the
// columns' order, money in major units with the currency's decimals, the labels in the asked
// language, a totals row, and a formula-looking text cell made safe.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportCsv, reportXlsx } from './report-files.ts';
import {
  type ColumnDefinition,
  type PreparedReport,
  pick,
  type ReportRow,
  visibleColumns,
} from './report-kit.ts';

const label = (en: string, cs: string) => ({ en, cs, pl: en, tr: en, zh: en });

const columns: ColumnDefinition[] = [
  { key: 'month', type: 'text', label: label('Month', 'Měsíc') },
  { key: 'customer', type: 'text', label: label('Customer', 'Zákazník') },
  { key: 'pax', type: 'integer', label: label('Travellers', 'Cestující') },
  { key: 'revenue', type: 'money', currency: 'EUR', label: label('Revenue', 'Tržby') },
  { key: 'yen', type: 'money', currency: 'JPY', label: label('Yen', 'Jeny') },
  { key: 'marginPct', type: 'percent', label: label('Margin %', 'Marže %'), cost: true },
];

const rows: ReportRow[] = [
  { month: '2026-01', customer: 'Novák', pax: 2, revenue: 123456, yen: 5000, marginPct: 0.125 },
  { month: '2026-02', customer: '=HYPERLINK("x")', pax: 3, revenue: -500, yen: 7, marginPct: null },
];

async function* inBatches(): AsyncIterable<ReportRow[]> {
  yield rows.slice(0, 1);
  yield rows.slice(1);
}

const prepared = (): PreparedReport => ({
  columns,
  rows: inBatches(),
  totals: { pax: 5, revenue: 122956, yen: 5007, marginPct: 0.1 },
  currency: 'EUR',
});

async function bytesOf(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('report files', () => {
  it('writes the CSV with the asked language, major units, a safe text cell and the totals', async () => {
    const text = (await bytesOf(reportCsv(columns, prepared(), 'cs'))).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\n');
    expect(lines).toEqual([
      'Měsíc,Zákazník,Cestující,Tržby,Jeny,Marže %',
      // 123456 cents = 1234.56 EUR; JPY has no minor unit.
      '2026-01,Novák,2,1234.56,5000,0.125',
      `2026-02,"'=HYPERLINK(""x"")",3,-5.00,7,`,
      'Celkem,,5,1229.56,5007,0.1',
    ]);
  });

  it('writes a workbook whose cells read back as the same numbers and texts', async () => {
    const bytes = await bytesOf(reportXlsx('sales', columns, prepared(), 'en'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('sales');
    if (!sheet) throw new Error('the workbook has no sheet named sales');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Month', 'Customer', 'Travellers', 'Revenue', 'Yen', 'Margin %']);
    expect(values(2)).toEqual(['2026-01', 'Novák', 2, 1234.56, 5000, 0.125]);
    expect(values(3).slice(0, 5)).toEqual(['2026-02', '=HYPERLINK("x")', 3, -5, 7]);
    expect(values(4)).toEqual(['Total', undefined, 5, 1229.56, 5007, 0.1]);
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('#,##0');
    expect(sheet.getRow(2).getCell(6).numFmt).toBe('0.0%');
  });

  it('leaves cost columns to admin and accountant, and never sends a hidden cell', () => {
    expect(visibleColumns(columns, 'agent').map((c) => c.key)).not.toContain('marginPct');
    expect(visibleColumns(columns, 'accountant').map((c) => c.key)).toContain('marginPct');
    const shown = pick(rows[0] as ReportRow, visibleColumns(columns, 'agent'));
    expect(Object.keys(shown)).toEqual(['month', 'customer', 'pax', 'revenue', 'yen']);
  });
});
