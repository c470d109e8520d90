// One deck of a seat map: a CSS grid of seats (buttons, coloured by booking, named for screen
// readers), doors, toilets and the like drawn in their cells, the aisle left empty. It scrolls
// inside its own box when the deck is wider than the screen.
import { Box, Text, Tooltip, UnstyledButton } from '@mantine/core';
import {
  IconBan,
  IconDoor,
  IconDoorExit,
  IconLuggage,
  IconMicrophone,
  IconStairs,
  IconSteeringWheel,
  IconTable,
  IconToiletPaper,
  IconToolsKitchen2,
  IconUserStar,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { CSSProperties, DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeckGrid, MapFeature, MapSeat, PaletteColour } from './seat-map.ts';

export const seatSize = 40;
const aisleSize = 18;

export function colourVar(colour: PaletteColour): string {
  return `var(--mantine-color-${colour.replace('.', '-')})`;
}

const featureIcons = {
  door: IconDoor,
  toilet: IconToiletPaper,
  stairs: IconStairs,
  galley: IconToolsKitchen2,
  exit: IconDoorExit,
  wheel: IconSteeringWheel,
  luggage: IconLuggage,
  table: IconTable,
} as const;

const blockedIcons: Record<string, typeof IconBan> = {
  driver: IconSteeringWheel,
  guide: IconMicrophone,
  crew: IconUserStar,
};

/** A seat in words, for its tooltip and for screen readers: state, who sits there, why held. */
export function seatLabel(seat: MapSeat, t: TFunction): string {
  const label = seat.label;
  switch (seat.state) {
    case 'sold':
      return t('catalog.seatMap.seatSold', {
        label,
        name:
          seat.booking?.name ??
          t('catalog.seatMap.traveller', { n: (seat.booking?.travellerIndex ?? 0) + 1 }),
        number: seat.booking?.number ?? '',
      });
    case 'held':
      return t('catalog.seatMap.seatHeld', { label, note: seat.held ?? '' });
    case 'blocked':
      return t('catalog.seatMap.seatBlocked', {
        what: t(`catalog.seatMap.blockReasons.${(seat.blocked ?? 'other') as 'other'}`, { label }),
      });
    default:
      return t('catalog.seatMap.seatFree', { label });
  }
}

/** How a seat looks in each state; a sold seat takes its booking's colour. */
export function seatStyle(seat: MapSeat, colour: PaletteColour | undefined): CSSProperties {
  switch (seat.state) {
    case 'sold':
      return {
        background: colour ? colourVar(colour) : 'var(--mantine-color-blue-6)',
        color: 'var(--mantine-color-white)',
        border: '1px solid transparent',
      };
    case 'held':
      return {
        background:
          'repeating-linear-gradient(45deg, var(--mantine-color-yellow-2), var(--mantine-color-yellow-2) 5px, var(--mantine-color-yellow-4) 5px, var(--mantine-color-yellow-4) 10px)',
        color: 'var(--mantine-color-dark-7)',
        border: '1px solid var(--mantine-color-yellow-7)',
      };
    case 'blocked':
      return {
        background: 'var(--mantine-color-gray-6)',
        color: 'var(--mantine-color-white)',
        border: '1px solid var(--mantine-color-gray-7)',
      };
    default:
      return {
        background: 'var(--mantine-color-body)',
        color: 'var(--mantine-color-text)',
        border: '1px solid var(--mantine-color-gray-5)',
      };
  }
}

interface SeatGridProps {
  grid: DeckGrid;
  colours: Map<string, PaletteColour>;
  picked: string | null;
  /** A booking to stand out (from the booking's page); the others are dimmed. */
  focusBooking: string | null;
  canMove: boolean;
  onSeat: (seat: MapSeat, dragFrom?: string) => void;
  onDragPick: (seat: MapSeat) => void;
}

export function SeatGrid({
  grid,
  colours,
  picked,
  focusBooking,
  canMove,
  onSeat,
  onDragPick,
}: SeatGridProps) {
  const { t } = useTranslation();
  const aisles = new Set(grid.aisleColumns);
  const columns = Array.from({ length: grid.columns }, (_, i) =>
    aisles.has(i + 1) ? `${aisleSize}px` : `${seatSize}px`,
  ).join(' ');
  return (
    <Box style={{ overflowX: 'auto', maxWidth: '100%' }} data-testid="seat-grid-scroll">
      <Box
        data-testid="seat-grid"
        style={{
          display: 'grid',
          gridTemplateColumns: columns,
          gridTemplateRows: `repeat(${grid.rows}, ${seatSize}px)`,
          gap: 6,
          width: 'max-content',
          margin: '0 auto',
          padding: 4,
        }}
      >
        {grid.items.map((item) => {
          const area = {
            gridRow: `${item.row} / span ${item.kind === 'feature' ? item.rows : 1}`,
            gridColumn: `${item.column} / span ${item.kind === 'feature' ? item.columns : 1}`,
          };
          if (item.kind === 'feature') {
            return (
              <FeatureCell
                key={`f-${item.row}-${item.column}-${item.feature.kind}`}
                feature={item.feature}
                style={area}
              />
            );
          }
          const { seat } = item;
          const colour = seat.booking ? colours.get(seat.booking.id) : undefined;
          const label = seatLabel(seat, t);
          const dimmed =
            focusBooking !== null && seat.state === 'sold' && seat.booking?.id !== focusBooking;
          const isPicked = picked === seat.seatId;
          const BlockedIcon = seat.blocked ? (blockedIcons[seat.blocked] ?? IconBan) : null;
          const droppable = canMove && seat.state !== 'blocked' && seat.state !== 'held';
          return (
            <Tooltip
              key={seat.seatId}
              label={label}
              withinPortal
              openDelay={150}
              multiline
              maw={240}
            >
              <UnstyledButton
                data-testid="seat"
                data-seat={seat.seatId}
                data-state={seat.state}
                data-booking={seat.booking?.number}
                aria-label={label}
                aria-pressed={isPicked}
                onClick={() => onSeat(seat)}
                draggable={canMove && seat.state === 'sold'}
                onDragStart={(event: DragEvent) => {
                  event.dataTransfer.setData('text/plain', seat.seatId);
                  event.dataTransfer.effectAllowed = 'move';
                  onDragPick(seat);
                }}
                onDragOver={(event: DragEvent) => {
                  if (droppable) event.preventDefault();
                }}
                onDrop={(event: DragEvent) => {
                  event.preventDefault();
                  const from = event.dataTransfer.getData('text/plain');
                  if (from && from !== seat.seatId) onSeat(seat, from);
                }}
                style={{
                  ...area,
                  ...seatStyle(seat, colour),
                  borderRadius: '8px 8px 4px 4px',
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  fontSize: 12,
                  fontWeight: 600,
                  opacity: dimmed ? 0.35 : 1,
                  outline: isPicked ? '3px solid var(--mantine-color-yellow-5)' : undefined,
                  outlineOffset: 2,
                  boxShadow: isPicked ? '0 0 0 5px var(--mantine-color-dark-6)' : undefined,
                  cursor: seat.state === 'blocked' ? 'not-allowed' : 'pointer',
                  overflow: 'hidden',
                }}
              >
                {BlockedIcon ? (
                  <BlockedIcon size={20} stroke={1.5} aria-hidden />
                ) : (
                  <Text span inherit lh={1} style={{ whiteSpace: 'nowrap' }}>
                    {seat.label}
                  </Text>
                )}
              </UnstyledButton>
            </Tooltip>
          );
        })}
      </Box>
    </Box>
  );
}

function FeatureCell({ feature, style }: { feature: MapFeature; style: CSSProperties }) {
  const { t } = useTranslation();
  const Icon = featureIcons[feature.kind];
  const name = t(`catalog.seatMap.features.${feature.kind}`);
  return (
    <Tooltip label={name} withinPortal openDelay={150}>
      <Box
        role="img"
        aria-label={name}
        data-testid="seat-feature"
        data-kind={feature.kind}
        style={{
          ...style,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          borderRadius: 6,
          border: '1px dashed var(--mantine-color-gray-5)',
          background: 'var(--mantine-color-gray-1)',
          color: 'var(--mantine-color-gray-7)',
        }}
      >
        <Icon size={20} stroke={1.5} aria-hidden />
      </Box>
    </Tooltip>
  );
}
