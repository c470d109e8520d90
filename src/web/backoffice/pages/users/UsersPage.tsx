// The agency's users, for admins: who can sign in, in which role and language.
import { Badge, Button, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format.ts';
import { languageName } from '../../../shared/i18n/languages.ts';
import type { User } from '../../../shared/identity.ts';
import { PagedTable } from '../../../shared/ui/PagedTable.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
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
      <PagedTable
        query={users}
        rowCount={rows.length}
        columnCount={6}
        minWidth={720}
        label={t('users.listLabel')}
        testId="users-table"
        emptyText={t('users.empty')}
        head={
          <>
            <Table.Th>{t('users.name')}</Table.Th>
            <Table.Th>{t('users.email')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.language')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th>{t('users.createdAt')}</Table.Th>
          </>
        }
      >
        {rows.map((user) => (
          <UserRow key={user.id} user={user} />
        ))}
      </PagedTable>
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
