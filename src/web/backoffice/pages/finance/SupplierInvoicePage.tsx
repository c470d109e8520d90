// One supplier invoice: what it billed, expected against invoiced cost in the base currency
// with the variance and the flag (and the tolerance that set it), its matches with what each
// covers, and the work on it: match a part to a booking line, take a match back, mark it paid
// on a day or open it again.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconLink, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fieldErrors } from '../../../shared/api.ts';
import { useFormat } from '../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { Figure, FigureRow } from '../../../shared/ui/Figure.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { ProblemAlert, problemText } from '../../../shared/ui/ProblemAlert.tsx';
import { BackLink } from '../catalog/shared/BackLink.tsx';
import { todayIso } from '../catalog/shared/fields.ts';
import {
  useMarkPaid,
  useRemoveMatch,
  useSupplierInvoice,
  useTolerance,
} from './finance-queries.ts';
import type { SupplierInvoice, SupplierInvoiceMatch } from './finance-types.ts';
import { MatchModal } from './MatchModal.tsx';
import { useSignedPercent } from './percent.ts';
import { FlagBadge, StatusBadge, varianceColor } from './SupplierInvoicesTable.tsx';

export function SupplierInvoicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const invoice = useSupplierInvoice(id);
  return (
    <>
      <BackLink to="/finance/supplier-invoices" label={t('finance.supplier.detail.back')} />
      {invoice.isPending ? <CenteredLoader /> : null}
      {invoice.isError ? <ProblemAlert error={invoice.error} /> : null}
      {invoice.data ? <InvoiceView invoice={invoice.data} /> : null}
    </>
  );
}

function InvoiceView({ invoice }: { invoice: SupplierInvoice }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [matching, setMatching] = useState(false);
  const matches = invoice.matches ?? [];
  return (
    <>
      <PageHeader
        title={t('finance.supplier.detail.title', { number: invoice.number })}
        description={
          <Group gap="xs">
            <Text c="dimmed" span>
              {invoice.supplier.name}
            </Text>
            <StatusBadge invoice={invoice} />
            <FlagBadge flagged={invoice.flagged} />
          </Group>
        }
        actions={
          <Button
            leftSection={<IconLink size={16} stroke={1.5} />}
            onClick={() => setMatching(true)}
            disabled={invoice.unmatched <= 0}
            data-testid="match-open"
          >
            {t('finance.supplier.detail.match')}
          </Button>
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder radius="md" p="md" data-testid="supplier-invoice-billed">
            <Title order={4} mb="sm">
              {t('finance.supplier.detail.billed')}
            </Title>
            <FigureRow>
              <Figure
                label={t('finance.supplier.detail.amount')}
                value={format.money(invoice.amount, invoice.currency)}
                testId="detail-amount"
              />
              <Figure
                label={t('finance.supplier.detail.vat')}
                value={format.money(invoice.vat, invoice.currency)}
                weight={500}
              />
              <Figure
                label={t('finance.supplier.detail.unmatched')}
                value={format.money(invoice.unmatched, invoice.currency)}
                color={invoice.unmatched !== 0 ? 'orange' : undefined}
                weight={500}
                testId="detail-unmatched"
              />
            </FigureRow>
            <Stack gap={2} mt="sm">
              <Fact label={t('finance.supplier.detail.invoiceDate')}>
                {format.date(invoice.invoiceDate)}
              </Fact>
              <Fact label={t('finance.supplier.detail.dueDate')}>
                {format.date(invoice.dueDate)}
              </Fact>
              {invoice.currency !== invoice.baseCurrency ? (
                <Fact label={t('finance.supplier.detail.rate')}>
                  {t('finance.supplier.detail.rateValue', {
                    currency: invoice.currency,
                    rate: invoice.rate,
                    base: invoice.baseCurrency,
                  })}{' '}
                  (
                  {invoice.rateSource === 'given'
                    ? t('finance.supplier.detail.rateGiven')
                    : invoice.rateDate
                      ? t('finance.supplier.detail.rateOf', {
                          source: invoice.rateSource,
                          date: format.date(invoice.rateDate),
                        })
                      : invoice.rateSource}
                  )
                </Fact>
              ) : null}
              <Fact label={t('finance.supplier.detail.recordedBy')}>
                {invoice.createdByName}, {format.dateTime(invoice.createdAt)}
              </Fact>
              {invoice.note ? (
                <Fact label={t('finance.supplier.detail.note')}>{invoice.note}</Fact>
              ) : null}
            </Stack>
          </Paper>
          <CostCard invoice={invoice} />
        </SimpleGrid>
        <PaymentCard invoice={invoice} />
        <MatchesCard invoice={invoice} matches={matches} onMatch={() => setMatching(true)} />
      </Stack>
      <MatchModal invoice={invoice} opened={matching} onClose={() => setMatching(false)} />
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}

/** Expected against invoiced in the base currency, and why it is (not) flagged. */
function CostCard({ invoice }: { invoice: SupplierInvoice }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = useSignedPercent();
  const tolerance = useTolerance(true);
  const base = invoice.baseCurrency;
  const limits = tolerance.data
    ? {
        percent: tolerance.data.percent,
        amount: format.money(tolerance.data.amount, tolerance.data.currency),
      }
    : null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="supplier-invoice-cost">
      <Title order={4} mb="sm">
        {t('finance.supplier.detail.cost', { currency: base })}
      </Title>
      <FigureRow>
        <Figure
          label={t('finance.supplier.detail.expected')}
          value={format.money(invoice.expectedCost, base)}
          weight={500}
          testId="detail-expected"
        />
        <Figure
          label={t('finance.supplier.detail.actual')}
          value={format.money(invoice.actualCost, base)}
          weight={500}
          testId="detail-actual"
        />
        <Figure
          label={t('finance.supplier.detail.variance')}
          value={
            invoice.variancePct === null
              ? format.money(invoice.variance, base)
              : `${format.money(invoice.variance, base)} (${percent(invoice.variancePct)})`
          }
          color={varianceColor(invoice.variance)}
          testId="detail-variance"
        />
      </FigureRow>
      <Alert
        mt="sm"
        variant="light"
        color={invoice.flagged ? 'red' : 'teal'}
        icon={
          invoice.flagged ? (
            <IconAlertTriangle size={18} aria-hidden />
          ) : (
            <IconCircleCheck size={18} aria-hidden />
          )
        }
        data-testid="detail-flag"
        data-flagged={invoice.flagged}
      >
        {invoice.flagged
          ? t('finance.supplier.detail.flagged')
          : t('finance.supplier.detail.withinTolerance')}
        {limits ? (
          <Text size="xs" c="dimmed" mt={4} data-testid="detail-tolerance">
            {t('finance.supplier.detail.tolerance', limits)}
          </Text>
        ) : null}
      </Alert>
    </Paper>
  );
}

/** Paid on a day (today by default), or open again. */
function PaymentCard({ invoice }: { invoice: SupplierInvoice }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pay = useMarkPaid(invoice.id);
  const [paidOn, setPaidOn] = useState(todayIso());
  const change = (day: string | null) =>
    pay.mutate(day, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          message:
            day === null
              ? t('finance.supplier.detail.reopened')
              : t('finance.supplier.detail.markedPaid'),
        }),
    });
  return (
    <Paper withBorder radius="md" p="md" data-testid="supplier-invoice-payment">
      <Title order={4} mb="sm">
        {t('finance.supplier.detail.payment')}
      </Title>
      {invoice.paidOn ? (
        <Group justify="space-between" gap="sm">
          <Text size="sm" data-testid="detail-paid-on">
            {t('finance.supplier.detail.paidOn', { date: format.date(invoice.paidOn) })}
          </Text>
          <Button
            variant="default"
            loading={pay.isPending}
            onClick={() => change(null)}
            data-testid="reopen"
          >
            {t('finance.supplier.detail.reopen')}
          </Button>
        </Group>
      ) : (
        <Group align="flex-end" gap="sm">
          <Text size="sm" style={{ flex: '1 1 200px' }}>
            {t('finance.supplier.detail.openDue', { date: format.date(invoice.dueDate) })}
          </Text>
          <TextInput
            type="date"
            label={t('finance.supplier.detail.paidOnLabel')}
            value={paidOn}
            onChange={(event) => setPaidOn(event.currentTarget.value)}
            error={
              pay.isError
                ? (fieldErrors(pay.error).paidOn ??
                  problemText(pay.error, t('errors.unreachable'), t('errors.unexpected')))
                : undefined
            }
            data-testid="paid-on"
          />
          <Button
            color="teal"
            loading={pay.isPending}
            disabled={!paidOn}
            onClick={() => change(paidOn)}
            data-testid="mark-paid"
          >
            {t('finance.supplier.detail.markPaid')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

function MatchesCard({
  invoice,
  matches,
  onMatch,
}: {
  invoice: SupplierInvoice;
  matches: SupplierInvoiceMatch[];
  onMatch: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useRemoveMatch(invoice.id);
  const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
  return (
    <Paper withBorder radius="md" p="md" data-testid="supplier-invoice-matches">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('finance.supplier.detail.matches')}</Title>
        {invoice.unmatched > 0 && matches.length > 0 ? (
          <Button variant="light" size="xs" onClick={onMatch}>
            {t('finance.supplier.detail.matchRest')}
          </Button>
        ) : null}
      </Group>
      {remove.isError ? (
        <ProblemAlert error={remove.error} title={t('finance.supplier.detail.removeFailed')} />
      ) : null}
      {matches.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-matches">
          {t('finance.supplier.detail.noMatches')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" aria-label={t('finance.supplier.detail.matches')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('finance.supplier.detail.covers')}</Table.Th>
                <Table.Th style={right}>{t('finance.supplier.detail.matchAmount')}</Table.Th>
                <Table.Th style={right}>
                  {t('finance.supplier.detail.matchBase', { currency: invoice.baseCurrency })}
                </Table.Th>
                <Table.Th style={right}>{t('finance.supplier.detail.matchExpected')}</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matches.map((match) => (
                <Table.Tr key={match.id} data-testid="match-row" data-kind={match.kind}>
                  <Table.Td>
                    <Badge variant="light" color="gray" size="sm" mb={2}>
                      {t(`finance.supplier.kinds.${match.kind}`)}
                    </Badge>
                    <Text size="sm" data-testid="match-label">
                      {match.label}
                    </Text>
                  </Table.Td>
                  <Table.Td style={right} data-testid="match-amount">
                    {format.money(match.amount, invoice.currency)}
                  </Table.Td>
                  <Table.Td style={right}>
                    {format.money(match.amountBase, invoice.baseCurrency)}
                  </Table.Td>
                  <Table.Td style={right} data-testid="match-expected">
                    {format.money(match.expectedCost, invoice.baseCurrency)}
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('finance.supplier.detail.remove')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('finance.supplier.detail.remove')}: ${match.label}`}
                        loading={remove.isPending && remove.variables === match.id}
                        onClick={() =>
                          remove.mutate(match.id, {
                            onSuccess: () =>
                              notifications.show({
                                color: 'teal',
                                message: t('finance.supplier.detail.removed'),
                              }),
                          })
                        }
                        data-testid="match-remove"
                      >
                        <IconTrash size={16} stroke={1.5} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
