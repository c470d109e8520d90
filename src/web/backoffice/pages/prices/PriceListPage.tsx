// One price list as an editable matrix: periods down, cells across; edit prices inline, add a
// period or a column, and save the changed cells at once (`PATCH …/rows`), with the API's
// errors shown on the cell they name.
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconColumnInsertRight,
  IconDeviceFloppy,
  IconRowInsertBottom,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../shared/api.ts';
import { minorDigits, useFormat } from '../../../shared/i18n/format.ts';
import { fallbackLanguage } from '../../../shared/i18n/languages.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { UnsavedChangesGuard } from '../../../shared/ui/UnsavedChangesGuard.tsx';
import { ArchivedBadge } from '../catalog/shared/ArchivedBadge.tsx';
import { BackLink } from '../catalog/shared/BackLink.tsx';
import { resourcePath, useRecord, useRecordAction } from '../catalog/shared/catalog-queries.ts';
import type { PriceList } from '../catalog/shared/catalog-types.ts';
import { AddColumnModal } from './AddColumnModal.tsx';
import { AddPeriodModal } from './AddPeriodModal.tsx';
import { useDimensionLabels } from './dimension-labels.ts';
import {
  buildPatch,
  cellId,
  cellText,
  columnsOf,
  type MatrixColumn,
  rowsByCell,
} from './price-matrix.ts';

export function PriceListPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const format = useFormat();
  const list = useRecord<PriceList>('price-lists', id);
  const labels = useDimensionLabels(list.data);
  const [edits, setEdits] = useState<Map<string, string>>(new Map());
  const [cellErrors, setCellErrors] = useState<Map<string, string>>(new Map());
  const [extraColumns, setExtraColumns] = useState<MatrixColumn[]>([]);
  const [addingPeriod, periodModal] = useDisclosure(false);
  const [addingColumn, columnModal] = useDisclosure(false);
  const save = useRecordAction<PriceList>(['price-lists']);
  const locale = i18n.resolvedLanguage ?? fallbackLanguage;
  const decimalMark = useMemo(
    () =>
      new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ??
      '.',
    [locale],
  );

  if (list.isPending) return <CenteredLoader />;
  if (list.isError) return <ProblemAlert error={list.error} />;
  const record = list.data;
  const digits = minorDigits(record.currency);
  const columns = columnsOf(record.rows, extraColumns);
  const cells = rowsByCell(record.rows);
  const periods = [...record.periods].sort(
    (a, b) => a.from.localeCompare(b.from) || a.priority - b.priority,
  );
  const columnById = new Map(columns.map((column) => [column.id, column]));

  function columnLabel(column: MatrixColumn) {
    const key = column.key;
    const parts = [
      key.roomTypeId ? labels.roomTypeCode(key.roomTypeId) : null,
      key.classCode ? t('catalog.prices.classValue', { code: key.classCode }) : null,
      key.boardingPoint,
      key.ticketTypeId ? labels.ticketTypeName(key.ticketTypeId) : null,
      key.childBand ? key.childBand : null,
      key.occupancy ? t('catalog.prices.occupancyValue', { count: key.occupancy }) : null,
    ].filter(Boolean);
    return {
      title: parts.length ? parts.join(' · ') : t('catalog.prices.adults'),
      detail: `${t(`catalog.prices.charges.${key.charge}`)} / ${t(`catalog.prices.bases.${key.basis}`)}${
        column.field === 'percentOfAdult'
          ? ` · ${t('catalog.prices.percentOfAdult')}`
          : column.field === 'percentOfTrip'
            ? ` · ${t('catalog.prices.percentOfTrip')}`
            : ''
      }`,
    };
  }

  function submit() {
    const patch = buildPatch(
      record,
      [...edits.entries()].map(([cell, text]) => {
        const [period = '', column = ''] = cell.split('::');
        return { period, column: columnById.get(column) as MatrixColumn, text };
      }),
      digits,
    );
    if (patch.invalid.length) {
      setCellErrors(new Map(patch.invalid.map((cell) => [cell, t('catalog.prices.notANumber')])));
      return;
    }
    setCellErrors(new Map());
    save.mutate(
      {
        path: `${resourcePath('price-lists', record.id)}/rows`,
        method: 'PATCH',
        body: { rows: patch.rows, remove: patch.remove },
      },
      {
        onSuccess: () => {
          setEdits(new Map());
          setExtraColumns([]);
          notifications.show({
            color: 'teal',
            message: t('catalog.prices.saved', { count: patch.rows.length + patch.remove.length }),
          });
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const placed = new Map<string, string>();
          for (const fieldError of error.problem.errors ?? []) {
            const match = /^\/rows\/(\d+)(\/.*)?$/.exec(fieldError.path);
            const cell = match ? patch.cellOfRow[Number(match[1])] : undefined;
            if (cell && !placed.has(cell))
              placed.set(
                cell,
                `${match?.[2] ? `${match[2].slice(1)}: ` : ''}${fieldError.message}`,
              );
          }
          setCellErrors(placed);
        },
      },
    );
  }

  const dirty = edits.size > 0;
  return (
    <>
      <UnsavedChangesGuard dirty={dirty} />
      <BackLink to="/prices/lists" label={t('catalog.tabs.priceLists')} />
      <PageHeader
        title={record.name}
        description={
          <>
            {t(`catalog.prices.productKinds.${record.productKind}`)}
            {labels.productName ? ` · ${labels.productName}` : ''} · {record.currency} (
            {format.currencyName(record.currency)})
            {record.costCurrency
              ? ` · ${t('catalog.prices.costIn', { currency: record.costCurrency })}`
              : ''}
            <ArchivedBadge archived={record.archived} />
          </>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconRowInsertBottom size={18} stroke={1.5} />}
              onClick={periodModal.open}
              data-testid="add-period"
            >
              {t('catalog.prices.addPeriod')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconColumnInsertRight size={18} stroke={1.5} />}
              onClick={columnModal.open}
              data-testid="add-column"
            >
              {t('catalog.prices.addColumn')}
            </Button>
          </>
        }
      />
      {record.childBands.length ? (
        <Group gap="xs" mb="sm">
          <Text size="sm" c="dimmed">
            {t('catalog.prices.childBands')}:
          </Text>
          {record.childBands.map((band) => (
            <Badge key={band.code} variant="light" color="grape">
              {band.code}: {t('catalog.prices.ages', { from: band.minAge, to: band.maxAge - 1 })}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={320 + columns.length * 130}>
          <Table
            withColumnBorders
            verticalSpacing={6}
            data-testid="price-matrix"
            aria-label={t('catalog.prices.matrix')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ minWidth: 240 }}>{t('catalog.prices.period')}</Table.Th>
                {columns.map((column) => {
                  const label = columnLabel(column);
                  return (
                    <Table.Th
                      key={column.id}
                      style={{ minWidth: 120, verticalAlign: 'bottom' }}
                      data-testid="matrix-column"
                    >
                      <Text size="sm" fw={600}>
                        {label.title}
                      </Text>
                      <Text size="xs" c="dimmed" fw={400}>
                        {label.detail}
                      </Text>
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {periods.map((period) => (
                <Table.Tr key={period.code} data-testid={`matrix-row-${period.code}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {period.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {period.code} · {format.date(period.from)} – {format.date(period.to)}
                      {period.priority
                        ? ` · ${t('catalog.prices.priorityValue', { priority: period.priority })}`
                        : ''}
                    </Text>
                  </Table.Td>
                  {columns.map((column) => {
                    const id = cellId(period.code, column.id);
                    const original = cellText(
                      cells.get(id)?.row,
                      column.field,
                      digits,
                      decimalMark,
                    );
                    const value = edits.get(id) ?? original;
                    const error = cellErrors.get(id);
                    const changed = edits.has(id);
                    return (
                      <Table.Td key={column.id} p={4}>
                        <Tooltip label={error} disabled={!error} withArrow color="red">
                          <TextInput
                            size="xs"
                            value={value}
                            aria-label={`${period.name} – ${columnLabel(column).title}`}
                            aria-invalid={error ? true : undefined}
                            error={Boolean(error)}
                            data-testid={`matrix-cell-${period.code}-${columns.indexOf(column)}`}
                            rightSection={
                              column.field === 'amount' ? undefined : <Text size="xs">%</Text>
                            }
                            styles={{
                              input: {
                                textAlign: 'right',
                                fontVariantNumeric: 'tabular-nums',
                                background: changed ? 'var(--mantine-color-yellow-0)' : undefined,
                              },
                            }}
                            onChange={(event) => {
                              const text = event.currentTarget.value;
                              setEdits((current) => {
                                const next = new Map(current);
                                if (text === original) next.delete(id);
                                else next.set(id, text);
                                return next;
                              });
                            }}
                            onKeyDown={(event) => {
                              if (event.key === 'Enter' && dirty) submit();
                            }}
                          />
                        </Tooltip>
                        {error ? (
                          <Text size="xs" c="red" mt={2} data-testid="matrix-cell-error">
                            {error}
                          </Text>
                        ) : null}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {columns.length === 0 ? (
        <Text c="dimmed" ta="center" py="md">
          {t('catalog.prices.noColumns')}
        </Text>
      ) : null}
      {save.isError && cellErrors.size === 0 ? (
        <ProblemAlert error={save.error} title={t('catalog.saveFailed')} />
      ) : null}
      <Group
        justify="space-between"
        mt="md"
        style={{
          position: 'sticky',
          bottom: 0,
          background: 'var(--mantine-color-body)',
          padding: '8px 0',
        }}
      >
        <Text size="sm" c="dimmed">
          {dirty
            ? t('catalog.prices.unsaved', { count: edits.size })
            : t('catalog.prices.hint', { currency: record.currency })}
        </Text>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconArrowBackUp size={18} stroke={1.5} />}
            disabled={!dirty}
            onClick={() => {
              setEdits(new Map());
              setCellErrors(new Map());
            }}
          >
            {t('catalog.prices.discard')}
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={18} stroke={1.5} />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={submit}
            data-testid="matrix-save"
          >
            {t('catalog.save')}
          </Button>
        </Group>
      </Group>
      {cellErrors.size > 0 ? (
        <Alert color="red" variant="light" mt="xs" data-testid="matrix-errors">
          {t('catalog.prices.cellsWithErrors', { count: cellErrors.size })}
        </Alert>
      ) : null}
      <Title order={4} mt="xl" mb="xs">
        {t('catalog.prices.cancellation')}
      </Title>
      <Text size="sm" c="dimmed">
        {record.cancellation.length
          ? record.cancellation
              .map((tier) =>
                t('catalog.prices.tier', { days: tier.daysBefore, percent: tier.percent }),
              )
              .join(' · ')
          : '—'}
      </Text>
      <AddPeriodModal opened={addingPeriod} onClose={periodModal.close} list={record} />
      <AddColumnModal
        opened={addingColumn}
        onClose={columnModal.close}
        list={record}
        roomTypes={labels.roomTypes}
        ticketTypes={labels.ticketTypes}
        onAdd={(column) => setExtraColumns((current) => [...current, column])}
      />
    </>
  );
}
