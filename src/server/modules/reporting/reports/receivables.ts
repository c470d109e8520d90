// Receivables (A5): what customers owe on `asOf`, per customer, by how long it has been due.
// Each booking's payment plan (its instalments, or once cancelled its fee) is covered by the
// payments received by then in the plan's order, as payments/plan.ts decides which instalment
// is paid: an instalment owes what the net payments leave of it. What is owed is put into the
// agency's base currency at the booking's rate, the one the sales ledger records with it, and
// bucketed by days past its due date: not yet due (current), 1–30, 31–60, 61–90, over 90.
import { sql } from 'kysely';
import { Type } from 'typebox';
import { type CalendarDate, isCalendarDate, todayUtc } from '../../../calendar.ts';
import type { Ctx } from '../../../context.ts';
import { Invalid } from '../../../errors.ts';
import { displayNameOf } from '../../customers/customer-rules.ts';
import { staffRoles } from '../../identity/roles.ts';
import type { ReportDefinition, ReportRow } from '../report-kit.ts';
import { baseCurrencyOf, column, labelled } from './ledger-columns.ts';

export const agingBuckets = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;

const bucketLabels = {
  current: ['Not yet due', 'Do splatnosti', 'Przed terminem', 'Vadesi gelmemiş', '未到期'],
  days1to30: ['1–30 days', '1–30 dní', '1–30 dni', '1–30 gün', '1–30 天'],
  days31to60: ['31–60 days', '31–60 dní', '31–60 dni', '31–60 gün', '31–60 天'],
  days61to90: ['61–90 days', '61–90 dní', '61–90 dni', '61–90 gün', '61–90 天'],
  over90: ['Over 90 days', 'Přes 90 dní', 'Ponad 90 dni', '90 günden fazla', '90 天以上'],
} as const;

const totalLabel = [
  'Total owed',
  'Dluží celkem',
  'Należność razem',
  'Toplam borç',
  '欠款合计',
] as const;

export const ReceivablesQuery = Type.Object({
  asOf: Type.Optional(
    Type.String({
      format: 'date',
      description: 'The day owed amounts are aged on (default: today)',
    }),
  ),
});

/** The days past due of each bucket, as SQL over `days` (asOf − due date). */
const bucketSql = {
  current: sql`days <= 0`,
  days1to30: sql`days between 1 and 30`,
  days31to60: sql`days between 31 and 60`,
  days61to90: sql`days between 61 and 90`,
  over90: sql`days > 90`,
} as const;

export async function receivablesReport(ctx: Ctx, query: { asOf?: string }, now = new Date()) {
  const asOf: CalendarDate = query.asOf ?? todayUtc(now);
  if (!isCalendarDate(asOf)) throw Invalid.field('/asOf', 'must be a date YYYY-MM-DD');
  const currency = await baseCurrencyOf(ctx);
  const day = sql`cast(${asOf} as date)`;
  const result = await sql<Record<string, unknown>>`
    with paid as (
      select p.booking_id,
        sum(case when p.kind = 'payment' then p.amount else -p.amount end) as net
      from payments p
      where p.agency_id = ${ctx.agencyId} and p.status = 'succeeded'
        and cast(coalesce(p.received_at, p.created_at) at time zone 'UTC' as date) <= ${day}
      group by p.booking_id
    ),
    owed as (
      select b.customer_id, i.due_date,
        greatest(0, least(i.amount,
          sum(i.amount) over (partition by i.booking_id order by i.position)
            - coalesce(paid.net, 0))) as amount,
        (select sl.rate from sales_ledger sl
          where sl.agency_id = b.agency_id and sl.booking_id = b.id
          order by sl.at limit 1) as rate
      from payment_plan_instalments i
      join bookings b on b.agency_id = i.agency_id and b.id = i.booking_id
      left join paid on paid.booking_id = i.booking_id
      where i.agency_id = ${ctx.agencyId}
        and cast(b.created_at at time zone 'UTC' as date) <= ${day}
    ),
    aged as (
      select customer_id, ${day} - due_date as days, round(amount * rate) as base
      from owed
      where amount > 0 and rate is not null
    )
    select aged.customer_id as "customerId", c.kind as "customerKind",
      c.first_name as "customerFirstName", c.last_name as "customerLastName",
      c.company_name as "customerCompanyName",
      ${sql.join(
        agingBuckets.map(
          (bucket) =>
            sql`coalesce(sum(case when ${bucketSql[bucket]} then base end), 0) as ${sql.ref(bucket)}`,
        ),
      )},
      sum(base) as total
    from aged
    join customers c on c.agency_id = ${ctx.agencyId} and c.id = aged.customer_id
    group by aged.customer_id, c.kind, c.first_name, c.last_name, c.company_name
    order by case when c.kind = 'company' then c.company_name
      else concat_ws(' ', c.first_name, c.last_name) end, aged.customer_id
  `.execute(ctx.db);

  const rows: ReportRow[] = result.rows.map((row) => {
    const cells: ReportRow = {
      customer: displayNameOf({
        kind: row.customerKind as 'person' | 'company',
        firstName: (row.customerFirstName as string | null) ?? null,
        lastName: (row.customerLastName as string | null) ?? null,
        companyName: (row.customerCompanyName as string | null) ?? null,
      }),
      customerId: String(row.customerId),
    };
    for (const bucket of agingBuckets) cells[bucket] = Number(row[bucket] ?? 0);
    cells.total = Number(row.total ?? 0);
    return cells;
  });
  const totals: ReportRow = {};
  for (const key of [...agingBuckets, 'total'] as const) {
    totals[key] = rows.reduce((sum, row) => sum + Number(row[key]), 0);
  }
  return {
    columns: [
      labelled('customer', 'text'),
      labelled('customerId', 'text'),
      ...agingBuckets.map((bucket) => column(bucket, 'money', bucketLabels[bucket], { currency })),
      column('total', 'money', totalLabel, { currency }),
    ],
    rows,
    totals,
    currency,
  };
}

export const receivablesReportDefinition: ReportDefinition<typeof ReceivablesQuery> = {
  name: 'receivables',
  summary:
    'What customers owe on a day, per customer, by days past due (in the base currency, at each booking’s recorded rate)',
  access: staffRoles,
  query: ReceivablesQuery,
  prepare: (ctx, query) => receivablesReport(ctx, query),
};
