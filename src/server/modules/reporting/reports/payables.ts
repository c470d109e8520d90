// Payables (A3): what the agency owes its suppliers on a day, by how long past due. An invoice
// is open on `asOf` when it is dated by then and not paid by then; its whole amount, in the
// base currency at the invoice's rate, falls in one bucket by days past its due date.
import { sql } from 'kysely';
import { type Static, Type } from 'typebox';
import { daysBetween, todayUtc } from '../../../calendar.ts';
import { Uuid } from '../../../http/schemas.ts';
import { toleranceOf } from '../../supplier-invoices/analysis.ts';
import { supplierCostRoles } from '../../supplier-invoices/routes.ts';
import { invoiceInBase } from '../../supplier-invoices/variance.ts';
import type { ColumnDefinition, ReportDefinition, ReportRow } from '../report-kit.ts';

const Query = Type.Object({
  asOf: Type.Optional(
    Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Default: today' }),
  ),
  supplierId: Type.Optional(Uuid),
  by: Type.Optional(
    Type.Union([Type.Literal('supplier'), Type.Literal('invoice')], { default: 'supplier' }),
  ),
});
type Query = Static<typeof Query>;

type Labels = ColumnDefinition['label'];

export const buckets = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
type Bucket = (typeof buckets)[number];

/** The bucket of an amount `overdue` days past due (0 or less: not due yet). */
export function bucketOf(overdue: number): Bucket {
  if (overdue <= 0) return 'current';
  if (overdue <= 30) return 'days1to30';
  if (overdue <= 60) return 'days31to60';
  if (overdue <= 90) return 'days61to90';
  return 'over90';
}

const bucketLabels: Record<Bucket | 'total', Labels> = {
  current: {
    en: 'Not yet due',
    cs: 'Do splatnosti',
    pl: 'Przed terminem',
    tr: 'Vadesi gelmemiş',
    zh: '未到期',
  },
  days1to30: { en: '1–30 days', cs: '1–30 dní', pl: '1–30 dni', tr: '1–30 gün', zh: '1–30天' },
  days31to60: {
    en: '31–60 days',
    cs: '31–60 dní',
    pl: '31–60 dni',
    tr: '31–60 gün',
    zh: '31–60天',
  },
  days61to90: {
    en: '61–90 days',
    cs: '61–90 dní',
    pl: '61–90 dni',
    tr: '61–90 gün',
    zh: '61–90天',
  },
  over90: {
    en: 'Over 90 days',
    cs: 'Nad 90 dní',
    pl: 'Ponad 90 dni',
    tr: '90 günden fazla',
    zh: '90天以上',
  },
  total: { en: 'Total', cs: 'Celkem', pl: 'Razem', tr: 'Toplam', zh: '合计' },
};

function columnsOf(by: 'supplier' | 'invoice', currency: string): ColumnDefinition[] {
  const text = (key: string, label: Labels): ColumnDefinition => ({ key, type: 'text', label });
  const perInvoice: ColumnDefinition[] = [
    text('invoice', { en: 'Invoice', cs: 'Faktura', pl: 'Faktura', tr: 'Fatura', zh: '发票' }),
    text('invoiceId', {
      en: 'Invoice ID',
      cs: 'ID faktury',
      pl: 'ID faktury',
      tr: 'Fatura kimliği',
      zh: '发票编号',
    }),
    {
      key: 'invoiceDate',
      type: 'date',
      label: {
        en: 'Invoice date',
        cs: 'Datum faktury',
        pl: 'Data faktury',
        tr: 'Fatura tarihi',
        zh: '开票日期',
      },
    },
    {
      key: 'dueDate',
      type: 'date',
      label: { en: 'Due date', cs: 'Splatnost', pl: 'Termin płatności', tr: 'Vade', zh: '到期日' },
    },
    {
      key: 'daysOverdue',
      type: 'integer',
      label: {
        en: 'Days overdue',
        cs: 'Dní po splatnosti',
        pl: 'Dni po terminie',
        tr: 'Geciken gün',
        zh: '逾期天数',
      },
    },
  ];
  return [
    text('supplier', {
      en: 'Supplier',
      cs: 'Dodavatel',
      pl: 'Dostawca',
      tr: 'Tedarikçi',
      zh: '供应商',
    }),
    text('supplierId', {
      en: 'Supplier ID',
      cs: 'ID dodavatele',
      pl: 'ID dostawcy',
      tr: 'Tedarikçi kimliği',
      zh: '供应商编号',
    }),
    ...(by === 'invoice' ? perInvoice : []),
    ...[...buckets, 'total' as const].map(
      (key): ColumnDefinition => ({
        key,
        type: 'money',
        currency,
        cost: true,
        label: bucketLabels[key],
      }),
    ),
  ];
}

export const payablesReport: ReportDefinition<typeof Query> = {
  name: 'payables',
  summary: 'Open supplier invoices on a day, by days past their due date (base currency)',
  access: supplierCostRoles,
  query: Query,
  async prepare(ctx, query: Query) {
    const asOf = query.asOf ?? todayUtc();
    const by = query.by ?? 'supplier';
    const { baseCurrency } = await toleranceOf(ctx);
    const open = await ctx.db
      .selectFrom('supplierInvoices as i')
      .innerJoin('suppliers as s', (j) =>
        j.onRef('s.agencyId', '=', 'i.agencyId').onRef('s.id', '=', 'i.supplierId'),
      )
      .select([
        'i.id',
        'i.number',
        'i.supplierId',
        's.name as supplier',
        'i.invoiceDate',
        'i.dueDate',
        'i.amount',
        sql<string>`i.rate::text`.as('rate'),
      ])
      .where('i.agencyId', '=', ctx.agencyId)
      .where('i.invoiceDate', '<=', asOf)
      .where((eb) => eb.or([eb('i.paidOn', 'is', null), eb('i.paidOn', '>', asOf)]))
      .$if(query.supplierId !== undefined, (qb) =>
        qb.where('i.supplierId', '=', query.supplierId ?? ''),
      )
      .orderBy('s.name')
      .orderBy('i.dueDate')
      .orderBy('i.number')
      .execute();
    const rows: ReportRow[] = [];
    const perSupplier = new Map<string, ReportRow>();
    const zero = () => Object.fromEntries([...buckets, 'total'].map((k) => [k, 0]));
    const totals: ReportRow = zero();
    for (const invoice of open) {
      const amount = invoiceInBase(Number(invoice.amount), [], invoice.rate, baseCurrency).whole;
      const overdue = daysBetween(invoice.dueDate, asOf);
      const bucket = bucketOf(overdue);
      let row: ReportRow;
      if (by === 'invoice') {
        row = {
          supplier: invoice.supplier,
          supplierId: invoice.supplierId,
          invoice: invoice.number,
          invoiceId: invoice.id,
          invoiceDate: invoice.invoiceDate,
          dueDate: invoice.dueDate,
          daysOverdue: Math.max(0, overdue),
          ...zero(),
        };
        rows.push(row);
      } else {
        row = perSupplier.get(invoice.supplierId) ?? {
          supplier: invoice.supplier,
          supplierId: invoice.supplierId,
          ...zero(),
        };
        if (!perSupplier.has(invoice.supplierId)) {
          perSupplier.set(invoice.supplierId, row);
          rows.push(row);
        }
      }
      for (const target of [row, totals]) {
        target[bucket] = Number(target[bucket]) + amount;
        target.total = Number(target.total) + amount;
      }
    }
    return { columns: columnsOf(by, baseCurrency), rows, totals, currency: baseCurrency };
  },
};
