// Quick manual entry of a phone, e-mail or walk-in request on one page: the trip priced with
// its lines and hold, then the customer and travellers, then saved — and on to the booking.
import { Alert, Box, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { BookingForm } from './BookingForm.tsx';
import { type EntryChannel, type Quote, useChosenCustomer } from './entry-queries.ts';
import { QuoteCard } from './QuoteCard.tsx';
import { TripForm } from './TripForm.tsx';

export function NewBookingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const chosenCustomer = useChosenCustomer(searchParams.get('customerId'));
  const [priced, setPriced] = useState<{ quote: Quote; channel: EntryChannel } | null>(null);
  // The trip changed after pricing: the travellers typed stay, saving waits for a new price.
  const [stale, setStale] = useState(false);
  // Calendar dates are the server's (UTC) days.
  const [today] = useState(() => new Date().toISOString().slice(0, 10));

  return (
    <>
      <PageHeader title={t('entry.title')} description={t('entry.intro')} />
      <Stack gap="md" maw={1100}>
        <TripForm
          today={today}
          onPriced={(quote, channel) => {
            setPriced({ quote, channel });
            setStale(false);
          }}
          onChanged={() => setStale(true)}
        />
        {priced ? (
          <>
            {stale ? (
              <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />}>
                {t('entry.stale')}
              </Alert>
            ) : null}
            <Box opacity={stale ? 0.5 : 1}>
              <QuoteCard quote={priced.quote} />
            </Box>
            <BookingForm
              quote={priced.quote}
              stale={stale}
              channel={priced.channel}
              initialCustomer={chosenCustomer.data ?? null}
              onSaved={(booking) => {
                notifications.show({
                  color: 'teal',
                  message: t('entry.saved', { number: booking.number }),
                });
                void navigate(`/bookings/${booking.id}`);
              }}
            />
          </>
        ) : (
          <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
            {t('entry.priceFirst')}
          </Alert>
        )}
      </Stack>
    </>
  );
}
