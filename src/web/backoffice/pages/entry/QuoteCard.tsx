// The priced trip as staff see it: each line with quantity, unit price and amount, its cost
// and margin, the total, and how long the inventory is held for this customer.
import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCalendarFormat } from '../../../shared/i18n/calendar-date.ts';
import { useFormat } from '../../../shared/i18n/format.ts';
import type { Quote } from './entry-queries.ts';

export function QuoteCard({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dates = useCalendarFormat();
  const money = (minor: number | null | undefined) =>
    minor === null || minor === undefined ? '–' : format.money(minor, quote.currency);

  return (
    <Paper withBorder radius="md" p="md" data-testid="entry-quote">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text fw={600}>{quote.productName ?? t('entry.quote')}</Text>
            <Text size="sm" c="dimmed">
              {quote.from === quote.to
                ? dates.medium(quote.from)
                : `${dates.medium(quote.from)} – ${dates.medium(quote.to)}`}
            </Text>
          </Stack>
          <Group gap="xs">
            {quote.onRequest ? (
              <Badge color="orange" variant="light" data-testid="entry-quote-on-request">
                {t('entry.onRequest')}
              </Badge>
            ) : null}
            {quote.cancellationPolicy.nonRefundable ? (
              <Badge color="red" variant="light">
                {t('entry.nonRefundable')}
              </Badge>
            ) : null}
            <Badge
              color="gray"
              variant="light"
              leftSection={<IconClockHour4 size={14} />}
              data-testid="entry-quote-expiry"
            >
              {t('entry.heldUntil', { time: format.dateTime(quote.expiresAt) })}
            </Badge>
          </Group>
        </Group>
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing={6} striped data-testid="entry-quote-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('entry.line')}</Table.Th>
                <Table.Th ta="right">{t('entry.quantity')}</Table.Th>
                <Table.Th ta="right">{t('entry.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('entry.amount')}</Table.Th>
                <Table.Th ta="right">{t('entry.cost')}</Table.Th>
                <Table.Th ta="right">{t('entry.margin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quote.lines.map((line, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id; a quote never reorders them
                <Table.Tr key={index} data-testid="entry-quote-line">
                  <Table.Td>
                    <Text size="sm">{line.label}</Text>
                    {line.rule ? (
                      <Text size="xs" c="dimmed">
                        {line.rule.name}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{format.number(line.quantity)}</Table.Td>
                  <Table.Td ta="right">{money(line.unitPrice)}</Table.Td>
                  <Table.Td ta="right" c={line.amount < 0 ? 'teal.7' : undefined}>
                    {money(line.amount)}
                  </Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {money(line.cost)}
                  </Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {money(line.margin)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={3}>{t('entry.total')}</Table.Th>
                <Table.Th ta="right" fz="lg" data-testid="entry-quote-total">
                  {money(quote.total)}
                </Table.Th>
                <Table.Th ta="right" c="dimmed">
                  {money(quote.cost)}
                </Table.Th>
                <Table.Th ta="right" c="dimmed">
                  {money(quote.margin)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
