// After the checkout: the booking number, what was paid and what is still due, what the
// traveller must do before the trip, and where the voucher and documents are.
import { Button, Card, Container, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconListDetails } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../shared/api.ts';
import { useCalendarFormat } from '../../shared/i18n/calendar-date.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { useMyBooking } from '../api/portal-queries.ts';
import { BookingDocuments } from '../components/BookingDocuments.tsx';
import { MoneyFacts } from '../components/MoneyFacts.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { RequiredActions } from '../components/RequiredActions.tsx';
import { usePortal } from '../portal-context.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function ConfirmationPage() {
  const { t } = useTranslation();
  const days = useCalendarFormat();
  const { id = '' } = useParams();
  const { slug, lang } = usePortal();
  const booking = useMyBooking(slug, id, lang);
  if (booking.isPending) return <PageLoader />;
  if (booking.error instanceof ApiError && booking.error.status === 404) {
    return <NotFoundPage home={`/portal/${slug}`} />;
  }
  if (booking.error) {
    return (
      <Container size="sm" py="xl">
        <ProblemAlert error={booking.error} />
      </Container>
    );
  }
  const b = booking.data;
  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Stack align="center" gap="xs" ta="center">
          <ThemeIcon size={64} radius="xl" color="teal">
            <IconCheck size={36} />
          </ThemeIcon>
          <Title order={1} size="h2">
            {t('portal.confirmation.title')}
          </Title>
          <Text size="lg">
            {t('portal.confirmation.number')}{' '}
            <Text span fw={800} data-testid="booking-number">
              {b.number}
            </Text>
          </Text>
          <Text c="dimmed">{t('portal.confirmation.text')}</Text>
        </Stack>
        <Card withBorder radius="lg" padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {b.productName}
            </Title>
            <Text size="sm" c="dimmed">
              {days.medium(b.from)} – {days.medium(b.to)}
            </Text>
            <MoneyFacts booking={b} />
            <BookingDocuments booking={b} />
          </Stack>
        </Card>
        {b.requiredActions.length > 0 ? (
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('portal.actions.title')}
            </Title>
            <RequiredActions actions={b.requiredActions} />
          </Stack>
        ) : null}
        <Group justify="center">
          <Button
            component={Link}
            to={`/portal/${slug}/account`}
            leftSection={<IconListDetails size={16} />}
            data-testid="go-to-account"
          >
            {t('portal.nav.myBookings')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
