// One customer as staff look after them: everything the agency keeps about them (editable by
// those who sell), their bookings, and for a company its employees and approvers.
import { Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../shared/api.ts';
import { useFormat } from '../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { permissionsOf } from '../bookings/permissions.ts';
import { BackLink } from '../catalog/shared/BackLink.tsx';
import { ApproversCard } from './ApproversCard.tsx';
import { ArchiveCustomerButton } from './ArchiveCustomerButton.tsx';
import { ArchivedBadge, KindBadge } from './badges.tsx';
import { CustomerBookingsCard } from './CustomerBookingsCard.tsx';
import { CustomerForm } from './CustomerForm.tsx';
import { customerDefaults } from './customer-defaults.ts';
import { customerPermissionsOf } from './customer-types.ts';
import { useCustomerRecord } from './customers-queries.ts';
import { EmployeesCard } from './EmployeesCard.tsx';

export function CustomerDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useSignedInUser();
  const can = customerPermissionsOf(me.role);
  const bookingPermissions = permissionsOf(me.role);
  const record = useCustomerRecord(id);
  // Back to the list as it was left (its search rides along in the navigation state).
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch;
  const back = (
    <BackLink
      to={listSearch ? `/customers?${listSearch}` : '/customers'}
      label={t('customers.backToList')}
    />
  );

  if (record.isPending) return <CenteredLoader />;
  if (record.isError) {
    const missing = record.error instanceof ApiError && record.error.status === 404;
    return (
      <Stack>
        {back}
        {missing ? (
          <Text c="dimmed" data-testid="customer-not-found">
            {t('customers.notFound')}
          </Text>
        ) : (
          <ProblemAlert error={record.error} />
        )}
      </Stack>
    );
  }
  const customer = record.data;

  return (
    <>
      {back}
      <PageHeader
        title={customer.name}
        description={
          <Group gap="xs" component="span">
            <KindBadge kind={customer.kind} />
            <ArchivedBadge archived={customer.archived} />
            <Text span size="sm" c="dimmed" data-testid="customer-created">
              {t('customers.createdAt', { date: format.dateTime(customer.createdAt) })}
              {customer.updatedAt !== customer.createdAt
                ? ` · ${t('customers.updatedAt', { date: format.dateTime(customer.updatedAt) })}`
                : ''}
            </Text>
          </Group>
        }
        actions={
          <>
            {bookingPermissions.markActions && !customer.archived ? (
              <Button
                component={Link}
                to={`/bookings/new?customerId=${customer.id}`}
                variant="light"
                leftSection={<IconPlus size={18} stroke={1.5} />}
                data-testid="customer-new-booking"
              >
                {t('bookings.newBooking')}
              </Button>
            ) : null}
            {can.edit ? <ArchiveCustomerButton customer={customer} /> : null}
          </>
        }
      />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <CustomerForm
            customer={customer}
            defaults={customerDefaults(me.agency)}
            readOnly={!can.edit}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <CustomerBookingsCard customer={customer} />
            {customer.kind === 'company' ? (
              <>
                <ApproversCard customer={customer} can={can} />
                <EmployeesCard company={customer} />
              </>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
