// A report from the API (GET /api/v1/reports/{name}?…): the query string is the one the
// address bar holds (chart-only choices left out), so the files downloaded beside it
// (…/{name}.csv, …/{name}.xlsx) are asked with exactly the same one.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../../shared/api.ts';
import { fallbackLanguage } from '../../../shared/i18n/languages.ts';
import type { ReportName } from './report-catalog.ts';
import { type CellFormat, createCellFormat, type ReportResponse } from './report-format.ts';

export const reportKeys = {
  all: ['reports'] as const,
  report: (name: ReportName, query: string) => ['reports', name, query] as const,
};

export function reportPath(name: ReportName, query: string, extension = ''): string {
  return `/api/v1/reports/${name}${extension}?${query}`;
}

export function useReport(name: ReportName, query: string, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.report(name, query),
    queryFn: () => apiFetch<ReportResponse>(reportPath(name, query)),
    enabled,
    // A changed filter keeps the rows on screen until the new ones come (no flash of a
    // loader), but only within one report: another report's columns are not this one's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === name ? previous : undefined,
  });
}

/** The cell formatter of the screen's language, amounts in the report's currency. */
export function useCellFormat(currency: string | null): CellFormat {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? fallbackLanguage;
  return useMemo(() => {
    const countries = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    return createCellFormat(locale, currency, {
      yes: t('reports.yes'),
      no: t('reports.no'),
      week: (year, week) => t('reports.week', { year, week }),
      quarter: (year, quarter) => t('reports.quarter', { year, quarter }),
      code: (key, value) => {
        if (key === 'channel' && i18n.exists(`overview.channels.${value}`)) {
          return t(`overview.channels.${value}` as 'overview.channels.web');
        }
        if (key === 'productKind' && i18n.exists(`reports.productKinds.${value}`)) {
          return t(`reports.productKinds.${value}` as 'reports.productKinds.tour');
        }
        if (key === 'country' && /^[A-Z]{2}$/.test(value)) return countries.of(value);
        if (key === 'online' && (value === 'true' || value === 'false')) {
          return t(`reports.online.${value}`);
        }
        return undefined;
      },
    });
  }, [locale, currency, t, i18n]);
}
