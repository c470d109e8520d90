// Names for the ids a price list's cells hold: the room types of a tour's accommodation and
// the ticket types of an attraction, looked up from the list's product.
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api.ts';
import { catalogKeys, resourcePath } from '../catalog/shared/catalog-queries.ts';
import type {
  Accommodation,
  Attraction,
  PriceList,
  Tour,
} from '../catalog/shared/catalog-types.ts';
import { useLocalized } from '../catalog/shared/localized.ts';

export interface DimensionOption {
  value: string;
  label: string;
}

export function useDimensionLabels(list: PriceList | undefined) {
  const local = useLocalized();
  const productKind = list?.productKind;
  const productId = list?.productId ?? '';
  const tour = useQuery({
    queryKey: catalogKeys.detail('tours', productId),
    queryFn: () => apiFetch<Tour>(resourcePath('tours', productId)),
    enabled: productKind === 'tour',
  });
  const accommodationId = tour.data?.accommodationId ?? '';
  const accommodation = useQuery({
    queryKey: catalogKeys.detail('accommodations', accommodationId),
    queryFn: () => apiFetch<Accommodation>(resourcePath('accommodations', accommodationId)),
    enabled: Boolean(accommodationId),
  });
  const attraction = useQuery({
    queryKey: catalogKeys.detail('attractions', productId),
    queryFn: () => apiFetch<Attraction>(resourcePath('attractions', productId)),
    enabled: productKind === 'attraction',
  });
  const roomTypes: DimensionOption[] = (accommodation.data?.roomTypes ?? []).map((room) => ({
    value: room.id,
    label: `${room.code} · ${local(room.name)}`,
  }));
  const ticketTypes: DimensionOption[] = (attraction.data?.ticketTypes ?? []).map((ticket) => ({
    value: ticket.id,
    label: local(ticket.name),
  }));
  const roomCode = new Map(
    (accommodation.data?.roomTypes ?? []).map((room) => [room.id, room.code]),
  );
  return {
    productName:
      productKind === 'tour'
        ? local(tour.data?.name)
        : productKind === 'attraction'
          ? local(attraction.data?.name)
          : '',
    roomTypes,
    ticketTypes,
    roomTypeCode: (id: string) => roomCode.get(id) ?? id.slice(0, 8),
    ticketTypeName: (id: string) =>
      ticketTypes.find((t) => t.value === id)?.label ?? id.slice(0, 8),
  };
}
