// One tour: what it is built on, and its departures (with rooms and seats left) or seasons.
import { Badge, Button, Group, Paper, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiFetch } from '../../../../shared/api.ts';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx';
import { ProblemAlert, problemText } from '../../../../shared/ui/ProblemAlert.tsx';
import { Fact } from '../accommodations/AccommodationPage.tsx';
import { ArchiveButton } from '../shared/ArchiveButton.tsx';
import { ArchivedBadge } from '../shared/ArchivedBadge.tsx';
import { BackLink } from '../shared/BackLink.tsx';
import {
  catalogKeys,
  resourcePath,
  useRecord,
  useRecordAction,
} from '../shared/catalog-queries.ts';
import {
  type Accommodation,
  type DepartureStatus,
  departureStatuses,
  type Tour,
  type TourCalendarDay,
  type TourDeparture,
  type Transport,
} from '../shared/catalog-types.ts';
import { addDays, todayIso } from '../shared/fields.ts';
import { useLocalized } from '../shared/localized.ts';
import { DepartureModal } from './DepartureModal.tsx';
import { TourFormModal } from './TourFormModal.tsx';

const statusColor: Record<DepartureStatus, string> = {
  open: 'teal',
  closed: 'gray',
  cancelled: 'red',
};

export function TourPage() {
  const { t } = useTranslation();
  const local = useLocalized();
  const format = useFormat();
  const { id = '' } = useParams();
  const tour = useRecord<Tour>('tours', id);
  const accommodation = useRecord<Accommodation>('accommodations', tour.data?.accommodationId);
  const transport = useRecord<Transport>('transport', tour.data?.transportId ?? undefined);
  const [editing, editModal] = useDisclosure(false);
  const [adding, addModal] = useDisclosure(false);
  const today = todayIso();
  const until = addDays(today, 366);
  const calendar = useQuery({
    queryKey: [...catalogKeys.detail('tours', id), 'calendar', today],
    queryFn: () =>
      apiFetch<{ items: TourCalendarDay[] }>(
        `/api/v1/tours/${id}/availability?from=${today}&to=${until}&adults=1`,
      ),
    enabled: tour.data?.mode === 'fixed_departures',
  });
  const update = useRecordAction<TourDeparture>(['tours']);

  if (tour.isPending) return <CenteredLoader />;
  if (tour.isError) return <ProblemAlert error={tour.error} />;
  const record = tour.data;
  const byDeparture = new Map(
    (calendar.data?.items ?? []).filter((d) => d.departureId).map((d) => [d.departureId, d]),
  );
  const transportDeparture = new Map((transport.data?.departures ?? []).map((d) => [d.id, d]));

  function changeStatus(departure: TourDeparture, status: DepartureStatus) {
    update.mutate(
      { path: resourcePath('tour-departures', departure.id), method: 'PATCH', body: { status } },
      {
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: t('catalog.saveFailed'),
            message: problemText(error, t('errors.unreachable'), t('errors.unexpected')),
          }),
      },
    );
  }

  return (
    <>
      <BackLink to="/catalog/tours" label={t('catalog.tours.title')} />
      <PageHeader
        title={local(record.name)}
        description={
          <>
            {record.code} · {t(`catalog.tours.modes.${record.mode}`)}
            <ArchivedBadge archived={record.archived} />
          </>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconEdit size={18} stroke={1.5} />}
              onClick={editModal.open}
            >
              {t('catalog.edit')}
            </Button>
            <ArchiveButton
              resource="tours"
              id={record.id}
              archived={record.archived}
              name={record.code}
            />
          </>
        }
      />
      <Paper withBorder radius="md" p="md" mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('catalog.tours.accommodation')}>
            {accommodation.data ? (
              <Link to={`/catalog/accommodations/${accommodation.data.id}`}>
                {accommodation.data.name}
              </Link>
            ) : (
              '…'
            )}
          </Fact>
          <Fact label={t('catalog.tours.transport')}>
            {record.transportId && transport.data ? (
              <Link to={`/catalog/transport/${transport.data.id}`}>
                {transport.data.code} · {transport.data.name}
              </Link>
            ) : (
              t('catalog.tours.ownTransport')
            )}
          </Fact>
          <Fact label={t('catalog.tours.board')}>
            {record.boardType ? t(`catalog.boardTypes.${record.boardType}`) : '—'}
          </Fact>
        </SimpleGrid>
      </Paper>

      {record.mode === 'fixed_departures' ? (
        <>
          <Group justify="space-between" mb="sm">
            <Title order={3}>{t('catalog.tours.departures')}</Title>
            <Button
              variant="light"
              leftSection={<IconPlus size={18} stroke={1.5} />}
              onClick={addModal.open}
              data-testid="new-departure"
            >
              {t('catalog.tours.addDeparture')}
            </Button>
          </Group>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table
                verticalSpacing="xs"
                highlightOnHover
                data-testid="departures-table"
                aria-label={t('catalog.tours.departures')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('catalog.tours.startDate')}</Table.Th>
                    <Table.Th>{t('catalog.tours.nights')}</Table.Th>
                    <Table.Th>{t('catalog.status')}</Table.Th>
                    <Table.Th>{t('catalog.tours.seats')}</Table.Th>
                    <Table.Th>{t('catalog.tours.freeRooms')}</Table.Th>
                    <Table.Th>{t('catalog.tours.sellable')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {record.departures.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Text c="dimmed" ta="center" py="md">
                          {t('catalog.tours.noDepartures')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                  {record.departures.map((departure) => {
                    const day = byDeparture.get(departure.id);
                    const outbound = departure.transportDepartureId
                      ? transportDeparture.get(departure.transportDepartureId)
                      : undefined;
                    const seats = outbound?.seats.reduce(
                      (sum, s) => ({
                        capacity: sum.capacity + s.capacity,
                        sold: sum.sold + s.sold,
                        held: sum.held + s.held,
                        available: sum.available + s.available,
                      }),
                      { capacity: 0, sold: 0, held: 0, available: 0 },
                    );
                    const freeRooms = day?.roomTypes.reduce((sum, r) => sum + r.available, 0);
                    return (
                      <Table.Tr
                        key={departure.id}
                        data-testid="departure-row"
                        data-start={departure.startDate}
                        opacity={departure.startDate < today ? 0.55 : 1}
                      >
                        <Table.Td fw={500}>{format.date(departure.startDate)}</Table.Td>
                        <Table.Td>{departure.nights}</Table.Td>
                        <Table.Td>
                          <Select
                            size="xs"
                            w={130}
                            aria-label={t('catalog.status')}
                            allowDeselect={false}
                            value={departure.status}
                            data={departureStatuses.map((s) => ({
                              value: s,
                              label: t(`catalog.statuses.${s}`),
                            }))}
                            onChange={(value) =>
                              value &&
                              value !== departure.status &&
                              changeStatus(departure, value as DepartureStatus)
                            }
                            leftSection={
                              <Badge circle size="xs" color={statusColor[departure.status]}>
                                {' '}
                              </Badge>
                            }
                          />
                        </Table.Td>
                        <Table.Td>
                          {seats ? (
                            <Text size="sm">{t('catalog.tours.seatsValue', seats)}</Text>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td>{freeRooms === undefined ? '—' : freeRooms}</Table.Td>
                        <Table.Td>
                          {day ? (
                            day.sellable ? (
                              <Badge color="teal" variant="light">
                                {t('catalog.tours.onSale')}
                              </Badge>
                            ) : (
                              <Text size="xs" c="dimmed">
                                {day.reason ?? t('catalog.tours.notOnSale')}
                              </Text>
                            )
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      ) : (
        <>
          <Title order={3} mb="sm">
            {t('catalog.tours.seasons')}
          </Title>
          <Paper withBorder radius="md">
            <Table verticalSpacing="xs" data-testid="seasons-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalog.name')}</Table.Th>
                  <Table.Th>{t('catalog.from')}</Table.Th>
                  <Table.Th>{t('catalog.to')}</Table.Th>
                  <Table.Th>{t('catalog.tours.stay')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {record.seasons.map((season) => (
                  <Table.Tr key={season.id}>
                    <Table.Td>{season.name}</Table.Td>
                    <Table.Td>{format.date(season.startDate)}</Table.Td>
                    <Table.Td>{format.date(season.endDate)}</Table.Td>
                    <Table.Td>
                      {season.minStay}
                      {season.maxStay ? `–${season.maxStay}` : '+'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
      <TourFormModal opened={editing} onClose={editModal.close} tour={record} />
      <DepartureModal
        opened={adding}
        onClose={addModal.close}
        tourId={record.id}
        transport={transport.data}
      />
    </>
  );
}
