// A departure's seat map from the API, and the work done on it: moving or swapping travellers,
// holding a free seat and giving it back. Each answer is the whole map, so it replaces the
// cached one at once; the transport's seat counts and the bookings' seats are refreshed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../../shared/api.ts';
import type { Role } from '../../../../shared/identity.ts';
import { bookingKeys } from '../../bookings/bookings-queries.ts';
import { catalogKeys } from '../shared/catalog-queries.ts';
import type { DepartureSeatMap } from './seat-map.ts';

/** Who may move travellers and hold seats (the API's seatMovers); the accountant reads only. */
export const seatMoverRoles: readonly Role[] = ['admin', 'agent', 'customer_service'];

export const seatMapKey = (departureId: string) =>
  [...catalogKeys.resource('transport-departures'), 'seats', departureId] as const;

const seatsPath = (departureId: string) =>
  `/api/v1/transport-departures/${encodeURIComponent(departureId)}/seats`;

export function useSeatMap(departureId: string) {
  return useQuery({
    queryKey: seatMapKey(departureId),
    queryFn: () => apiFetch<DepartureSeatMap>(seatsPath(departureId)),
    enabled: Boolean(departureId),
  });
}

function useSeatMapChange<Input>(
  departureId: string,
  request: (input: Input) => Promise<DepartureSeatMap>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (map) => {
      const { warnings: _warnings, ...view } = map;
      queryClient.setQueryData(seatMapKey(departureId), view);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: catalogKeys.resource('transport') }),
        queryClient.invalidateQueries({ queryKey: bookingKeys.all }),
      ]);
    },
    // Someone else changed the map meanwhile (409): show it as it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: seatMapKey(departureId) }),
  });
}

/** The traveller on `from` moves to `to`, swapping with whoever sits there. */
export function useSwapSeats(departureId: string) {
  return useSeatMapChange(departureId, (input: { from: string; to: string }) =>
    apiFetch<DepartureSeatMap>(`${seatsPath(departureId)}/swap`, { method: 'POST', body: input }),
  );
}

/** Holds a free seat out of sale with a note, or gives it back (`held: null`). */
export function useHoldSeat(departureId: string) {
  return useSeatMapChange(departureId, (input: { seatId: string; held: string | null }) =>
    apiFetch<DepartureSeatMap>(`${seatsPath(departureId)}/${encodeURIComponent(input.seatId)}`, {
      method: 'PATCH',
      body: { held: input.held },
    }),
  );
}
