// What the sales and profitability reports share: their columns (labels in every document
// language) and the measures they sum from `sales_ledger sl`, written once in SQL as the
// README's "Sales ledger" defines them:
// - bookings, pax, nights: the sum of the rows' counts (+1 when sold, −1 when taken back), so
//   a booking made and cancelled in the same period counts 0, and 1 in `cancelledBookings`;
// - revenue: the sum of `sale_base`, net of cancellations and with the fees kept;
// - cancelledRevenue: what the `cancelled` rows took back, as a positive amount;
// - fees: the `fee` rows; cost: the sum of `cost_base`; margin: revenue less cost.
import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../../context.ts';
import type { DocumentLocale } from '../../documents/pdf.ts';
import type { Cell, ColumnDefinition, ColumnType, ReportRow } from '../report-kit.ts';

/** Labels in en, cs, pl, tr, zh (the documents' languages, in that order). */
type Labels = readonly [string, string, string, string, string];

export function column(
  key: string,
  type: ColumnType,
  [en, cs, pl, tr, zh]: Labels,
  more: Pick<ColumnDefinition, 'currency' | 'cost'> = {},
): ColumnDefinition {
  const label: Record<DocumentLocale, string> = { en, cs, pl, tr, zh };
  return { key, type, label, ...more };
}

export const labels = {
  period: ['Period', 'Období', 'Okres', 'Dönem', '期间'],
  product: ['Product', 'Produkt', 'Produkt', 'Ürün', '产品'],
  productId: ['Product ID', 'ID produktu', 'ID produktu', 'Ürün kimliği', '产品编号'],
  productKind: ['Product kind', 'Druh produktu', 'Rodzaj produktu', 'Ürün türü', '产品类型'],
  country: ['Country', 'Země', 'Kraj', 'Ülke', '国家'],
  place: ['Destination', 'Destinace', 'Miejsce docelowe', 'Varış yeri', '目的地'],
  channel: ['Channel', 'Kanál', 'Kanał', 'Kanal', '渠道'],
  online: ['Online', 'Online', 'Online', 'Çevrim içi', '线上'],
  soldBy: ['Sold by', 'Prodal', 'Sprzedawca', 'Satan', '销售人员'],
  soldById: ['Seller ID', 'ID prodejce', 'ID sprzedawcy', 'Satıcı kimliği', '销售人员编号'],
  customer: ['Customer', 'Zákazník', 'Klient', 'Müşteri', '客户'],
  customerId: ['Customer ID', 'ID zákazníka', 'ID klienta', 'Müşteri kimliği', '客户编号'],
  departureDate: ['Departure', 'Odjezd', 'Wyjazd', 'Kalkış', '出发日期'],
  supplier: ['Supplier', 'Dodavatel', 'Dostawca', 'Tedarikçi', '供应商'],
  supplierId: ['Supplier ID', 'ID dodavatele', 'ID dostawcy', 'Tedarikçi kimliği', '供应商编号'],
  bookings: ['Bookings', 'Rezervace', 'Rezerwacje', 'Rezervasyonlar', '预订数'],
  pax: ['Travellers', 'Cestující', 'Podróżni', 'Yolcular', '旅客人数'],
  nights: ['Nights', 'Noci', 'Noce', 'Geceler', '晚数'],
  revenue: ['Revenue', 'Tržby', 'Przychód', 'Gelir', '收入'],
  cancelledBookings: [
    'Cancelled bookings',
    'Zrušené rezervace',
    'Anulowane rezerwacje',
    'İptal edilen rezervasyonlar',
    '取消的预订',
  ],
  cancelledRevenue: [
    'Cancelled revenue',
    'Zrušené tržby',
    'Anulowany przychód',
    'İptal edilen gelir',
    '取消的收入',
  ],
  fees: ['Cancellation fees', 'Storno poplatky', 'Opłaty za anulację', 'İptal ücretleri', '取消费'],
  cost: ['Cost', 'Náklady', 'Koszt', 'Maliyet', '成本'],
  margin: ['Margin', 'Marže', 'Marża', 'Kâr marjı', '毛利'],
  marginPct: ['Margin %', 'Marže %', 'Marża %', 'Kâr marjı %', '毛利率'],
} as const satisfies Record<string, Labels>;

type LabelKey = keyof typeof labels;

/** A column whose labels are in `labels` under its key. */
export function labelled(
  key: LabelKey,
  type: ColumnType,
  more: Pick<ColumnDefinition, 'currency' | 'cost'> = {},
): ColumnDefinition {
  return column(key, type, labels[key], more);
}

/** A measure: its column and its SQL aggregate over `sl`. */
export interface Measure {
  key: string;
  type: ColumnType;
  cost?: boolean;
  sql: RawBuilder<unknown>;
}

export const measureSql = {
  bookings: sql`coalesce(sum(sl.bookings), 0)`,
  pax: sql`coalesce(sum(sl.pax), 0)`,
  nights: sql`coalesce(sum(sl.nights), 0)`,
  revenue: sql`coalesce(sum(sl.sale_base), 0)`,
  cancelledBookings: sql`-coalesce(sum(case when sl.event = 'cancelled' then sl.bookings end), 0)`,
  cancelledRevenue: sql`-coalesce(sum(case when sl.event = 'cancelled' then sl.sale_base end), 0)`,
  fees: sql`coalesce(sum(case when sl.event = 'fee' then sl.sale_base end), 0)`,
  cost: sql`coalesce(sum(sl.cost_base), 0)`,
} as const;

export type MeasureKey = keyof typeof measureSql;

/** The measures' columns: amounts in `currency`, cost, margin and margin % for cost roles. */
export function measureColumns(keys: readonly MeasureKey[], currency: string) {
  const columns: ColumnDefinition[] = [];
  for (const key of keys) {
    if (key === 'cost') {
      columns.push(labelled('cost', 'money', { currency, cost: true }));
      columns.push(labelled('margin', 'money', { currency, cost: true }));
      columns.push(labelled('marginPct', 'percent', { cost: true }));
    } else {
      const money = key === 'revenue' || key === 'cancelledRevenue' || key === 'fees';
      columns.push(labelled(key, money ? 'money' : 'integer', money ? { currency } : {}));
    }
  }
  return columns;
}

/** The measures of `keys` as select expressions, aliased by key. */
export function measureSelects(keys: readonly MeasureKey[]) {
  return keys.map((key) => measureSql[key].as(key));
}

/** Numbers as the database summed them (bigint sums come back as strings), with the margin. */
export function measureCells(keys: readonly MeasureKey[], row: Record<string, unknown>): ReportRow {
  const cells: Record<string, Cell> = {};
  for (const key of keys) cells[key] = Number(row[key] ?? 0);
  if (keys.includes('cost')) {
    const revenue = Number(row.revenue ?? 0);
    const margin = revenue - Number(row.cost ?? 0);
    cells.margin = margin;
    cells.marginPct = revenue === 0 ? null : margin / revenue;
  }
  return cells;
}

/** The agency's base currency, the currency of every amount of the ledger reports. */
export async function baseCurrencyOf(ctx: Ctx): Promise<string> {
  const agency = await ctx.db
    .selectFrom('agencies')
    .select('baseCurrency')
    .where('id', '=', ctx.agencyId)
    .executeTakeFirstOrThrow();
  return agency.baseCurrency.trim();
}
