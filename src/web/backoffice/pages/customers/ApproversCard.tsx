// Who approves a company's bookings that break its travel policy (B9): users with the
// approver role (GET /api/v1/approvers names them to all staff), added and removed here by
// those who edit customers.
import { ActionIcon, Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { SectionCard } from '../bookings/detail/SectionCard.tsx';
import type { Customer, CustomerPermissions } from './customer-types.ts';
import { useApproverUsers, useSetApprovers } from './customers-queries.ts';

interface ApproversCardProps {
  customer: Customer;
  can: CustomerPermissions;
}

export function ApproversCard({ customer, can }: ApproversCardProps) {
  const { t } = useTranslation();
  const users = useApproverUsers();
  const setApprovers = useSetApprovers(customer.id);
  const [picked, setPicked] = useState<string | null>(null);
  const byId = new Map((users.data ?? []).map((user) => [user.id, user]));
  const candidates = (users.data ?? []).filter(
    (user) => !user.disabled && !customer.approverIds.includes(user.id),
  );

  function save(userIds: string[], message: string) {
    setApprovers.mutate(userIds, {
      onSuccess: () => {
        setPicked(null);
        notifications.show({ color: 'teal', message });
      },
    });
  }

  const policyLine = !customer.travelPolicy
    ? t('customers.approvers.noPolicy')
    : customer.travelPolicy.requireApproval
      ? t('customers.approvers.always')
      : t('customers.approvers.outsidePolicy');

  return (
    <SectionCard title={t('customers.approvers.title')} testId="customer-approvers">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {policyLine}
        </Text>
        {customer.approverIds.length === 0 ? (
          <Text size="sm" data-testid="approvers-empty">
            {t('customers.approvers.empty')}
          </Text>
        ) : (
          <Stack gap={6}>
            {customer.approverIds.map((id) => {
              const user = byId.get(id);
              const name = user?.name ?? t('customers.approvers.unknownUser');
              return (
                <Group
                  key={id}
                  justify="space-between"
                  wrap="nowrap"
                  data-testid="approver-row"
                  data-id={id}
                >
                  <div>
                    <Text size="sm" fw={500}>
                      {name}
                    </Text>
                    <Text size="xs" c="dimmed" ff={user ? undefined : 'monospace'}>
                      {user?.email ?? id}
                    </Text>
                  </div>
                  {can.edit ? (
                    <Tooltip label={t('customers.approvers.remove')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('customers.approvers.remove')}: ${name}`}
                        disabled={setApprovers.isPending}
                        onClick={() =>
                          save(
                            customer.approverIds.filter((other) => other !== id),
                            t('customers.approvers.removed', { name }),
                          )
                        }
                        data-testid="approver-remove"
                      >
                        <IconTrash size={16} stroke={1.5} />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                </Group>
              );
            })}
          </Stack>
        )}
        {can.edit ? (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Select
              label={t('customers.approvers.add')}
              placeholder={t('customers.approvers.pick')}
              data={candidates.map((user) => ({
                value: user.id,
                label: `${user.name} · ${user.email}`,
              }))}
              value={picked}
              onChange={setPicked}
              searchable
              nothingFoundMessage={t('customers.approvers.noCandidates')}
              style={{ flex: 1 }}
              data-testid="approver-pick"
            />
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              disabled={!picked}
              loading={setApprovers.isPending && picked !== null}
              onClick={() => {
                if (!picked) return;
                const name = byId.get(picked)?.name ?? picked;
                save([...customer.approverIds, picked], t('customers.approvers.added', { name }));
              }}
              data-testid="approver-add"
            >
              {t('customers.approvers.addButton')}
            </Button>
          </Group>
        ) : null}
        {users.isError ? <ProblemAlert error={users.error} /> : null}
        {setApprovers.isError ? (
          <ProblemAlert error={setApprovers.error} title={t('customers.approvers.saveFailed')} />
        ) : null}
      </Stack>
    </SectionCard>
  );
}
