// The agency's users, for admins: who can sign in, in which role and language.
import { Badge, Button, Center, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format.ts';
import { languageName } from '../../../shared/i18n/languages.ts';
import type { User } from '../../../shared/identity.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { NewUserModal } from './NewUserModal.tsx';
import { useUsers } from './users-queries.ts';

export function UsersPage() {
  const { t } = useTranslation();
  const [creating, createModal] = useDisclosure(false);
  const users = useUsers();
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Button
            leftSection={<IconUserPlus size={18} stroke={1.5} />}
            onClick={createModal.open}
            data-testid="new-user"
          >
            {t('users.new')}
          </Button>
        }
      />
      {users.isPending ? (
        <CenteredLoader />
      ) : users.isError && rows.length === 0 ? (
        <ProblemAlert error={users.error} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table
              highlightOnHover
              verticalSpacing="sm"
              aria-label={t('users.listLabel')}
              data-testid="users-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th>{t('users.email')}</Table.Th>
                  <Table.Th>{t('users.role')}</Table.Th>
                  <Table.Th>{t('users.language')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>{t('users.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((user) => (
                  <UserRow key={user.id} user={user} />
                ))}
                {rows.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md">
                        {t('users.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {users.hasNextPage ? (
        <Center mt="md">
          <Button
            variant="light"
            onClick={() => void users.fetchNextPage()}
            loading={users.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Center>
      ) : null}
      <NewUserModal opened={creating} onClose={createModal.close} />
    </>
  );
}

function UserRow({ user }: { user: User }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.Tr data-testid="user-row">
      <Table.Td fw={500}>{user.name}</Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
      <Table.Td>{languageName(user.locale)}</Table.Td>
      <Table.Td>
        {user.disabled ? (
          <Badge color="gray" variant="light">
            {t('users.disabled')}
          </Badge>
        ) : (
          <Badge color="teal" variant="light">
            {t('users.active')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{format.date(user.createdAt)}</Table.Td>
    </Table.Tr>
  );
}
