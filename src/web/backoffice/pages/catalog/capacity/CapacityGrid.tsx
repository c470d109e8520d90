// The capacity calendar's grid: a row per room type, a column per night of the month; each
// cell says free/total and the mode, stop-sale in red. Click selects a night, Shift+click
// extends the selection to a block of room types × nights; a row or night header selects it all.
import { Box, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fallbackLanguage } from '../../../../shared/i18n/languages.ts';
import type { AvailabilityDay, RoomType } from '../shared/catalog-types.ts';
import { useLocalized } from '../shared/localized.ts';

export interface GridSelection {
  roomTypeIds: string[];
  from: string;
  to: string;
}

interface CapacityGridProps {
  roomTypes: RoomType[];
  nights: string[];
  days: Map<string, Map<string, AvailabilityDay>>;
  selection: GridSelection | null;
  onSelect: (roomTypeId: string, date: string, extend: boolean) => void;
  onSelectRow: (roomTypeId: string) => void;
  onSelectNight: (date: string) => void;
  today: string;
}

const cellWidth = 52;

export function CapacityGrid(props: CapacityGridProps) {
  const { t, i18n } = useTranslation();
  const local = useLocalized();
  const locale = i18n.resolvedLanguage ?? fallbackLanguage;
  const weekday = useMemo(
    () => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }),
    [locale],
  );
  const longDate = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }),
    [locale],
  );
  const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  const selected = (roomTypeId: string, date: string): boolean =>
    props.selection?.roomTypeIds.includes(roomTypeId) === true &&
    date >= props.selection.from &&
    date <= props.selection.to;

  return (
    <Box style={{ overflowX: 'auto' }} data-testid="capacity-grid">
      <table
        style={{
          borderCollapse: 'separate',
          borderSpacing: 0,
          fontSize: 12,
          minWidth: 200 + cellWidth * props.nights.length,
        }}
        aria-label={t('catalog.capacity.title')}
      >
        <thead>
          <tr>
            <th style={{ ...stickyStyle, textAlign: 'left', padding: '4px 8px', zIndex: 2 }}>
              {t('catalog.capacity.roomType')}
            </th>
            {props.nights.map((date) => (
              <th key={date} style={{ width: cellWidth, padding: 0, fontWeight: 500 }}>
                <UnstyledButton
                  onClick={() => props.onSelectNight(date)}
                  aria-label={t('catalog.capacity.selectNight', {
                    date: longDate.format(new Date(`${date}T00:00:00Z`)),
                  })}
                  style={{
                    width: '100%',
                    padding: '4px 0',
                    textAlign: 'center',
                    borderRadius: 4,
                    color: isWeekend(date) ? 'var(--mantine-color-red-7)' : undefined,
                    background:
                      date === props.today ? 'var(--mantine-color-blue-light)' : undefined,
                  }}
                >
                  <div style={{ fontSize: 10, textTransform: 'uppercase', opacity: 0.7 }}>
                    {weekday.format(new Date(`${date}T00:00:00Z`))}
                  </div>
                  <div style={{ fontSize: 13, fontWeight: 600 }}>{Number(date.slice(8))}</div>
                </UnstyledButton>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.roomTypes.map((room) => (
            <tr key={room.id} data-testid={`capacity-row-${room.code}`}>
              <th
                scope="row"
                style={{ ...stickyStyle, textAlign: 'left', padding: '2px 8px', fontWeight: 400 }}
              >
                <UnstyledButton
                  onClick={() => props.onSelectRow(room.id)}
                  aria-label={t('catalog.capacity.selectRow', { room: room.code })}
                >
                  <Text size="sm" fw={600} span>
                    {room.code}
                  </Text>{' '}
                  <Text size="xs" c="dimmed" span style={{ whiteSpace: 'nowrap' }}>
                    {local(room.name)}
                  </Text>
                </UnstyledButton>
              </th>
              {props.nights.map((date) => {
                const day = props.days.get(room.id)?.get(date);
                return (
                  <td key={date} style={{ padding: 1 }}>
                    <Cell
                      roomCode={room.code}
                      date={date}
                      day={day}
                      selected={selected(room.id, date)}
                      past={date < props.today}
                      label={longDate.format(new Date(`${date}T00:00:00Z`))}
                      onClick={(extend) => props.onSelect(room.id, date, extend)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

const stickyStyle: React.CSSProperties = {
  position: 'sticky',
  left: 0,
  background: 'var(--mantine-color-body)',
  zIndex: 1,
  minWidth: 200,
  maxWidth: 260,
  overflow: 'hidden',
  borderRight: '1px solid var(--mantine-color-default-border)',
};

interface CellProps {
  roomCode: string;
  date: string;
  day: AvailabilityDay | undefined;
  selected: boolean;
  past: boolean;
  label: string;
  onClick: (extend: boolean) => void;
}

function Cell({ roomCode, date, day, selected, past, label, onClick }: CellProps) {
  const { t } = useTranslation();
  const state = !day || day.kind === null ? 'none' : day.stopSale ? 'stop-sale' : day.kind;
  const palette: Record<string, { bg: string; fg: string }> = {
    none: { bg: 'var(--mantine-color-gray-1)', fg: 'var(--mantine-color-gray-6)' },
    'stop-sale': { bg: 'var(--mantine-color-red-2)', fg: 'var(--mantine-color-red-9)' },
    allotment: {
      bg:
        day && day.available === 0
          ? 'var(--mantine-color-orange-1)'
          : 'var(--mantine-color-teal-0)',
      fg: 'var(--mantine-color-dark-7)',
    },
    on_request: { bg: 'var(--mantine-color-indigo-0)', fg: 'var(--mantine-color-indigo-9)' },
  };
  const colors = palette[state] ?? {
    bg: 'var(--mantine-color-gray-1)',
    fg: 'var(--mantine-color-gray-6)',
  };
  const details = day?.kind
    ? [
        label,
        t(`catalog.capacity.kinds.${day.kind}`),
        t('catalog.capacity.cellDetail', {
          capacity: day.capacity,
          sold: day.sold,
          held: day.held,
          available: day.available,
        }),
        day.stopSale ? t('catalog.capacity.stopSale') : null,
        day.minStay ? t('catalog.capacity.minStayValue', { nights: day.minStay }) : null,
        day.closedToArrival ? t('catalog.capacity.closedToArrival') : null,
        day.releaseDays !== null
          ? t('catalog.capacity.releaseValue', { days: day.releaseDays })
          : null,
        day.released ? t('catalog.capacity.released') : null,
      ]
    : [label, t('catalog.capacity.noCapacity')];
  const text = details.filter(Boolean).join(' · ');
  return (
    <Tooltip label={text} withArrow openDelay={400} multiline maw={260}>
      <UnstyledButton
        onClick={(event) => onClick(event.shiftKey)}
        aria-label={`${roomCode}: ${text}`}
        aria-pressed={selected}
        data-testid={`cap-cell-${roomCode}-${date}`}
        data-state={state}
        data-stop-sale={day?.stopSale ? 'true' : 'false'}
        data-selected={selected ? 'true' : 'false'}
        style={{
          display: 'block',
          width: cellWidth - 2,
          height: 40,
          borderRadius: 4,
          background: colors.bg,
          color: colors.fg,
          opacity: past ? 0.5 : 1,
          outline: selected ? '2px solid var(--mantine-color-blue-6)' : undefined,
          outlineOffset: -2,
          textAlign: 'center',
          lineHeight: 1.15,
          position: 'relative',
          backgroundImage: day?.stopSale
            ? 'repeating-linear-gradient(135deg, transparent 0 6px, rgba(224,49,49,0.18) 6px 9px)'
            : undefined,
        }}
      >
        {day?.kind ? (
          <>
            <div style={{ fontWeight: 600, fontSize: 12 }}>
              {day.available}/{day.capacity}
            </div>
            <div style={{ fontSize: 9, textTransform: 'uppercase', letterSpacing: 0.2 }}>
              {day.stopSale
                ? t('catalog.capacity.stopShort')
                : day.kind === 'on_request'
                  ? t('catalog.capacity.onRequestShort')
                  : day.released
                    ? t('catalog.capacity.releasedShort')
                    : t('catalog.capacity.allotmentShort')}
              {day.minStay ? ` ≥${day.minStay}` : ''}
              {day.closedToArrival ? ' ⊘' : ''}
            </div>
          </>
        ) : (
          <div style={{ paddingTop: 10 }}>—</div>
        )}
      </UnstyledButton>
    </Tooltip>
  );
}
