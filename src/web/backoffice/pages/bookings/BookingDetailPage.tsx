// One booking as staff work it: what was booked and for whom, the price (with costs and
// margin for staff), money, required actions, approval, documents and history, with the
// next steps the state machine allows as buttons. A partner sees its own offers' bookings.
import { Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api.ts';
import { useFormat } from '../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { ActionsBadge, ApprovalBadge, ChannelBadge, StatusBadge } from './badges.tsx';
import { useBooking } from './bookings-queries.ts';
import { ActionsCard } from './detail/ActionsCard.tsx';
import { ApprovalCard } from './detail/ApprovalCard.tsx';
import { CustomerCard } from './detail/CustomerCard.tsx';
import { DocumentsCard } from './detail/DocumentsCard.tsx';
import { HistoryCard } from './detail/HistoryCard.tsx';
import { LinesCard } from './detail/LinesCard.tsx';
import { PaymentsCard } from './detail/PaymentsCard.tsx';
import { SeatsCard } from './detail/SeatsCard.tsx';
import { NoTransitions, TransitionBar } from './detail/TransitionBar.tsx';
import { TravellersCard } from './detail/TravellersCard.tsx';
import { TripCard } from './detail/TripCard.tsx';
import { permissionsOf } from './permissions.ts';

export function BookingDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useSignedInUser();
  const can = permissionsOf(me.role);
  const booking = useBooking(id);
  // Back to the list as it was left (its filters ride along in the navigation state).
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch;
  const backTo = listSearch ? `/bookings?${listSearch}` : '/bookings';

  const back = (
    <Anchor component={Link} to={backTo} size="sm" data-testid="back-to-list">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('bookings.detail.back')}
      </Group>
    </Anchor>
  );

  if (booking.isPending) return <CenteredLoader />;
  if (booking.isError) {
    const missing = booking.error instanceof ApiError && booking.error.status === 404;
    return (
      <Stack>
        {back}
        {missing ? (
          <Text c="dimmed" data-testid="booking-not-found">
            {t('bookings.detail.notFound')}
          </Text>
        ) : (
          <ProblemAlert error={booking.error} />
        )}
      </Stack>
    );
  }
  const view = booking.data;
  const openActions = view.requiredActions.filter((a) => a.done === null).length;

  return (
    <Stack gap="md">
      <DetailHeader number={view.number} />
      {back}
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2} ff="monospace" data-testid="booking-number">
              {view.number}
            </Title>
            <StatusBadge status={view.status} size="lg" />
          </Group>
          <Group gap={6}>
            <ChannelBadge channel={view.channel} online={view.online} />
            <ApprovalBadge state={view.approval.state} />
            <ActionsBadge open={openActions} total={view.requiredActions.length} />
            <CreatedAt at={view.createdAt} revision={view.revision} />
          </Group>
        </Stack>
        {view.transitions.length > 0 ? <TransitionBar booking={view} /> : <NoTransitions />}
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <TripCard booking={view} />
            <ActionsCard booking={view} canMark={can.markActions && view.status !== 'cancelled'} />
            <LinesCard booking={view} showCosts={can.isStaff} />
            <TravellersCard travellers={view.travellers} />
            {/* Staff only: a partner or approver may read the booking, not its seats (404/403). */}
            {can.isStaff ? <SeatsCard booking={view} /> : null}
            <HistoryCard booking={view} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <CustomerCard booking={view} />
            <PaymentsCard booking={view} canRecord={can.recordPayments} />
            {view.approval.state !== 'none' || can.approve ? (
              <ApprovalCard booking={view} canApprove={can.approve} />
            ) : null}
            <DocumentsCard
              booking={view}
              canReadInvoices={can.readInvoices}
              canSend={can.sendDocuments}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function DetailHeader({ number }: { number: string }) {
  const { t } = useTranslation();
  useDocumentTitle(`${number} · ${t('bookings.title')} · ${t('app.name')}`);
  return null;
}

function CreatedAt({ at, revision }: { at: string; revision: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Text size="xs" c="dimmed">
      {t('bookings.detail.created', { date: format.dateTime(at) })}
      {revision > 1 ? ` · ${t('bookings.detail.revision', { revision })}` : ''}
    </Text>
  );
}
