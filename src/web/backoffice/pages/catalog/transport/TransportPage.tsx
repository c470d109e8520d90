// One transport: its route, classes and dated departures with seats sold, held and free.
import {
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArmchair, IconEdit, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx';
import { ProblemAlert, problemText } from '../../../../shared/ui/ProblemAlert.tsx';
import { Fact } from '../accommodations/AccommodationPage.tsx';
import { seatMapPath } from '../seatmap/SeatMapPage.tsx';
import { ArchiveButton } from '../shared/ArchiveButton.tsx';
import { ArchivedBadge } from '../shared/ArchivedBadge.tsx';
import { BackLink } from '../shared/BackLink.tsx';
import { resourcePath, useRecord, useRecordAction } from '../shared/catalog-queries.ts';
import {
  type DepartureStatus,
  departureStatuses,
  type Transport,
  type TransportDeparture,
} from '../shared/catalog-types.ts';
import { todayIso } from '../shared/fields.ts';
import { TransportDepartureModal } from './TransportDepartureModal.tsx';
import { TransportFormModal } from './TransportFormModal.tsx';

export function TransportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const transport = useRecord<Transport>('transport', id);
  const [editing, editModal] = useDisclosure(false);
  const [adding, addModal] = useDisclosure(false);
  const update = useRecordAction<TransportDeparture>(['transport']);
  const today = todayIso();

  if (transport.isPending) return <CenteredLoader />;
  if (transport.isError) return <ProblemAlert error={transport.error} />;
  const record = transport.data;

  function changeStatus(departure: TransportDeparture, status: DepartureStatus) {
    update.mutate(
      {
        path: resourcePath('transport-departures', departure.id),
        method: 'PATCH',
        body: { status },
      },
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
      <BackLink to="/catalog/transport" label={t('catalog.transport.title')} />
      <PageHeader
        title={`${record.code} · ${record.name}`}
        description={
          <>
            {t(`catalog.transport.kinds.${record.kind}`)}
            {record.carrier ? ` · ${record.carrier}` : ''}
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
              resource="transport"
              id={record.id}
              archived={record.archived}
              name={record.code}
            />
          </>
        }
      />
      <Paper withBorder radius="md" p="md" mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('catalog.transport.stops')}>
            {record.stops
              .map(
                (stop) =>
                  `${stop.time}${stop.dayOffset ? ` (+${stop.dayOffset})` : ''} ${stop.name}`,
              )
              .join(' → ')}
          </Fact>
          <Fact label={t('catalog.transport.classes')}>
            {record.classes.map((c) => `${c.code} · ${c.name}`).join(', ')}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('catalog.transport.departures')}</Title>
        <Button
          variant="light"
          leftSection={<IconPlus size={18} stroke={1.5} />}
          onClick={addModal.open}
          data-testid="new-transport-departure"
        >
          {t('catalog.transport.addDeparture')}
        </Button>
      </Group>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640}>
          <Table
            verticalSpacing="xs"
            highlightOnHover
            data-testid="transport-departures-table"
            aria-label={t('catalog.transport.departures')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalog.transport.date')}</Table.Th>
                <Table.Th>{t('catalog.status')}</Table.Th>
                <Table.Th>{t('catalog.transport.seatsByClass')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.departures.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('catalog.transport.noDepartures')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {record.departures.map((departure) => (
                <Table.Tr
                  key={departure.id}
                  data-testid="transport-departure-row"
                  data-date={departure.date}
                  opacity={departure.date < today ? 0.55 : 1}
                >
                  <Table.Td fw={500}>{format.date(departure.date)}</Table.Td>
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
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="lg">
                      {departure.seats.map((seat) => (
                        <div key={seat.classCode} style={{ minWidth: 170 }}>
                          <Group gap={6}>
                            <Badge variant="light" size="sm">
                              {seat.classCode}
                            </Badge>
                            <Text size="xs">{t('catalog.tours.seatsValue', seat)}</Text>
                          </Group>
                          <Progress.Root size="sm" mt={4}>
                            <Progress.Section
                              value={seat.capacity ? (seat.sold / seat.capacity) * 100 : 0}
                              color="blue"
                            />
                            <Progress.Section
                              value={seat.capacity ? (seat.held / seat.capacity) * 100 : 0}
                              color="yellow"
                            />
                          </Progress.Root>
                        </div>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      component={Link}
                      to={seatMapPath(record.id, departure.id)}
                      size="xs"
                      variant="light"
                      leftSection={<IconArmchair size={16} stroke={1.5} />}
                      data-testid="open-seat-map"
                    >
                      {t('catalog.seatMap.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <TransportFormModal opened={editing} onClose={editModal.close} transport={record} />
      <TransportDepartureModal opened={adding} onClose={addModal.close} transport={record} />
    </>
  );
}
