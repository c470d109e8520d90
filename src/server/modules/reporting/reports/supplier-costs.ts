// Supplier costs (A2): what the matched booking lines were expected to cost against what the
// suppliers invoiced, per supplier, tour, departure or line, with the variance and whether
// it is beyond the agency's tolerance. Below the matched rows: each invoice's amount not
// matched to anything, and the lines with a cost of departures already travelled that no
// supplier invoice covers. Amounts in the base currency (see supplier-invoices/analysis.ts).
import { type Static, Type } from 'typebox';
import { todayUtc } from '../../../calendar.ts';
import { Invalid } from '../../../errors.ts';
import { Uuid } from '../../../http/schemas.ts';
import {
  type Analysis,
  analyse,
  type CostLine,
  costLines,
} from '../../supplier-invoices/analysis.ts';
import { supplierCostRoles } from '../../supplier-invoices/routes.ts';
import { varianceOf } from '../../supplier-invoices/variance.ts';
import type { ColumnDefinition, ReportDefinition, ReportRow } from '../report-kit.ts';

const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const Query = Type.Object({
  from: Type.Optional({ ...DateText, description: 'Invoice date from (inclusive)' }),
  to: Type.Optional({ ...DateText, description: 'Invoice date to (inclusive)' }),
  supplierId: Type.Optional(Uuid),
  by: Type.Optional(
    Type.Union(
      [
        Type.Literal('supplier'),
        Type.Literal('tour'),
        Type.Literal('departure'),
        Type.Literal('line'),
      ],
      { default: 'supplier' },
    ),
  ),
});
type Query = Static<typeof Query>;
type By = NonNullable<Query['by']>;

type Labels = ColumnDefinition['label'];
const text = (key: string, label: Labels): ColumnDefinition => ({ key, type: 'text', label });

const columnsOf = (by: By, currency: string): ColumnDefinition[] => {
  const money = (key: string, label: Labels): ColumnDefinition => ({
    key,
    type: 'money',
    label,
    currency,
    cost: true,
  });
  const dimension: Record<By, ColumnDefinition[]> = {
    supplier: [],
    tour: [tour, tourId],
    departure: [tour, tourId, departureDate, departureId],
    line: [tour, departureDate, booking, bookingId, line, lineId],
  };
  return [
    text('row', {
      en: 'Row',
      cs: 'Řádek',
      pl: 'Wiersz',
      tr: 'Satır',
      zh: '行类型',
    }),
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
    ...dimension[by],
    text('invoice', { en: 'Invoices', cs: 'Faktury', pl: 'Faktury', tr: 'Faturalar', zh: '发票' }),
    money('expectedCost', {
      en: 'Expected cost',
      cs: 'Očekávané náklady',
      pl: 'Oczekiwany koszt',
      tr: 'Beklenen maliyet',
      zh: '预期成本',
    }),
    money('actualCost', {
      en: 'Invoiced cost',
      cs: 'Fakturované náklady',
      pl: 'Zafakturowany koszt',
      tr: 'Faturalanan maliyet',
      zh: '实际成本',
    }),
    money('variance', { en: 'Variance', cs: 'Rozdíl', pl: 'Różnica', tr: 'Fark', zh: '差异' }),
    {
      key: 'variancePct',
      type: 'percent',
      cost: true,
      label: { en: 'Variance %', cs: 'Rozdíl %', pl: 'Różnica %', tr: 'Fark %', zh: '差异率' },
    },
    {
      key: 'flagged',
      type: 'text',
      cost: true,
      label: {
        en: 'Beyond tolerance',
        cs: 'Nad tolerancí',
        pl: 'Poza tolerancją',
        tr: 'Tolerans dışı',
        zh: '超出容差',
      },
    },
  ];
};

const tour = text('tour', { en: 'Tour', cs: 'Zájezd', pl: 'Wycieczka', tr: 'Tur', zh: '线路' });
const tourId = text('tourId', {
  en: 'Tour ID',
  cs: 'ID zájezdu',
  pl: 'ID wycieczki',
  tr: 'Tur kimliği',
  zh: '线路编号',
});
const departureDate: ColumnDefinition = {
  key: 'departureDate',
  type: 'date',
  label: { en: 'Departure', cs: 'Odjezd', pl: 'Wyjazd', tr: 'Kalkış', zh: '出发日期' },
};
const departureId = text('departureId', {
  en: 'Departure ID',
  cs: 'ID termínu',
  pl: 'ID terminu',
  tr: 'Kalkış kimliği',
  zh: '团期编号',
});
const booking = text('booking', {
  en: 'Booking',
  cs: 'Rezervace',
  pl: 'Rezerwacja',
  tr: 'Rezervasyon',
  zh: '预订',
});
const bookingId = text('bookingId', {
  en: 'Booking ID',
  cs: 'ID rezervace',
  pl: 'ID rezerwacji',
  tr: 'Rezervasyon kimliği',
  zh: '预订编号',
});
const line = text('line', { en: 'Line', cs: 'Položka', pl: 'Pozycja', tr: 'Kalem', zh: '明细' });
const lineId = text('lineId', {
  en: 'Line ID',
  cs: 'ID položky',
  pl: 'ID pozycji',
  tr: 'Kalem kimliği',
  zh: '明细编号',
});

/** The dimension cells of a line (or, for a match covering no line, of its target). */
interface Where {
  supplierId: string | null;
  supplier: string | null;
  tour: string | null;
  tourId: string | null;
  departureDate: string | null;
  departureId: string | null;
  booking: string | null;
  bookingId: string | null;
  line: string | null;
  lineId: string | null;
}

function whereOfLine(l: CostLine): Where {
  return {
    supplierId: l.supplierId,
    supplier: l.supplierName,
    tour: l.productName,
    tourId: l.productId,
    departureDate: l.departureDate,
    departureId: l.tourDepartureId,
    booking: l.bookingNumber,
    bookingId: l.bookingId,
    line: l.label,
    lineId: l.id,
  };
}

function keyOf(by: By, w: Where): string {
  switch (by) {
    case 'supplier':
      return w.supplierId ?? '';
    case 'tour':
      return w.tourId ?? '';
    case 'departure':
      return `${w.tourId ?? ''}|${w.departureDate ?? ''}|${w.departureId ?? ''}`;
    case 'line':
      return w.lineId ?? `target:${w.line}`;
  }
}

interface Group {
  where: Where;
  suppliers: Set<string | null>;
  invoices: Set<string>;
  expected: number;
  actual: number;
}

function cells(by: By, w: Where, suppliers: Set<string | null>, supplierName: string | null) {
  const one = suppliers.size === 1 ? [...suppliers][0] : null;
  const row: ReportRow = {
    supplier: one ? supplierName : null,
    supplierId: one ?? null,
  };
  if (by === 'tour' || by === 'departure' || by === 'line') row.tour = w.tour;
  if (by === 'tour' || by === 'departure') row.tourId = w.tourId;
  if (by === 'departure' || by === 'line') row.departureDate = w.departureDate;
  if (by === 'departure') row.departureId = w.departureId;
  if (by === 'line') {
    row.booking = w.booking;
    row.bookingId = w.bookingId;
    row.line = w.line;
    row.lineId = w.lineId;
  }
  return row;
}

function measures(analysis: Analysis, expected: number, actual: number): ReportRow {
  const v = varianceOf(expected, actual, analysis.tolerance);
  return {
    expectedCost: v.expected,
    actualCost: v.actual,
    variance: v.variance,
    variancePct: v.variancePct,
    flagged: v.flagged,
  };
}

export const supplierCostsReport: ReportDefinition<typeof Query> = {
  name: 'supplier-costs',
  summary:
    'Expected against invoiced supplier cost per supplier, tour, departure or line, with unmatched invoice amounts and lines never invoiced',
  access: supplierCostRoles,
  query: Query,
  async prepare(ctx, query) {
    const by: By = query.by ?? 'supplier';
    if (query.from && query.to && query.from > query.to) {
      throw Invalid.field('/to', `must be on or after from (${query.from})`);
    }
    const analysis = await analyse(ctx);
    const inScope = (invoiceId: string) => {
      const i = analysis.invoices.get(invoiceId);
      return (
        i !== undefined &&
        (query.supplierId === undefined || i.supplierId === query.supplierId) &&
        (query.from === undefined || i.invoiceDate >= query.from) &&
        (query.to === undefined || i.invoiceDate <= query.to)
      );
    };
    const supplierNames = new Map<string | null, string | null>([[null, null]]);
    for (const i of analysis.invoices.values()) supplierNames.set(i.supplierId, i.supplierName);

    const groups = new Map<string, Group>();
    for (const fact of analysis.facts) {
      if (!inScope(fact.invoiceId)) continue;
      const invoice = analysis.invoices.get(fact.invoiceId);
      const match = analysis.matches.get(fact.matchId);
      if (!invoice || !match) continue;
      const covered = fact.lineId === null ? undefined : analysis.lines.get(fact.lineId);
      const where: Where = covered
        ? {
            ...whereOfLine(covered),
            supplierId: invoice.supplierId,
            supplier: invoice.supplierName,
          }
        : {
            supplierId: invoice.supplierId,
            supplier: invoice.supplierName,
            tour: match.target.productName,
            tourId: match.target.productId,
            departureDate: match.target.date,
            departureId: match.target.kind === 'tourDeparture' ? match.target.id : null,
            booking: null,
            bookingId: null,
            line: match.target.label,
            lineId: null,
          };
      const key = keyOf(by, where);
      const group = groups.get(key) ?? {
        where,
        suppliers: new Set(),
        invoices: new Set(),
        expected: 0,
        actual: 0,
      };
      group.suppliers.add(invoice.supplierId);
      group.invoices.add(invoice.number);
      group.expected += fact.expected;
      group.actual += fact.actual;
      groups.set(key, group);
    }
    const rows: ReportRow[] = [];
    const sortKey = (g: Group) =>
      [g.where.supplier, g.where.tour, g.where.departureDate, g.where.booking, g.where.line]
        .map((x) => x ?? '')
        .join('|');
    const sorted = (list: Group[]) => list.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    const rowOf = (kind: string, g: Group): ReportRow => {
      const [only] = g.suppliers;
      return {
        row: kind,
        ...cells(by, g.where, g.suppliers, supplierNames.get(only ?? null) ?? g.where.supplier),
        invoice: [...g.invoices].sort().join(', ') || null,
        ...measures(analysis, g.expected, g.actual),
      };
    };
    for (const g of sorted([...groups.values()])) rows.push(rowOf('matched', g));

    // What each invoice in scope left unmatched.
    const unmatched = [...analysis.invoices.values()]
      .filter((i) => inScope(i.id) && (analysis.figures.get(i.id)?.unmatchedBase ?? 0) !== 0)
      .sort(
        (a, b) =>
          a.supplierName.localeCompare(b.supplierName) ||
          a.invoiceDate.localeCompare(b.invoiceDate),
      );
    for (const i of unmatched) {
      const amount = analysis.figures.get(i.id)?.unmatchedBase ?? 0;
      rows.push({
        row: 'unmatched',
        ...cells(by, emptyWhere, new Set([i.supplierId]), i.supplierName),
        invoice: i.number,
        ...measures(analysis, 0, amount),
      });
    }

    // Lines with a cost, of departures already travelled, that no invoice covers.
    const today = todayUtc();
    const covered = new Set(analysis.facts.map((f) => f.lineId));
    const last = query.to !== undefined && query.to < today ? query.to : today;
    const notInvoiced = (
      await costLines(ctx, analysis.baseCurrency, (qb) =>
        qb
          .where('l.supersededAt', 'is', null)
          .where('l.supplierStatus', 'not in', ['cancelled', 'refused'])
          .where('b.status', '<>', 'cancelled')
          .where('l.cost', '>', 0)
          .where('b.startDate', '<', last)
          .$if(query.from !== undefined, (q) => q.where('b.startDate', '>=', query.from ?? '')),
      )
    ).filter(
      (l) =>
        !covered.has(l.id) && (query.supplierId === undefined || l.supplierId === query.supplierId),
    );
    const missing = new Map<string, Group>();
    for (const l of notInvoiced) {
      const where = whereOfLine(l);
      const key = keyOf(by, where);
      const group = missing.get(key) ?? {
        where,
        suppliers: new Set(),
        invoices: new Set(),
        expected: 0,
        actual: 0,
      };
      group.suppliers.add(l.supplierId);
      supplierNames.set(l.supplierId, l.supplierName);
      group.expected += l.expected;
      missing.set(key, group);
    }
    for (const g of sorted([...missing.values()])) rows.push(rowOf('notInvoiced', g));

    const expected = rows.reduce((s, r) => s + Number(r.expectedCost), 0);
    const actual = rows.reduce((s, r) => s + Number(r.actualCost), 0);
    const total = varianceOf(expected, actual, analysis.tolerance);
    return {
      columns: columnsOf(by, analysis.baseCurrency),
      rows,
      totals: {
        expectedCost: expected,
        actualCost: actual,
        variance: total.variance,
        variancePct: total.variancePct,
      },
      currency: analysis.baseCurrency,
    };
  },
};

const emptyWhere: Where = {
  supplierId: null,
  supplier: null,
  tour: null,
  tourId: null,
  departureDate: null,
  departureId: null,
  booking: null,
  bookingId: null,
  line: null,
  lineId: null,
};
