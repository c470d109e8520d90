// Picks one of the agency's active suppliers (or none).
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAllItems } from './catalog-queries.ts';
import type { Supplier } from './catalog-types.ts';

export function SupplierSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const suppliers = useAllItems<Supplier>('suppliers');
  return (
    <Select
      label={t('catalog.supplier')}
      placeholder={t('catalog.noSupplier')}
      searchable
      clearable
      nothingFoundMessage={t('catalog.nothingFound')}
      data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      {...props}
    />
  );
}
