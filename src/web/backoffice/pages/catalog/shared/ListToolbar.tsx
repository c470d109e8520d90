// Above a catalog list: the search box (when the API searches) and active / archived / all.
import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchivedFilter } from './catalog-types.ts';
import { useListFilters } from './list-filters.ts';

export function ListToolbar({
  searchable = true,
  children,
}: {
  searchable?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const filters = useListFilters();
  const [text, setText] = useState(filters.q);
  const search = useDebouncedCallback((value: string) => filters.setQ(value.trim()), 300);
  return (
    <Group mb="md" gap="sm" wrap="wrap">
      {searchable ? (
        <TextInput
          type="search"
          aria-label={t('catalog.search')}
          placeholder={t('catalog.search')}
          leftSection={<IconSearch size={16} stroke={1.5} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            search(event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 280 }}
          data-testid="list-search"
        />
      ) : null}
      {children}
      <SegmentedControl
        aria-label={t('catalog.show')}
        value={filters.archived}
        onChange={(value) => filters.setArchived(value as ArchivedFilter)}
        data={[
          { value: 'false', label: t('catalog.active') },
          { value: 'true', label: t('catalog.archivedOnly') },
          { value: 'all', label: t('catalog.all') },
        ]}
        data-testid="archived-filter"
      />
    </Group>
  );
}
