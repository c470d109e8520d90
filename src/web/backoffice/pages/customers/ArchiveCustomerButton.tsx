// Archive or restore a customer, after a confirmation: an archived customer leaves the lists
// and the booking screens' search; their bookings keep them. Nothing is deleted.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import type { Customer } from './customer-types.ts';
import { useArchiveCustomer } from './customers-queries.ts';

export function ArchiveCustomerButton({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  const archive = useArchiveCustomer(customer.id);
  const archiving = !customer.archived;

  function confirm() {
    archive.mutate(archiving, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          message: t(archiving ? 'customers.archivedDone' : 'customers.restoredDone', {
            name: saved.name,
          }),
        });
        modal.close();
      },
    });
  }

  return (
    <>
      <Button
        variant={archiving ? 'default' : 'light'}
        color={archiving ? 'gray' : 'teal'}
        leftSection={
          archiving ? (
            <IconArchive size={18} stroke={1.5} />
          ) : (
            <IconRestore size={18} stroke={1.5} />
          )
        }
        onClick={modal.open}
        data-testid={archiving ? 'customer-archive' : 'customer-restore'}
      >
        {archiving ? t('customers.archive') : t('customers.restore')}
      </Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        onExitTransitionEnd={() => archive.reset()}
        title={archiving ? t('customers.archiveTitle') : t('customers.restoreTitle')}
      >
        <Stack>
          <Text size="sm">
            {archiving
              ? t('customers.archiveText', { name: customer.name })
              : t('customers.restoreText', { name: customer.name })}
          </Text>
          {archive.isError ? (
            <ProblemAlert error={archive.error} title={t('customers.archiveFailed')} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              {t('common.cancel')}
            </Button>
            <Button
              color={archiving ? 'red' : 'teal'}
              loading={archive.isPending}
              onClick={confirm}
              data-testid="customer-archive-confirm"
            >
              {archiving ? t('customers.archive') : t('customers.restore')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
