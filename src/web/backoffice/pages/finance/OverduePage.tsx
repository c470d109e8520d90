// Bookings whose instalments fell due before today and are not covered by their payments,
// the longest overdue first: who to chase, for how much, and since when.
import { Anchor, Badge, Paper, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useOverdue } from './finance-queries.ts';
import type { OverdueBooking } from './finance-types.ts';

/** The longest overdue first; the earliest due date breaks ties, then the number. */
export function byLongestOverdue(a: OverdueBooking, b: OverdueBooking): number {
  return (
    b.daysOverdue - a.daysOverdue ||
    a.oldestDueDate.localeCompare(b.oldestDueDate) ||
    a.number.localeCompare(b.number)
  );
}

export function OverduePage() {
  const { t } = useTranslation();
  const overdue = useOverdue(true);
  const rows = useMemo(
    () => [...(overdue.data?.items ?? [])].sort(byLongestOverdue),
    [overdue.data],
  );

  return (
    <>
      <PageHeader title={t('finance.overdue.title')} description={t('finance.overdue.intro')} />
      {overdue.isPending ? <CenteredLoader /> : null}
      {overdue.isError ? <ProblemAlert error={overdue.error} /> : null}
      {overdue.isSuccess ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820}>
            <Table
              highlightOnHover
              verticalSpacing="sm"
              aria-label={t('finance.overdue.listLabel')}
              data-testid="overdue-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('finance.overdue.col.booking')}</Table.Th>
                  <Table.Th>{t('finance.overdue.col.customer')}</Table.Th>
                  <Table.Th>{t('finance.overdue.col.dueDate')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>
                    {t('finance.overdue.col.amountDue')}
                  </Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>
                    {t('finance.overdue.col.daysOverdue')}
                  </Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>
                    {t('finance.overdue.col.paidOfTotal')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <OverdueRow key={row.bookingId} row={row} />
                ))}
                {rows.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md" data-testid="overdue-empty">
                        {t('finance.overdue.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </>
  );
}

function OverdueRow({ row }: { row: OverdueBooking }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.Tr data-testid="overdue-row" data-number={row.number} data-id={row.bookingId}>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/bookings/${row.bookingId}`}
          fw={600}
          size="sm"
          ff="monospace"
          style={{ whiteSpace: 'nowrap' }}
          data-testid="overdue-booking"
        >
          {row.number}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t('finance.overdue.departs', { date: format.date(row.departure) })}
        </Text>
      </Table.Td>
      <Table.Td maw={260}>
        <Text size="sm" lineClamp={1}>
          {row.customer.name}
        </Text>
        {row.customer.email ? (
          <Anchor href={`mailto:${row.customer.email}`} size="xs" c="dimmed">
            {row.customer.email}
          </Anchor>
        ) : null}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="overdue-due-date">
        {format.date(row.oldestDueDate)}
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        <Text size="sm" fw={600} c="red" data-testid="overdue-amount">
          {format.money(row.amountOverdue, row.currency)}
        </Text>
      </Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>
        <Badge
          color={row.daysOverdue > 14 ? 'red' : 'orange'}
          variant="light"
          data-testid="overdue-days"
          data-days={row.daysOverdue}
        >
          {t('finance.overdue.days', { count: row.daysOverdue })}
        </Badge>
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        <Text size="sm" c="dimmed">
          {t('finance.overdue.paidOfTotal', {
            paid: format.money(row.paid, row.currency),
            total: format.money(row.total, row.currency),
          })}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
