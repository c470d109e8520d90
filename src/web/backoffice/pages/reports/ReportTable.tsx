// A report's rows beneath its chart: the columns the API sent (ids kept for links, not shown),
// each cell written by its column's type in the screen's language, and the totals last. The
// table scrolls inside its own frame, so a phone never scrolls the page sideways.
import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type CellFormat,
  isNumericColumn,
  type ReportColumn,
  type ReportResponse,
  type ReportRow,
  shownColumns,
  totalsCells,
} from './report-format.ts';

interface ReportTableProps {
  response: ReportResponse;
  format: CellFormat;
  label: string;
}

/** Names the API sends beside their ids that have a page of their own. */
const linked: Record<string, { id: string; path: (id: string) => string }> = {
  customer: { id: 'customerId', path: (id) => `/customers/${id}` },
};

export function ReportTable({ response, format, label }: ReportTableProps) {
  const { t } = useTranslation();
  const columns = shownColumns(response.columns);
  const hasTotals = Object.values(response.totals).some((value) => value !== null);
  const totals = totalsCells(columns, response.totals, format, t('reports.total'));

  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={Math.max(420, columns.length * 120)}>
        <Table
          striped
          highlightOnHover
          verticalSpacing="xs"
          aria-label={label}
          data-testid="report-table"
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th
                  key={column.key}
                  ta={isNumericColumn(column) ? 'right' : undefined}
                  data-key={column.key}
                >
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {response.rows.map((row, index) => (
              // Rows have no id of their own; their order is the report's.
              // biome-ignore lint/suspicious/noArrayIndexKey: a report's rows are replaced whole
              <Table.Tr key={index} data-testid="report-row">
                {columns.map((column) => (
                  <Table.Td key={column.key} {...cellStyle(column)}>
                    <CellText column={column} row={row} format={format} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {response.rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text c="dimmed" ta="center" py="md" data-testid="report-empty">
                    {t('reports.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
          {hasTotals && response.rows.length > 0 ? (
            <Table.Tfoot>
              <Table.Tr data-testid="report-totals" fw={700}>
                {columns.map((column, index) => (
                  <Table.Td key={column.key} {...cellStyle(column)}>
                    {totals[index]}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          ) : null}
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function cellStyle(column: ReportColumn) {
  if (isNumericColumn(column)) {
    return {
      ta: 'right' as const,
      style: { whiteSpace: 'nowrap' as const, fontVariantNumeric: 'tabular-nums' },
    };
  }
  // A date or a period ("14 Mar 2026", "Week 11, 2026") reads as one piece, never on two lines.
  return column.type === 'date' || column.key === 'period'
    ? { style: { whiteSpace: 'nowrap' as const } }
    : {};
}

function CellText({
  column,
  row,
  format,
}: {
  column: ReportColumn;
  row: ReportRow;
  format: CellFormat;
}) {
  const text = format.cell(column, row[column.key]);
  const link = linked[column.key];
  const id = link ? row[link.id] : null;
  if (link && typeof id === 'string') {
    return (
      <Anchor component={Link} to={link.path(id)} size="sm">
        {text}
      </Anchor>
    );
  }
  return <>{text}</>;
}
