// The agency's price lists: one per product, currency and customer, each opening its matrix.
import { Badge, Button, Group, Select, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PagedTable } from '../../../shared/ui/PagedTable.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { ArchiveButton } from '../catalog/shared/ArchiveButton.tsx';
import { ArchivedBadge } from '../catalog/shared/ArchivedBadge.tsx';
import { usePagedList } from '../catalog/shared/catalog-queries.ts';
import type { PriceListSummary } from '../catalog/shared/catalog-types.ts';
import { ListToolbar } from '../catalog/shared/ListToolbar.tsx';
import { useListFilters } from '../catalog/shared/list-filters.ts';
import { RowLink } from '../catalog/shared/RowLink.tsx';
import { NewPriceListModal } from './NewPriceListModal.tsx';
import { useProductOptions } from './ProductSelect.tsx';

export function PriceListsPage() {
  const { t } = useTranslation();
  const filters = useListFilters();
  const [params, setParams] = useSearchParams();
  const productId = params.get('productId') ?? '';
  const products = useProductOptions(null);
  const [creating, createModal] = useDisclosure(false);
  const list = usePagedList<PriceListSummary>('price-lists', {
    archived: filters.archived,
    productId,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('catalog.tabs.priceLists')}
        description={t('catalog.prices.intro')}
        actions={
          <Button
            leftSection={<IconPlus size={18} stroke={1.5} />}
            onClick={createModal.open}
            data-testid="new-price-list"
          >
            {t('catalog.prices.newList')}
          </Button>
        }
      />
      <ListToolbar searchable={false}>
        <Select
          aria-label={t('catalog.prices.product')}
          placeholder={t('catalog.prices.allProducts')}
          searchable
          clearable
          data={products.options}
          value={productId || null}
          onChange={(value) =>
            setParams((current) => {
              const next = new URLSearchParams(current);
              if (value) next.set('productId', value);
              else next.delete('productId');
              return next;
            })
          }
          w={{ base: '100%', sm: 320 }}
        />
      </ListToolbar>
      <PagedTable
        query={list}
        rowCount={rows.length}
        columnCount={6}
        minWidth={760}
        label={t('catalog.tabs.priceLists')}
        testId="price-lists-table"
        emptyText={t('catalog.prices.empty')}
        head={
          <>
            <Table.Th>{t('catalog.name')}</Table.Th>
            <Table.Th>{t('catalog.prices.product')}</Table.Th>
            <Table.Th>{t('catalog.currency')}</Table.Th>
            <Table.Th>{t('catalog.prices.periods')}</Table.Th>
            <Table.Th>{t('catalog.prices.rows')}</Table.Th>
            <Table.Th w={60} />
          </>
        }
      >
        {rows.map((item) => (
          <Table.Tr key={item.id} data-testid="price-list-row">
            <Table.Td>
              <RowLink to={`/prices/lists/${item.id}`} testId="price-list-link">
                {item.name}
              </RowLink>
              {item.customerId ? (
                <Badge size="sm" variant="light" color="grape" ml="xs">
                  {t('catalog.prices.corporate')}
                </Badge>
              ) : null}
              <ArchivedBadge archived={item.archived} />
            </Table.Td>
            <Table.Td>
              <Badge variant="outline" size="sm" mr={6}>
                {t(`catalog.prices.productKinds.${item.productKind}`)}
              </Badge>
              {products.nameOf(item.productId)}
            </Table.Td>
            <Table.Td>{item.currency}</Table.Td>
            <Table.Td>{item.periods.map((p) => p.code).join(', ')}</Table.Td>
            <Table.Td>{item.rowCount}</Table.Td>
            <Table.Td>
              <Group justify="flex-end">
                <ArchiveButton
                  resource="price-lists"
                  id={item.id}
                  archived={item.archived}
                  name={item.name}
                />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
      <NewPriceListModal opened={creating} onClose={createModal.close} />
    </>
  );
}
