// Every report of the Reports section, in the order the back office lists them. Each is a
// ReportDefinition (report-kit.ts): one prepared result served as JSON, CSV and XLSX.
import type { ReportDefinition } from '../report-kit.ts';
import { bookingCurveReport } from './booking-curve.ts';
import { occupancyReport } from './occupancy.ts';
import { payablesReport } from './payables.ts';
import { profitabilityReportDefinition } from './profitability.ts';
import { receivablesReportDefinition } from './receivables.ts';
import { salesReportDefinition } from './sales.ts';
import { supplierCostsReport } from './supplier-costs.ts';

// biome-ignore lint/suspicious/noExplicitAny: each report has its own query type
export const reports: ReportDefinition<any>[] = [
  salesReportDefinition,
  profitabilityReportDefinition,
  occupancyReport,
  bookingCurveReport,
  supplierCostsReport,
  receivablesReportDefinition,
  payablesReport,
];
