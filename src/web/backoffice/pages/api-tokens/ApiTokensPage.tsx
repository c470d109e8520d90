// API tokens: what is out there acting on the agency's behalf, and a way to stop it.
import { Badge, Button, Code, Table, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format.ts';
import type { ApiToken } from '../../../shared/identity.ts';
import { PagedTable } from '../../../shared/ui/PagedTable.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { useApiTokens, useUserNames } from './api-tokens-queries.ts';
import { NewTokenModal } from './NewTokenModal.tsx';
import { RevokeTokenModal } from './RevokeTokenModal.tsx';
import { tokenStatus, tokenStatusColor } from './token-status.ts';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [creating, createModal] = useDisclosure(false);
  // The token stays set while the modal fades out, so its text does not vanish mid-way.
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revokeOpened, revokeModal] = useDisclosure(false);
  const tokens = useApiTokens();
  const rows = tokens.data?.pages.flatMap((page) => page.items) ?? [];
  // Admins see every token of the agency, so whose it is matters; others see only their own.
  const showOwner = me.role === 'admin';
  const userNames = useUserNames(showOwner);
  const columns = showOwner ? 8 : 7;

  function ownerOf(token: ApiToken): string {
    if (token.userId === me.id) return t('tokens.you');
    return userNames.data?.get(token.userId) ?? '—';
  }

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.intro')}
        actions={
          <Button
            leftSection={<IconKey size={18} stroke={1.5} />}
            onClick={createModal.open}
            data-testid="new-token"
          >
            {t('tokens.new')}
          </Button>
        }
      />
      <PagedTable
        query={tokens}
        rowCount={rows.length}
        columnCount={columns}
        minWidth={860}
        label={t('tokens.listLabel')}
        testId="tokens-table"
        emptyText={t('tokens.empty')}
        head={
          <>
            <Table.Th>{t('tokens.name')}</Table.Th>
            <Table.Th>{t('tokens.prefix')}</Table.Th>
            {showOwner ? <Table.Th>{t('tokens.owner')}</Table.Th> : null}
            <Table.Th>{t('tokens.createdAt')}</Table.Th>
            <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
            <Table.Th>{t('tokens.expiresAt')}</Table.Th>
            <Table.Th>{t('tokens.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('tokens.actions')}</VisuallyHidden>
            </Table.Th>
          </>
        }
      >
        {rows.map((token) => (
          <TokenRow
            key={token.id}
            token={token}
            owner={showOwner ? ownerOf(token) : null}
            onRevoke={() => {
              setRevoking(token);
              revokeModal.open();
            }}
          />
        ))}
      </PagedTable>
      <NewTokenModal opened={creating} onClose={createModal.close} />
      <RevokeTokenModal token={revoking} opened={revokeOpened} onClose={revokeModal.close} />
    </>
  );
}

interface TokenRowProps {
  token: ApiToken;
  /** Null when the owner column is not shown. */
  owner: string | null;
  onRevoke: () => void;
}

function TokenRow({ token, owner, onRevoke }: TokenRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = tokenStatus(token);
  return (
    <Table.Tr data-testid="token-row">
      <Table.Td fw={500}>{token.name}</Table.Td>
      <Table.Td>
        <Code>{token.prefix}…</Code>
      </Table.Td>
      {owner !== null ? <Table.Td>{owner}</Table.Td> : null}
      <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
      <Table.Td>
        {token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.neverUsed')}
      </Table.Td>
      <Table.Td>
        {token.expiresAt ? format.dateTime(token.expiresAt) : t('tokens.noExpiry')}
      </Table.Td>
      <Table.Td>
        <Badge color={tokenStatusColor[status]} variant="light">
          {t(`tokens.${status}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        {status === 'active' ? (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={onRevoke}
            data-testid={`revoke-token-${token.id}`}
          >
            {t('tokens.revoke')}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
