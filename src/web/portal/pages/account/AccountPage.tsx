// "My bookings": the signed-in customer's bookings, each with its money (and paying the rest),
// its documents, what is still to do — and the travellers' details to enter when an action
// asks for them. A visitor is sent to sign in with a link.
import {
  Badge,
  Button,
  Card,
  Container,
  Group,
  Modal,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCreditCard, IconLogout, IconLuggage, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useCalendarFormat } from '../../../shared/i18n/calendar-date.ts';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useAccount, useMyBookings, useSignOut } from '../../api/portal-queries.ts';
import type { PortalBooking } from '../../api/types.ts';
import { BookingDocuments } from '../../components/BookingDocuments.tsx';
import { MoneyFacts } from '../../components/MoneyFacts.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { PaymentForm } from '../../components/PaymentForm.tsx';
import { RequiredActions } from '../../components/RequiredActions.tsx';
import { usePortal } from '../../portal-context.ts';
import { amountsDue } from '../checkout/PaymentStep.tsx';
import { TravellersModal } from './TravellersModal.tsx';

const statuses = [
  'web_reservation',
  'internal_reservation',
  'checked',
  'ordered',
  'confirmed',
  'paid',
  'departed',
  'cancelled',
] as const;
type Status = (typeof statuses)[number];
const isStatus = (value: string): value is Status =>
  (statuses as readonly string[]).includes(value);

const statusColors: Record<Status, string> = {
  web_reservation: 'blue',
  internal_reservation: 'blue',
  checked: 'cyan',
  ordered: 'cyan',
  confirmed: 'teal',
  paid: 'green',
  departed: 'gray',
  cancelled: 'red',
};

const travellerKinds = ['traveller_details', 'documents'];

function BookingCard({ booking }: { booking: PortalBooking }) {
  const { t } = useTranslation();
  const days = useCalendarFormat();
  const { slug } = usePortal();
  const [travellersOpen, travellers] = useDisclosure(false);
  const [payOpen, pay] = useDisclosure(false);
  const { deposit, balance } = amountsDue(booking);
  const asksTravellers = booking.requiredActions.some(
    (a) => a.done === null && travellerKinds.includes(a.kind),
  );
  const status: Status = isStatus(booking.status) ? booking.status : 'web_reservation';
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="account-booking">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={2} size="h4">
                {booking.productName}
              </Title>
              <Badge color={statusColors[status]} variant="light" data-testid="booking-status">
                {t(`portal.status.${status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {days.medium(booking.from)} – {days.medium(booking.to)} ·{' '}
              {t('portal.search.partySummary', {
                adults: booking.party.adults,
                children: booking.party.childAges.length,
              })}
            </Text>
          </Stack>
          <Text size="sm" c="dimmed">
            {t('portal.confirmation.number')}{' '}
            <Text span fw={700} c="dark" data-testid="account-booking-number">
              {booking.number}
            </Text>
          </Text>
        </Group>
        <MoneyFacts booking={booking} />
        {booking.requiredActions.length > 0 ? (
          <RequiredActions actions={booking.requiredActions} />
        ) : null}
        <Group justify="space-between" align="center">
          <BookingDocuments booking={booking} />
          <Group gap="xs">
            {asksTravellers && !booking.cancelled ? (
              <Button
                variant="filled"
                color="red"
                leftSection={<IconUsers size={16} />}
                onClick={travellers.open}
                data-testid="enter-travellers"
              >
                {t('portal.account.enterTravellers')}
              </Button>
            ) : null}
            {balance > 0 && !booking.cancelled ? (
              <Button
                leftSection={<IconCreditCard size={16} />}
                onClick={pay.open}
                data-testid="pay-balance"
              >
                {t('portal.account.payBalance')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Stack>
      {travellersOpen ? (
        <TravellersModal booking={booking} opened={travellersOpen} onClose={travellers.close} />
      ) : null}
      <Modal
        opened={payOpen}
        onClose={pay.close}
        title={t('portal.account.payTitle', { number: booking.number })}
      >
        <PaymentForm
          agency={slug}
          bookingId={booking.id}
          amount={deposit ? deposit.amount : balance}
          currency={booking.currency}
          onPaid={pay.close}
        />
      </Modal>
    </Card>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { slug, lang } = usePortal();
  const account = useAccount(slug);
  const signedIn = account.data?.signedIn === true;
  const bookings = useMyBookings(slug, lang, signedIn);
  const signOut = useSignOut(slug);

  if (account.isPending) return <PageLoader />;
  // Signed out by the button here: home, where signing out ends. One navigation decided by
  // this render, because a second one (from the button's handler) raced it: the account
  // re-renders at once, while the router's change of page is a transition React may delay.
  if (!signedIn) {
    const away = signOut.isIdle ? `/portal/${slug}/login` : `/portal/${slug}`;
    return <Navigate to={away} replace />;
  }

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={1} size="h2">
              {t('portal.account.title')}
            </Title>
            <Text c="dimmed" data-testid="account-greeting">
              {t('portal.account.greeting', {
                name: account.data?.user?.name ?? '',
                email: account.data?.user?.email ?? '',
              })}
            </Text>
          </Stack>
          <Button
            variant="default"
            leftSection={<IconLogout size={16} />}
            loading={signOut.isPending}
            onClick={() => signOut.mutate()}
            data-testid="sign-out"
          >
            {t('portal.nav.signOut')}
          </Button>
        </Group>
        {signOut.error && <ProblemAlert error={signOut.error} />}
        {bookings.isPending ? (
          <PageLoader height={200} />
        ) : bookings.error ? (
          <ProblemAlert error={bookings.error} />
        ) : bookings.data.items.length === 0 ? (
          <Card withBorder radius="lg" padding="xl" data-testid="account-empty">
            <Stack align="center" gap="sm">
              <ThemeIcon size={48} radius="xl" variant="light">
                <IconLuggage />
              </ThemeIcon>
              <Text fw={600}>{t('portal.account.empty')}</Text>
              <Button component={Link} to={`/portal/${slug}`}>
                {t('portal.account.findTrip')}
              </Button>
            </Stack>
          </Card>
        ) : (
          bookings.data.items.map((booking) => <BookingCard key={booking.id} booking={booking} />)
        )}
      </Stack>
    </Container>
  );
}
