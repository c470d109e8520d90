// A cursor-paged list as a table: loading, error, empty and "load more" handled once, so
// each list screen only says its columns and rows.
import { Button, Center, Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from './CenteredLoader.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

/** The parts of a TanStack infinite query the table reads. */
export interface PagedQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

interface PagedTableProps {
  query: PagedQuery;
  rowCount: number;
  columnCount: number;
  minWidth: number;
  label: string;
  testId: string;
  emptyText: string;
  /** The header cells (`<Table.Th>`s). */
  head: ReactNode;
  /** The body rows. */
  children: ReactNode;
}

export function PagedTable(props: PagedTableProps) {
  const { t } = useTranslation();
  const { query } = props;
  if (query.isPending) return <CenteredLoader />;
  // A failed next page keeps the rows already shown; only a failed first page replaces them.
  if (query.isError && props.rowCount === 0) return <ProblemAlert error={query.error} />;
  return (
    <>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={props.minWidth}>
          <Table
            highlightOnHover
            verticalSpacing="sm"
            aria-label={props.label}
            data-testid={props.testId}
          >
            <Table.Thead>
              <Table.Tr>{props.head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.children}
              {props.rowCount === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={props.columnCount}>
                    <Text c="dimmed" ta="center" py="md">
                      {props.emptyText}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {query.hasNextPage ? (
        <Center mt="md">
          <Button
            variant="light"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Center>
      ) : null}
    </>
  );
}
