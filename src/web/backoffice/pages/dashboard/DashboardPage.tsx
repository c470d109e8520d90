// The first page after signing in: today's trips, what waits for staff, low stock and the
// bookings of the last 30 days by channel. Each card links to the bookings list filtered the
// same way, and each booking to its page.
import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconBuildingStore,
  IconCash,
  IconChecklist,
  IconPlaneArrival,
  IconPlaneDeparture,
  IconPlus,
  IconUserCheck,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalendarFormat } from '../../../shared/i18n/calendar-date.ts';
import { useFormat } from '../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { addDays } from '../catalog/shared/fields.ts';
import type { ReportName } from '../reports/report-catalog.ts';
import { occupancyKindOf, reportLink } from '../reports/report-links.ts';
import { BookingsPerDayChart } from './BookingsPerDayChart.tsx';
import { type BookingBrief, type Dashboard, isChannel, useDashboard } from './dashboard-queries.ts';

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const dashboard = useDashboard();
  const dates = useCalendarFormat();

  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: me.name })}
        description={
          dashboard.data
            ? `${me.agency.name} · ${t('overview.today', { date: dates.full(dashboard.data.today) })}`
            : me.agency.name
        }
        actions={
          <Button
            component={Link}
            to="/bookings/new"
            leftSection={<IconPlus size={18} stroke={1.5} />}
            data-testid="dashboard-new-booking"
          >
            {t('overview.newBooking')}
          </Button>
        }
      />
      {dashboard.isPending ? (
        <CenteredLoader />
      ) : dashboard.isError ? (
        <ProblemAlert
          error={dashboard.error}
          title={t('overview.loadFailed')}
          testId="dashboard-error"
        />
      ) : (
        <DashboardBlocks data={dashboard.data} />
      )}
    </>
  );
}

function DashboardBlocks({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const dates = useCalendarFormat();
  const format = useFormat();
  const today = data.today;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card
          title={t('overview.departures')}
          hint={t('overview.departuresHint')}
          icon={<IconPlaneDeparture size={20} stroke={1.5} />}
          count={data.departures.count}
          link={`/bookings?from=${today}&to=${today}&sort=number`}
          report={{
            name: 'occupancy',
            to: reportLink('occupancy', { kind: 'departures', from: today, to: today }),
          }}
          testId="dashboard-departures"
          empty={t('overview.noTrips')}
        >
          {data.departures.items.map((booking) => (
            <BookingLine
              key={booking.id}
              booking={booking}
              detail={t('overview.travellers', { count: booking.travellers })}
            />
          ))}
        </Card>
        <Card
          title={t('overview.returns')}
          hint={t('overview.returnsHint')}
          icon={<IconPlaneArrival size={20} stroke={1.5} />}
          count={data.returns.count}
          testId="dashboard-returns"
          empty={t('overview.noTrips')}
        >
          {data.returns.items.map((booking) => (
            <BookingLine
              key={booking.id}
              booking={booking}
              detail={t('overview.travellers', { count: booking.travellers })}
            />
          ))}
        </Card>
      </SimpleGrid>

      <Title order={3} size="h4">
        {t('overview.waiting')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Card
          title={t('overview.onRequest')}
          hint={t('overview.onRequestHint')}
          icon={<IconBuildingStore size={20} stroke={1.5} />}
          count={data.onRequest.count}
          testId="dashboard-on-request"
          tone="orange"
        >
          {data.onRequest.items.map((booking) => (
            <BookingLine
              key={booking.id}
              booking={booking}
              compact
              detail={t('overview.linesWaiting', { count: booking.lines })}
            />
          ))}
        </Card>
        <Card
          title={t('overview.approvals')}
          hint={t('overview.approvalsHint')}
          icon={<IconUserCheck size={20} stroke={1.5} />}
          count={data.approvals.count}
          link="/bookings?approval=pending"
          testId="dashboard-approvals"
          tone="violet"
        >
          {data.approvals.items.map((booking) => (
            <BookingLine
              key={booking.id}
              booking={booking}
              compact
              detail={dates.medium(booking.from)}
            />
          ))}
        </Card>
        <Card
          title={t('overview.actionsDue')}
          hint={t('overview.actionsDueHint', { days: data.actionsDue.withinDays })}
          icon={<IconChecklist size={20} stroke={1.5} />}
          count={data.actionsDue.count}
          link="/bookings?actionDone=false"
          testId="dashboard-actions"
          tone="blue"
        >
          {data.actionsDue.items.map((booking) => (
            <BookingLine
              key={booking.id}
              booking={booking}
              compact
              detail={t('overview.dueOn', { date: dates.medium(booking.dueDate) })}
              late={booking.dueDate < today}
            />
          ))}
        </Card>
        <Card
          title={t('overview.overdue')}
          hint={t('overview.overdueHint')}
          icon={<IconCash size={20} stroke={1.5} />}
          count={data.overdue.count}
          report={{ name: 'receivables', to: reportLink('receivables', { asOf: today }) }}
          testId="dashboard-overdue"
          tone="red"
        >
          {data.overdue.items.map((item) => (
            <Stack key={item.id} gap={0} data-testid="dashboard-overdue-item">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor
                  component={Link}
                  to={`/bookings/${item.id}`}
                  fw={500}
                  size="sm"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {item.number}
                </Anchor>
                <Text size="sm" fw={600} c="red.7">
                  {format.money(item.amountOverdue, item.currency)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" truncate>
                {item.customer} ·{' '}
                {t('overview.overdueSince', { date: dates.medium(item.oldestDueDate) })}
              </Text>
            </Stack>
          ))}
        </Card>
      </SimpleGrid>

      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="md" radius="md" h="100%">
            <BookingsPerDayChart
              perDay={data.bookingsPerDay}
              report={reportLink('sales', {
                from: data.bookingsPerDay.days[0] ?? today,
                to: data.bookingsPerDay.days.at(-1) ?? today,
                dateBasis: 'booking',
                period: 'day',
                by: 'channel',
                measure: 'bookings',
              })}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card
            title={t('overview.lowStock')}
            hint={t('overview.lowStockHint', { days: data.lowStock.days })}
            icon={<IconAlertTriangle size={20} stroke={1.5} />}
            count={data.lowStock.count}
            report={{
              name: 'occupancy',
              to: reportLink('occupancy', {
                kind: occupancyKindOf(data.lowStock.items[0]?.kind),
                from: today,
                to: addDays(today, data.lowStock.days),
              }),
            }}
            testId="dashboard-low-stock"
            tone="yellow"
            empty={t('overview.noLowStock')}
          >
            {data.lowStock.items.map((item) => (
              <Stack key={`${item.kind}-${item.id}`} gap={0} data-testid="dashboard-low-stock-item">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={500} truncate>
                    {item.label}
                  </Text>
                  <Badge color={item.available === 0 ? 'red' : 'yellow'} variant="light">
                    {t('overview.free', {
                      available: format.number(item.available),
                      capacity: format.number(item.capacity),
                    })}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`overview.resourceKinds.${item.kind}`)}
                  {item.date
                    ? ` · ${t('overview.fromDate', { date: dates.medium(item.date) })}`
                    : ''}
                  {' · '}
                  {t('overview.threshold', { threshold: format.number(item.threshold) })}
                </Text>
              </Stack>
            ))}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

interface CardProps {
  title: string;
  hint: string;
  icon: ReactNode;
  count: number;
  /** The bookings list filtered to what the card counts, when the list can filter so. */
  link?: string;
  /** The report behind the card (its figures over time): its address and name. */
  report?: { to: string; name: ReportName };
  testId: string;
  tone?: string;
  empty?: string;
  children: ReactNode;
}

function Card({
  title,
  hint,
  icon,
  count,
  link,
  report,
  testId,
  tone = 'indigo',
  empty,
  children,
}: CardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <ThemeIcon variant="light" color={count > 0 ? tone : 'gray'} size="lg" radius="md">
              {icon}
            </ThemeIcon>
            <Stack gap={0} miw={0}>
              <Text fw={600}>{title}</Text>
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
            </Stack>
          </Group>
          <Text
            fz={28}
            fw={700}
            lh={1}
            c={count > 0 ? `${tone}.7` : 'dimmed'}
            data-testid={`${testId}-count`}
          >
            {format.number(count)}
          </Text>
        </Group>
        {count === 0 ? (
          <Text size="sm" c="dimmed">
            {empty ?? t('overview.nothingWaiting')}
          </Text>
        ) : (
          <Stack gap="xs">{children}</Stack>
        )}
        {(link && count > 0) || report ? (
          <Group gap="md">
            {link && count > 0 ? (
              <Anchor component={Link} to={link} size="sm" data-testid={`${testId}-link`}>
                {t('overview.showAll')} →
              </Anchor>
            ) : null}
            {report ? (
              <Anchor component={Link} to={report.to} size="sm" data-testid={`${testId}-report`}>
                {t('reports.dashboardLink', { name: t(`reports.names.${report.name}`) })} →
              </Anchor>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function BookingLine({
  booking,
  detail,
  compact = false,
  late = false,
}: {
  booking: BookingBrief;
  detail: string;
  compact?: boolean;
  late?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} data-testid="dashboard-booking">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Anchor
            component={Link}
            to={`/bookings/${booking.id}`}
            fw={500}
            size="sm"
            style={{ whiteSpace: 'nowrap' }}
          >
            {booking.number}
          </Anchor>
          <Text size="sm" truncate>
            {booking.customer}
          </Text>
        </Group>
        {compact ? null : (
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {isChannel(booking.channel)
              ? t(`overview.channels.${booking.channel}`)
              : booking.channel}
          </Badge>
        )}
      </Group>
      <Text size="xs" c={late ? 'red.7' : 'dimmed'} truncate>
        {booking.productName} · {detail}
      </Text>
    </Stack>
  );
}
