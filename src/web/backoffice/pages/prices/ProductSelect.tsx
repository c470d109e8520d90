// Picks a product of one kind (tour, transport, attraction, extra service) by name.
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAllItems } from '../catalog/shared/catalog-queries.ts';
import type {
  Attraction,
  ExtraService,
  ProductKind,
  Tour,
  Transport,
} from '../catalog/shared/catalog-types.ts';
import { useLocalized } from '../catalog/shared/localized.ts';

export function useProductOptions(kind: ProductKind | null) {
  const local = useLocalized();
  const tours = useAllItems<Tour>('tours', { archived: 'all' });
  const transport = useAllItems<Transport>('transport', { archived: 'all' });
  const attractions = useAllItems<Attraction>('attractions', { archived: 'all' });
  const services = useAllItems<ExtraService>('extra-services', { archived: 'all' });
  const all = {
    tour: (tours.data ?? []).map((x) => ({ value: x.id, label: `${x.code} · ${local(x.name)}` })),
    transport: (transport.data ?? []).map((x) => ({ value: x.id, label: `${x.code} · ${x.name}` })),
    attraction: (attractions.data ?? []).map((x) => ({ value: x.id, label: local(x.name) })),
    extra_service: (services.data ?? []).map((x) => ({
      value: x.id,
      label: `${x.code} · ${local(x.name)}`,
    })),
  };
  return {
    options: kind
      ? all[kind]
      : [...all.tour, ...all.transport, ...all.attraction, ...all.extra_service],
    nameOf: (id: string) =>
      [...all.tour, ...all.transport, ...all.attraction, ...all.extra_service].find(
        (o) => o.value === id,
      )?.label ?? '',
  };
}

export function ProductSelect({
  kind,
  ...props
}: Omit<SelectProps, 'data'> & { kind: ProductKind | null }) {
  const { t } = useTranslation();
  const { options } = useProductOptions(kind);
  return (
    <Select
      label={t('catalog.prices.product')}
      searchable
      nothingFoundMessage={t('catalog.nothingFound')}
      data={options}
      {...props}
    />
  );
}
