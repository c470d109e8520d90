// Every report of the Reports section, in the order the back office lists them. Each is a
// ReportDefinition (report-kit.ts): one prepared result served as JSON, CSV and XLSX.
import type { ReportDefinition } from '../report-kit.ts';
import { payablesReport } from './payables.ts';
import { supplierCostsReport } from './supplier-costs.ts';

// biome-ignore lint/suspicious/noExplicitAny: each report has its own query type
export const reports: ReportDefinition<any>[] = [supplierCostsReport, payablesReport];
