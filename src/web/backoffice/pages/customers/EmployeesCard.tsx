// The persons who work for a company customer (their employer set on their own page).
import { Anchor, Button, Center, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { SectionCard } from '../bookings/detail/SectionCard.tsx';
import { ArchivedBadge } from './badges.tsx';
import type { Customer } from './customer-types.ts';
import { useEmployees } from './customers-queries.ts';

export function EmployeesCard({ company }: { company: Customer }) {
  const { t } = useTranslation();
  const employees = useEmployees(company.id);
  const rows = useMemo(
    () => employees.data?.pages.flatMap((page) => page.items) ?? [],
    [employees.data],
  );
  return (
    <SectionCard title={t('customers.employees.title')} testId="customer-employees">
      {employees.isPending ? (
        <CenteredLoader />
      ) : employees.isError && rows.length === 0 ? (
        <ProblemAlert error={employees.error} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customers.employees.empty')}
        </Text>
      ) : (
        <Stack gap={6}>
          {rows.map((person) => (
            <Group
              key={person.id}
              gap="xs"
              justify="space-between"
              wrap="nowrap"
              data-testid="employee-row"
            >
              <Group gap={4} wrap="nowrap">
                <Anchor component={Link} to={`/customers/${person.id}`} size="sm" fw={500}>
                  {person.name}
                </Anchor>
                <ArchivedBadge archived={person.archived} />
              </Group>
              <Text size="xs" c="dimmed" truncate>
                {person.email ?? ''}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {employees.hasNextPage ? (
        <Center mt="sm">
          <Button
            variant="light"
            size="compact-sm"
            onClick={() => void employees.fetchNextPage()}
            loading={employees.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Center>
      ) : null}
    </SectionCard>
  );
}
