// A transport departure's seat map for staff: the decks as drawn by the layout, each seat
// coloured by the booking sitting there, the bookings with their travellers beside it, and the
// seats per class on the map and in the inventory. Staff who keep bookings move a traveller
// (pick them, then a free seat), swap two (pick both; dragging works too) and hold free seats
// with a note; the accountant reads only.
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHandClick, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../../shared/api.ts';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx';
import { ProblemAlert, problemText } from '../../../../shared/ui/ProblemAlert.tsx';
import { useSignedInUser } from '../../../auth/signed-in-user.ts';
import { BackLink } from '../shared/BackLink.tsx';
import { useRecord } from '../shared/catalog-queries.ts';
import type { Transport } from '../shared/catalog-types.ts';
import { SeatGrid, seatLabel } from './SeatGrid.tsx';
import { BookingsList, ClassCounts, Legend } from './SeatMapPanels.tsx';
import { HoldSeatModal, SplitConfirmModal } from './SeatModals.tsx';
import {
  bookingColours,
  clickSeat,
  type DepartureSeatMap,
  deckGrid,
  type MapSeat,
  partiesSplit,
  type Selection,
  seatedBookings,
} from './seat-map.ts';
import { seatMoverRoles, useHoldSeat, useSeatMap, useSwapSeats } from './seatmap-queries.ts';

export function seatMapPath(transportId: string, departureId: string, bookingId?: string) {
  const path = `/catalog/transport/${transportId}/departures/${departureId}/seats`;
  return bookingId ? `${path}?booking=${encodeURIComponent(bookingId)}` : path;
}

/** `/catalog/transport-departures/:departureId/seats`: from a booking, which knows only the departure. */
export function DepartureSeatMapRedirect() {
  const { departureId = '' } = useParams();
  const [search] = useSearchParams();
  const map = useSeatMap(departureId);
  if (map.isPending) return <CenteredLoader />;
  if (map.isError) return <ProblemAlert error={map.error} />;
  return (
    <Navigate
      replace
      to={seatMapPath(map.data.transportId, departureId, search.get('booking') ?? undefined)}
    />
  );
}

export function SeatMapPage() {
  const { t } = useTranslation();
  const { id = '', departureId = '' } = useParams();
  const [search] = useSearchParams();
  const fromBooking = search.get('booking');
  const transport = useRecord<Transport>('transport', id);
  const map = useSeatMap(departureId);

  if (map.isPending || transport.isPending) return <CenteredLoader />;
  if (map.isError) return <ProblemAlert error={map.error} />;
  if (transport.isError) return <ProblemAlert error={transport.error} />;
  const back = fromBooking ? (
    <BackLink to={`/bookings/${fromBooking}`} label={t('catalog.seatMap.backToBooking')} />
  ) : (
    <BackLink
      to={`/catalog/transport/${id}`}
      label={`${transport.data.code} · ${transport.data.name}`}
    />
  );
  return (
    <>
      {back}
      <SeatMapView view={map.data} transport={transport.data} focusBooking={fromBooking} />
    </>
  );
}

function SeatMapView({
  view,
  transport,
  focusBooking,
}: {
  view: DepartureSeatMap;
  transport: Transport;
  focusBooking: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSignedInUser();
  const canMove = seatMoverRoles.includes(me.role);
  const [selection, setSelection] = useState<Selection>({ picked: null });
  const [deck, setDeck] = useState('0');
  const [holding, setHolding] = useState<MapSeat | null>(null);
  const [pending, setPending] = useState<{ from: string; to: string; splits: string[] } | null>(
    null,
  );
  const swap = useSwapSeats(view.departureId);
  const hold = useHoldSeat(view.departureId);

  const seats = view.seats;
  const bookings = useMemo(() => seatedBookings(seats), [seats]);
  const colours = useMemo(() => bookingColours(bookings), [bookings]);
  const numberOf = (bookingId: string) =>
    bookings.find((b) => b.id === bookingId)?.number ?? bookingId;
  const picked = selection.picked ? seats.find((s) => s.seatId === selection.picked) : undefined;

  function runMove(from: string, to: string, splits: string[]) {
    const mover = seats.find((s) => s.seatId === from);
    const target = seats.find((s) => s.seatId === to);
    swap.mutate(
      { from, to },
      {
        onSuccess: (answer) => {
          setPending(null);
          notifications.show({
            color: 'teal',
            title:
              target?.state === 'sold' ? t('catalog.seatMap.swapped') : t('catalog.seatMap.moved'),
            message: t('catalog.seatMap.movedText', {
              name: mover?.booking?.name ?? mover?.booking?.number ?? '',
              label: target?.label ?? to,
            }),
          });
          // The server says which parties no longer sit together (by booking id).
          const split = new Set(splits);
          for (const warning of answer.warnings ?? []) {
            const found = /booking (\S+)/.exec(warning)?.[1];
            if (found) split.add(found);
          }
          if (split.size > 0) {
            notifications.show({
              color: 'yellow',
              title: t('catalog.seatMap.confirmTitle'),
              message: t('catalog.seatMap.splitWarning', {
                numbers: [...split].map(numberOf).join(', '),
              }),
            });
          }
        },
        onError: (error) => {
          setPending(null);
          const taken = error instanceof ApiError && error.status === 409;
          notifications.show({
            color: 'red',
            title: t('catalog.seatMap.moveFailed'),
            message: taken
              ? `${t('catalog.seatMap.taken')} (${problemText(error, '', '')})`
              : problemText(error, t('errors.unreachable'), t('errors.unexpected')),
          });
        },
      },
    );
  }

  function onSeat(seat: MapSeat, dragFrom?: string) {
    const outcome = clickSeat(dragFrom ? { picked: dragFrom } : selection, seat, canMove, seats);
    setSelection(outcome.selection);
    if (outcome.refusal) {
      notifications.show({
        color: 'yellow',
        message: t(`catalog.seatMap.refusals.${outcome.refusal}`),
      });
    }
    const action = outcome.action;
    if (!action) return;
    if (action.kind === 'hold' || action.kind === 'release') {
      setHolding(seat);
      return;
    }
    const splits = partiesSplit(seats, action.from, action.to);
    if (splits.length > 0) setPending({ from: action.from, to: action.to, splits });
    else runMove(action.from, action.to, []);
  }

  function submitHold(held: string | null) {
    if (!holding) return;
    const seat = holding;
    hold.mutate(
      { seatId: seat.seatId, held },
      {
        onSuccess: () => {
          setHolding(null);
          notifications.show({
            color: 'teal',
            message: held
              ? t('catalog.seatMap.heldDone', { label: seat.label })
              : t('catalog.seatMap.released', { label: seat.label }),
          });
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: t('catalog.seatMap.holdFailed'),
            message: problemText(error, t('errors.unreachable'), t('errors.unexpected')),
          }),
      },
    );
  }

  const decks = view.layout?.decks ?? [];
  const drawDeck = (index: number) => {
    const drawn = decks[index];
    if (!drawn) return null;
    return (
      <SeatGrid
        grid={deckGrid(drawn, index, seats)}
        colours={colours}
        picked={selection.picked}
        focusBooking={focusBooking}
        canMove={canMove}
        onSeat={onSeat}
        onDragPick={(seat) => setSelection({ picked: seat.seatId })}
      />
    );
  };

  return (
    <>
      <PageHeader
        title={t('catalog.seatMap.title', { code: transport.code, date: format.date(view.date) })}
        description={
          <Group gap="xs" wrap="wrap">
            {view.layout ? <Text span>{view.layout.name}</Text> : null}
            <Badge variant="light" color={view.status === 'open' ? 'teal' : 'gray'}>
              {t(`catalog.statuses.${view.status as 'open'}`)}
            </Badge>
          </Group>
        }
      />
      {view.layout === null ? (
        <Alert
          color="gray"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          mb="md"
          data-testid="no-layout"
        >
          {t('catalog.seatMap.noLayout')}
        </Alert>
      ) : null}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p="md" data-testid="seat-map">
            {picked?.booking && canMove ? (
              <Alert
                color="yellow"
                variant="light"
                mb="sm"
                icon={<IconHandClick aria-hidden />}
                data-testid="seat-picked"
              >
                <Group justify="space-between" gap="xs">
                  <Text size="sm" style={{ flex: '1 1 200px' }}>
                    {t('catalog.seatMap.picked', {
                      name:
                        picked.booking.name ??
                        t('catalog.seatMap.traveller', { n: picked.booking.travellerIndex + 1 }),
                      label: picked.label,
                      number: picked.booking.number,
                    })}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setSelection({ picked: null })}
                  >
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Alert>
            ) : picked ? (
              <Text size="sm" mb="sm" data-testid="seat-picked">
                {seatLabel(picked, t)}
              </Text>
            ) : (
              <Text size="sm" c="dimmed" mb="sm">
                {canMove ? t('catalog.seatMap.help') : t('catalog.seatMap.readOnly')}
              </Text>
            )}
            {decks.length > 1 ? (
              <Tabs value={deck} onChange={(value) => setDeck(value ?? '0')}>
                <Tabs.List mb="sm">
                  {decks.map((d, index) => (
                    <Tabs.Tab key={d.id} value={String(index)}>
                      {d.name ?? t('catalog.seatMap.deck', { n: index + 1 })}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                {decks.map((d, index) => (
                  <Tabs.Panel key={d.id} value={String(index)}>
                    {drawDeck(index)}
                  </Tabs.Panel>
                ))}
              </Tabs>
            ) : (
              drawDeck(0)
            )}
            {view.layout ? <Legend /> : null}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ClassCounts classes={view.classes} />
            <BookingsList
              bookings={bookings}
              colours={colours}
              picked={selection.picked}
              focusBooking={focusBooking}
              onTraveller={(seatId) => {
                const seat = seats.find((s) => s.seatId === seatId);
                if (seat) onSeat(seat);
              }}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <HoldSeatModal
        seat={holding}
        busy={hold.isPending}
        onClose={() => setHolding(null)}
        onSubmit={submitHold}
      />
      <SplitConfirmModal
        numbers={pending ? pending.splits.map(numberOf) : null}
        busy={swap.isPending}
        onClose={() => setPending(null)}
        onConfirm={() => pending && runMove(pending.from, pending.to, pending.splits)}
      />
    </>
  );
}
