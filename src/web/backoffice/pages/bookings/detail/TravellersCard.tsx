// Who travels: names, birth dates, nationality and travel document.
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../shared/i18n/format.ts';
import type { Traveller } from '../booking-types.ts';
import { SectionCard } from './SectionCard.tsx';

export function TravellersCard({ travellers }: { travellers: readonly Traveller[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SectionCard title={t('bookings.detail.travellers')} testId="travellers-card">
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bookings.detail.travellerName')}</Table.Th>
              <Table.Th>{t('bookings.detail.birthDate')}</Table.Th>
              <Table.Th>{t('bookings.detail.nationality')}</Table.Th>
              <Table.Th>{t('bookings.detail.document')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {travellers.map((traveller) => (
              <Table.Tr key={traveller.position} data-testid="traveller-row">
                <Table.Td>
                  <Text size="sm" fw={500} span>
                    {traveller.firstName} {traveller.lastName}
                  </Text>{' '}
                  <Badge size="xs" variant="light" color={traveller.child ? 'orange' : 'gray'}>
                    {traveller.child ? t('bookings.detail.child') : t('bookings.detail.adult')}
                  </Badge>
                  {traveller.email || traveller.phone ? (
                    <Text size="xs" c="dimmed">
                      {[traveller.email, traveller.phone].filter(Boolean).join(' · ')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{format.date(traveller.birthDate)}</Table.Td>
                <Table.Td>{traveller.nationality ?? '—'}</Table.Td>
                <Table.Td>
                  {traveller.documentNumber ? (
                    <Text size="sm" ff="monospace">
                      {traveller.documentNumber}
                      {traveller.documentExpiry ? (
                        <Text span size="xs" c="dimmed" ff="inherit">
                          {' '}
                          ({format.date(traveller.documentExpiry)})
                        </Text>
                      ) : null}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}
