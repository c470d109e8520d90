// Who booked: the customer's name (a link to their page, for staff), e-mail, phone and language.
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { languageName } from '../../../../shared/i18n/languages.ts';
import { useSignedInUser } from '../../../auth/signed-in-user.ts';
import type { BookingView } from '../booking-types.ts';
import { permissionsOf } from '../permissions.ts';
import { SectionCard } from './SectionCard.tsx';

export function CustomerCard({ booking }: { booking: BookingView }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const { customer } = booking;
  return (
    <SectionCard
      title={t('bookings.detail.customer')}
      testId="customer-card"
      actions={
        <Badge variant="outline" color="gray" size="sm">
          {languageName(customer.locale)}
        </Badge>
      }
    >
      <Stack gap={4}>
        {/* Staff open the customer's page; a partner has none to open. */}
        {permissionsOf(me.role).isStaff ? (
          <Anchor
            component={Link}
            to={`/customers/${customer.id}`}
            fw={600}
            data-testid="customer-name"
          >
            {customer.name}
          </Anchor>
        ) : (
          <Text fw={600} data-testid="customer-name">
            {customer.name}
          </Text>
        )}
        {customer.email ? (
          <Group gap={6}>
            <IconMail size={14} stroke={1.5} aria-hidden />
            <Anchor href={`mailto:${customer.email}`} size="sm">
              {customer.email}
            </Anchor>
          </Group>
        ) : null}
        {customer.phone ? (
          <Group gap={6}>
            <IconPhone size={14} stroke={1.5} aria-hidden />
            <Anchor href={`tel:${customer.phone}`} size="sm">
              {customer.phone}
            </Anchor>
          </Group>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
