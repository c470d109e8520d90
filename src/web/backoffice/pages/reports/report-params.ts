// A report's filters as the address bar keeps them. The parameters carry the API's own names,
// so what the address holds is what is asked for: the JSON of the screen and the CSV and XLSX
// files get one query string. Every parameter is checked on the way in: a hand-edited link loses
// what it got wrong (and falls back to the default) instead of sending it on.
import { channels } from '../bookings/booking-types.ts';
import {
  chartOnlyParams,
  type ParamKey,
  type ReportName,
  type ReportSpec,
} from './report-catalog.ts';

export type ReportValues = Partial<Record<ParamKey, string>>;

export const periods = ['day', 'week', 'month', 'quarter', 'year', 'none'] as const;
export const dateBases = ['booking', 'departure'] as const;
export const salesDimensions = [
  'product',
  'productKind',
  'destination',
  'channel',
  'online',
  'soldBy',
  'customer',
] as const;
export type SalesDimension = (typeof salesDimensions)[number];
export const profitabilityDimensions = [
  'tour',
  'departure',
  'destination',
  'customer',
  'supplier',
] as const;
export const supplierCostDimensions = ['supplier', 'tour', 'departure', 'line'] as const;
export const payablesDimensions = ['supplier', 'invoice'] as const;
export const productKinds = ['tour', 'transport', 'attraction', 'extra_service'] as const;
export const occupancyKinds = ['departures', 'hotels', 'pools'] as const;
export const measures = ['revenue', 'bookings', 'pax'] as const;
export const occupancyViews = ['load', 'stack'] as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar date (no 30 February), as the API's date format wants it. */
export function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const oneOf =
  (list: readonly string[]) =>
  (value: string): boolean =>
    list.includes(value);
const isUuid = (value: string) => uuidPattern.test(value);

/** The grouping a report's `by` takes: a comma list for sales, one value elsewhere. */
export function byChoices(name: ReportName): readonly string[] {
  if (name === 'profitability') return profitabilityDimensions;
  if (name === 'supplier-costs') return supplierCostDimensions;
  if (name === 'payables') return payablesDimensions;
  return salesDimensions;
}

function validator(name: ReportName, key: ParamKey): (value: string) => boolean {
  switch (key) {
    case 'from':
    case 'to':
    case 'asOf':
      return isCalendarDate;
    case 'dateBasis':
      return oneOf(dateBases);
    case 'period':
      return oneOf(periods);
    case 'by':
      if (name === 'sales') {
        // An empty list is a choice too (no dimension): the address keeps it as `by=`.
        return (value) =>
          value === '' || value.split(',').every((part) => oneOf(salesDimensions)(part));
      }
      return oneOf(byChoices(name));
    case 'productKind':
      return oneOf(productKinds);
    case 'country':
      return (value) => /^[A-Z]{2}$/.test(value);
    case 'currency':
      return (value) => /^[A-Z]{3}$/.test(value);
    case 'channel':
      return oneOf(channels);
    case 'online':
      return oneOf(['true', 'false']);
    case 'kind':
      return oneOf(occupancyKinds);
    case 'compare':
      return oneOf(['lastYear']);
    case 'measure':
      return oneOf(measures);
    case 'view':
      return oneOf(occupancyViews);
    case 'productId':
    case 'soldBy':
    case 'customerId':
    case 'tourId':
    case 'departureId':
    case 'compareDepartureId':
    case 'supplierId':
      return isUuid;
    default:
      return key satisfies never;
  }
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** What a report shows before anything is chosen; `today` is YYYY-MM-DD. */
export function defaultValues(name: ReportName, today: string): ReportValues {
  const year = today.slice(0, 4);
  const thisYear = { from: `${year}-01-01`, to: `${year}-12-31` };
  switch (name) {
    case 'sales':
      // The API's own default period (this calendar year), written out so a link stays exact.
      return {
        ...thisYear,
        dateBasis: 'booking',
        period: 'month',
        by: 'channel',
        measure: 'revenue',
      };
    case 'profitability':
      return { ...thisYear, dateBasis: 'booking', by: 'tour' };
    case 'occupancy':
      return { kind: 'departures', from: today, to: addDays(today, 90), view: 'load' };
    case 'booking-curve':
      return {};
    case 'supplier-costs':
      return { ...thisYear, by: 'supplier' };
    case 'receivables':
      return { asOf: today };
    case 'payables':
      return { asOf: today, by: 'supplier' };
    default:
      return name satisfies never;
  }
}

/** The report's values from an address: checked, the rest from its defaults. */
export function parseReportValues(
  spec: ReportSpec,
  params: URLSearchParams,
  today: string,
): ReportValues {
  const defaults = defaultValues(spec.name, today);
  const values: ReportValues = {};
  for (const key of spec.params) {
    const given = params.get(key);
    const value =
      given !== null && validator(spec.name, key)(given.trim()) ? given.trim() : defaults[key];
    if (value !== undefined) values[key] = value;
  }
  // A range given backwards is the same range.
  if (values.from && values.to && values.from > values.to) {
    [values.from, values.to] = [values.to, values.from];
  }
  // Comparing with last year and with a departure at once: the departure, the narrower ask.
  if (values.compare && values.compareDepartureId) delete values.compare;
  return values;
}

/** The values as the address bar writes them: every one explicit, so a shared link is exact. */
export function reportSearchParams(spec: ReportSpec, values: ReportValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of spec.params) {
    const value = values[key];
    // `by=` (sales grouped by nothing) is written: without it the default grouping returns.
    if (value !== undefined && (value !== '' || key === 'by')) params.set(key, value);
  }
  return params;
}

/** The query the API gets, for the JSON and for the files alike: no chart-only choices. */
export function reportApiParams(
  spec: ReportSpec,
  values: ReportValues,
  language: string,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of spec.params) {
    const value = values[key];
    if (value && !chartOnlyParams.includes(key)) params.set(key, value);
  }
  params.set('lang', language);
  return params;
}

/** Whether the report can be asked yet: the booking curve needs a tour or a departure. */
export function isReady(spec: ReportSpec, values: ReportValues): boolean {
  if (spec.name === 'booking-curve') return Boolean(values.tourId || values.departureId);
  return true;
}

/**
 * The values after a change in the form: what hangs on a changed choice goes with it (a tour's
 * departures with the tour, a product with its kind or the occupancy's kind).
 */
export function changedValues(values: ReportValues, change: ReportValues): ReportValues {
  const next: ReportValues = { ...values, ...change };
  if ('tourId' in change && change.tourId !== values.tourId) {
    delete next.departureId;
    delete next.compareDepartureId;
  }
  if (
    ('productKind' in change && change.productKind !== values.productKind) ||
    ('kind' in change && change.kind !== values.kind)
  ) {
    if (!('productId' in change)) delete next.productId;
  }
  if ('compare' in change && change.compare) delete next.compareDepartureId;
  if ('compareDepartureId' in change && change.compareDepartureId) delete next.compare;
  for (const key of Object.keys(next) as ParamKey[]) {
    if (next[key] === undefined || (next[key] === '' && key !== 'by')) delete next[key];
  }
  return next;
}

/** The narrowing filters set (not the period, grouping or chart): the phone's filter badge. */
export function activeFilterCount(spec: ReportSpec, values: ReportValues): number {
  const narrowing: readonly ParamKey[] = [
    'productKind',
    'productId',
    'country',
    'channel',
    'online',
    'soldBy',
    'customerId',
    'currency',
    'supplierId',
  ];
  return narrowing.filter((key) => spec.params.includes(key) && values[key]).length;
}

/** The sales dimensions of a `by` value, in order. */
export function dimensionsOf(by: string | undefined): SalesDimension[] {
  if (!by) return [];
  return by.split(',').filter((part): part is SalesDimension => oneOf(salesDimensions)(part));
}
