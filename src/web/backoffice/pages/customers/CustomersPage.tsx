// The customers staff look up while on the phone: one search box over names, e-mails and
// company ids (accents and case do not matter), persons and companies, active or archived,
// all kept in the address bar. Rows open the customer.
import { Button, Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { DebouncedTextInput } from '../bookings/DebouncedTextInput.tsx';
import { CustomersTable } from './CustomersTable.tsx';
import { customerPermissionsOf } from './customer-types.ts';
import { useCustomers } from './customers-queries.ts';
import { type CustomerFilters, customerFilterParams, parseCustomerFilters } from './list-params.ts';

export function CustomersPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const can = customerPermissionsOf(me.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseCustomerFilters(searchParams), [searchParams]);
  const customers = useCustomers(filters);
  const rows = useMemo(
    () => customers.data?.pages.flatMap((page) => page.items) ?? [],
    [customers.data],
  );

  // The address bar, not this render's copy of it, is the state: two quick changes (the
  // router renders in a transition) must not undo each other.
  const update = (change: Partial<CustomerFilters>) => {
    const current = parseCustomerFilters(new URLSearchParams(window.location.search));
    setSearchParams(customerFilterParams({ ...current, ...change }), { replace: true });
  };
  const narrowed = filters.q !== undefined || filters.kind !== undefined;

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.intro')}
        actions={
          can.edit ? (
            <Button
              component={Link}
              to="/customers/new"
              leftSection={<IconPlus size={18} stroke={1.5} />}
              data-testid="new-customer"
            >
              {t('customers.newCustomer')}
            </Button>
          ) : null
        }
      />
      <DebouncedTextInput
        aria-label={t('customers.searchLabel')}
        placeholder={t('customers.searchPlaceholder')}
        leftSection={<IconSearch size={16} stroke={1.5} />}
        value={filters.q}
        onCommit={(q) => update({ q })}
        size="md"
        mb="md"
        autoFocus
        data-testid="customer-search"
        type="search"
      />
      <Group justify="space-between" mb="sm" gap="sm">
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('customers.kindFilter')}
            value={filters.kind ?? 'any'}
            onChange={(value) =>
              update({ kind: value === 'person' || value === 'company' ? value : undefined })
            }
            data={[
              { value: 'any', label: t('customers.kindAny') },
              { value: 'person', label: t('customers.kinds.person') },
              { value: 'company', label: t('customers.kinds.company') },
            ]}
            data-testid="customer-kind-filter"
          />
          <SegmentedControl
            aria-label={t('customers.archivedFilter')}
            value={filters.archived}
            onChange={(value) =>
              update({ archived: value === 'true' || value === 'all' ? value : 'false' })
            }
            data={[
              { value: 'false', label: t('customers.active') },
              { value: 'true', label: t('customers.archivedOnly') },
              { value: 'all', label: t('customers.all') },
            ]}
            data-testid="customer-archived-filter"
          />
        </Group>
        <Group gap="xs">
          {customers.isFetching && !customers.isFetchingNextPage ? <Loader size="xs" /> : null}
          <Text size="sm" c="dimmed" data-testid="customers-count">
            {customers.hasNextPage
              ? t('customers.shownMore', { count: rows.length })
              : t('customers.shown', { count: rows.length })}
          </Text>
        </Group>
      </Group>
      <CustomersTable
        query={customers}
        rows={rows}
        emptyText={narrowed ? t('customers.empty') : t('customers.emptyAll')}
        listSearch={searchParams.toString()}
      />
    </>
  );
}
