// The reports of the Reports section, in the order the index lists them: each one's address
// (the same name as its API path, /api/v1/reports/{name}), the filters its form shows and the
// chart drawn above its table. Which roles see which report is decided here once, for the
// index, the page and the dashboard's links alike.
import type { Role } from '../../../shared/identity.ts';

export const reportNames = [
  'sales',
  'profitability',
  'occupancy',
  'booking-curve',
  'supplier-costs',
  'receivables',
  'payables',
] as const;

export type ReportName = (typeof reportNames)[number];

/**
 * The query parameters a report's form can set: the API's own names (the address bar holds
 * exactly what is sent), plus `measure` and `view`, which only choose what the chart draws.
 */
export type ParamKey =
  | 'from'
  | 'to'
  | 'asOf'
  | 'dateBasis'
  | 'period'
  | 'by'
  | 'productKind'
  | 'productId'
  | 'country'
  | 'channel'
  | 'online'
  | 'soldBy'
  | 'customerId'
  | 'currency'
  | 'kind'
  | 'tourId'
  | 'departureId'
  | 'compare'
  | 'compareDepartureId'
  | 'supplierId'
  | 'measure'
  | 'view';

/** Parameters that shape the chart only: never sent to the API, so the files stay the same. */
export const chartOnlyParams: readonly ParamKey[] = ['measure', 'view'];

export type ChartKind =
  | 'salesStack'
  | 'profitBars'
  | 'occupancy'
  | 'curve'
  | 'expectedActual'
  | 'aging';

export interface ReportSpec {
  name: ReportName;
  /** Cost, margin or supplier figures throughout: admin and accountant only. */
  cost: boolean;
  params: readonly ParamKey[];
  chart: ChartKind;
}

/** The ledger reports' filters (sales, profitability): one list, as the API shares it. */
const ledgerFilters: readonly ParamKey[] = [
  'productKind',
  'productId',
  'country',
  'channel',
  'online',
  'soldBy',
  'customerId',
  'currency',
];

export const reportSpecs: readonly ReportSpec[] = [
  {
    name: 'sales',
    cost: false,
    params: ['from', 'to', 'dateBasis', 'period', 'by', ...ledgerFilters, 'measure'],
    chart: 'salesStack',
  },
  {
    name: 'profitability',
    cost: true,
    params: ['from', 'to', 'dateBasis', 'by', ...ledgerFilters],
    chart: 'profitBars',
  },
  {
    name: 'occupancy',
    cost: false,
    params: ['kind', 'from', 'to', 'productId', 'view'],
    chart: 'occupancy',
  },
  {
    name: 'booking-curve',
    cost: false,
    params: ['tourId', 'departureId', 'from', 'to', 'compare', 'compareDepartureId'],
    chart: 'curve',
  },
  {
    name: 'supplier-costs',
    cost: true,
    params: ['from', 'to', 'supplierId', 'by'],
    chart: 'expectedActual',
  },
  { name: 'receivables', cost: false, params: ['asOf'], chart: 'aging' },
  { name: 'payables', cost: true, params: ['asOf', 'supplierId', 'by'], chart: 'aging' },
];

/**
 * Roles that see cost and margin (the server's `costRoles` in reporting/report-kit.ts): the
 * reports made of them are not offered to anyone else, who would get the columns dropped.
 */
export const costRoles: readonly Role[] = ['admin', 'accountant'];

export function seesCost(role: Role): boolean {
  return costRoles.includes(role);
}

export function specOf(name: string | undefined): ReportSpec | undefined {
  return reportSpecs.find((spec) => spec.name === name);
}

/** The reports a role may open, in the index's order. */
export function reportsFor(role: Role): ReportSpec[] {
  return reportSpecs.filter((spec) => !spec.cost || seesCost(role));
}

export function mayOpenReport(role: Role, name: ReportName): boolean {
  return reportsFor(role).some((spec) => spec.name === name);
}
