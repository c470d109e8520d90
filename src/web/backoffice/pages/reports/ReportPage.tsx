// One report: its filters (in the address bar, so a reload or a shared link shows the same),
// the chart, the table beneath and the files of exactly what is shown. Loaded on its own
// (routes.tsx), so ECharts reaches the browser only with a page that draws a chart.
import { Button, Group, Loader, Paper, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { fallbackLanguage } from '../../../shared/i18n/languages.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { useFileDownload } from '../bookings/download.ts';
import { BackLink } from '../catalog/shared/BackLink.tsx';
import { todayIso } from '../catalog/shared/fields.ts';
import { ForbiddenPage } from '../ForbiddenPage.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { ReportChart } from './ReportChart.tsx';
import { ReportFilters } from './ReportFilters.tsx';
import { ReportTable } from './ReportTable.tsx';
import { mayOpenReport, type ReportSpec, specOf } from './report-catalog.ts';
import {
  changedValues,
  isReady,
  parseReportValues,
  type ReportValues,
  reportApiParams,
  reportSearchParams,
} from './report-params.ts';
import { reportPath, useCellFormat, useReport } from './report-queries.ts';

export function ReportPage() {
  const { name } = useParams();
  const me = useSignedInUser();
  const spec = specOf(name);
  if (!spec) return <NotFoundPage />;
  if (!mayOpenReport(me.role, spec.name)) return <ForbiddenPage />;
  // A fresh view per report: nothing of one report's state leaks into the next.
  return <ReportView key={spec.name} spec={spec} />;
}

function ReportView({ spec }: { spec: ReportSpec }) {
  const { t, i18n } = useTranslation();
  const today = todayIso();
  const [searchParams, setSearchParams] = useSearchParams();
  const values = useMemo(
    () => parseReportValues(spec, searchParams, today),
    [spec, searchParams, today],
  );
  const language = i18n.resolvedLanguage ?? fallbackLanguage;
  const query = reportApiParams(spec, values, language).toString();
  const ready = isReady(spec, values);
  const report = useReport(spec.name, query, ready);
  const format = useCellFormat(report.data?.currency ?? null);
  const { downloading, download } = useFileDownload(t('reports.exportFailed'));
  const name = t(`reports.names.${spec.name}`);

  // The address bar, not this render's copy of it, is the state: two quick changes (the
  // router renders in a transition) must not undo each other.
  const update = (change: ReportValues) => {
    const current = parseReportValues(spec, new URLSearchParams(window.location.search), today);
    setSearchParams(reportSearchParams(spec, changedValues(current, change)), { replace: true });
  };

  const fileOf = (extension: '.csv' | '.xlsx') => reportPath(spec.name, query, extension);
  const exportButton = (extension: '.csv' | '.xlsx') => (
    <Button
      variant="default"
      leftSection={
        extension === '.csv' ? (
          <IconFileTypeCsv size={16} stroke={1.5} />
        ) : (
          <IconFileSpreadsheet size={16} stroke={1.5} />
        )
      }
      disabled={!ready}
      loading={downloading === fileOf(extension)}
      onClick={() => void download(fileOf(extension), `${spec.name}-${today}${extension}`)}
      title={t('reports.exportHint')}
      data-testid={extension === '.csv' ? 'export-csv' : 'export-xlsx'}
    >
      {extension === '.csv' ? t('reports.exportCsv') : t('reports.exportXlsx')}
    </Button>
  );

  return (
    <>
      <BackLink to="/reports" label={t('reports.allReports')} />
      <PageHeader
        title={name}
        description={t(`reports.about.${spec.name}`)}
        actions={
          <>
            {exportButton('.csv')}
            {exportButton('.xlsx')}
          </>
        }
      />
      <ReportFilters spec={spec} values={values} onChange={update} />
      {!ready ? (
        <Paper withBorder radius="md" p="lg">
          <Text c="dimmed" ta="center" data-testid="report-pick">
            {t('reports.pickTour')}
          </Text>
        </Paper>
      ) : report.isPending ? (
        <CenteredLoader />
      ) : report.isError && !report.data ? (
        <ProblemAlert error={report.error} title={t('reports.loadFailed')} testId="report-error" />
      ) : (
        <>
          {report.isError ? (
            <ProblemAlert
              error={report.error}
              title={t('reports.loadFailed')}
              testId="report-error"
            />
          ) : null}
          <ReportChart
            spec={spec}
            response={report.data}
            values={values}
            format={format}
            onChange={update}
          />
          <Group gap="sm" mb="xs">
            <Text size="sm" c="dimmed" data-testid="report-count">
              {t('reports.rows', { count: report.data.rows.length })}
            </Text>
            {report.isFetching ? <Loader size="xs" data-testid="report-fetching" /> : null}
          </Group>
          <ReportTable
            response={report.data}
            format={format}
            label={t('reports.tableLabel', { name })}
          />
        </>
      )}
    </>
  );
}
