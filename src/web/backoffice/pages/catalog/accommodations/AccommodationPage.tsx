// One accommodation: what it is, where, and its room types (added, changed, archived here).
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarStats, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CenteredLoader } from '../../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../../shared/ui/ProblemAlert.tsx';
import { ArchiveButton } from '../shared/ArchiveButton.tsx';
import { ArchivedBadge } from '../shared/ArchivedBadge.tsx';
import { BackLink } from '../shared/BackLink.tsx';
import { useAllItems, useRecord } from '../shared/catalog-queries.ts';
import type { Accommodation, RoomType, Supplier } from '../shared/catalog-types.ts';
import { useLocalized } from '../shared/localized.ts';
import { AccommodationFormModal } from './AccommodationFormModal.tsx';
import { RoomTypeModal } from './RoomTypeModal.tsx';

export function AccommodationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const accommodation = useRecord<Accommodation>('accommodations', id);
  const [editing, editModal] = useDisclosure(false);
  const [room, setRoom] = useState<RoomType | 'new' | null>(null);
  const local = useLocalized();
  const suppliers = useAllItems<Supplier>('suppliers', { archived: 'all' });

  if (accommodation.isPending) return <CenteredLoader />;
  if (accommodation.isError) return <ProblemAlert error={accommodation.error} />;
  const record = accommodation.data;
  const supplier = suppliers.data?.find((s) => s.id === record.supplierId);

  return (
    <>
      <BackLink to="/catalog/accommodations" label={t('catalog.accommodations.title')} />
      <PageHeader
        title={record.name}
        description={
          <>
            {t(`catalog.accommodationKinds.${record.kind}`)} · {record.city}, {record.country}
            {record.stars ? ` · ${'★'.repeat(Math.floor(record.stars))}` : ''}
            <ArchivedBadge archived={record.archived} />
          </>
        }
        actions={
          <>
            <Button
              component={Link}
              to={`/catalog/accommodations/${record.id}/capacity`}
              variant="light"
              leftSection={<IconCalendarStats size={18} stroke={1.5} />}
              data-testid="open-capacity"
            >
              {t('catalog.capacity.title')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconEdit size={18} stroke={1.5} />}
              onClick={editModal.open}
              data-testid="edit-accommodation"
            >
              {t('catalog.edit')}
            </Button>
            <ArchiveButton
              resource="accommodations"
              id={record.id}
              archived={record.archived}
              name={record.name}
            />
          </>
        }
      />
      <Paper withBorder radius="md" p="md" mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('catalog.address')}>
            {[
              record.street,
              [record.postalCode, record.city].filter(Boolean).join(' '),
              record.country,
            ]
              .filter(Boolean)
              .join(', ')}
          </Fact>
          <Fact label={t('catalog.accommodations.board')}>
            {record.boardTypes.length
              ? record.boardTypes.map((b) => t(`catalog.boardTypes.${b}`)).join(', ')
              : '—'}
          </Fact>
          <Fact label={t('catalog.supplier')}>{supplier?.name ?? '—'}</Fact>
        </SimpleGrid>
        {local(record.description) ? (
          <Text mt="md" size="sm" style={{ whiteSpace: 'pre-line' }}>
            {local(record.description)}
          </Text>
        ) : null}
      </Paper>

      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('catalog.accommodations.roomTypes')}</Title>
        <Button
          variant="light"
          leftSection={<IconPlus size={18} stroke={1.5} />}
          onClick={() => setRoom('new')}
          data-testid="new-room-type"
        >
          {t('catalog.roomTypes.new')}
        </Button>
      </Group>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640}>
          <Table
            verticalSpacing="sm"
            highlightOnHover
            data-testid="room-types-table"
            aria-label={t('catalog.accommodations.roomTypes')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalog.code')}</Table.Th>
                <Table.Th>{t('catalog.name')}</Table.Th>
                <Table.Th>{t('catalog.roomTypes.occupancy')}</Table.Th>
                <Table.Th>{t('catalog.roomTypes.beds')}</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.roomTypes.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('catalog.roomTypes.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {record.roomTypes.map((roomType) => (
                <Table.Tr
                  key={roomType.id}
                  data-testid="room-type-row"
                  opacity={roomType.archived ? 0.6 : 1}
                >
                  <Table.Td>
                    <Badge variant="light">{roomType.code}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {local(roomType.name)}
                    <ArchivedBadge archived={roomType.archived} />
                  </Table.Td>
                  <Table.Td>
                    {t('catalog.roomTypes.occupancyValue', {
                      adults: roomType.maxAdults,
                      children: roomType.maxChildren,
                    })}
                  </Table.Td>
                  <Table.Td>
                    {t('catalog.roomTypes.bedsValue', {
                      beds: roomType.standardBeds,
                      extra: roomType.extraBeds,
                    })}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('catalog.edit')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`${t('catalog.edit')}: ${roomType.code}`}
                          onClick={() => setRoom(roomType)}
                        >
                          <IconEdit size={18} stroke={1.5} />
                        </ActionIcon>
                      </Tooltip>
                      <ArchiveButton
                        resource="room-types"
                        also={['accommodations']}
                        id={roomType.id}
                        archived={roomType.archived}
                        name={roomType.code}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <AccommodationFormModal opened={editing} onClose={editModal.close} accommodation={record} />
      <RoomTypeModal
        opened={room !== null}
        onClose={() => setRoom(null)}
        accommodationId={record.id}
        room={room === 'new' ? null : room}
      />
    </>
  );
}

export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}
