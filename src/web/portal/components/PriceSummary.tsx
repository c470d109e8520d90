// The price of a trip line by line, its total and its cancellation policy, as the quote (or
// the booking) says: what the traveller pays is exactly the sum shown.
import { Divider, Group, List, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/format.ts';
import type { CancellationPolicy } from '../api/types.ts';

export function PriceLines({
  lines,
  total,
  currency,
}: {
  lines: { label: string; amount: number; quantity: number }[];
  total: number;
  currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={6} data-testid="price-lines">
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are in the quote's order
        <Group key={index} justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" c={line.amount < 0 ? 'teal.8' : undefined}>
            {line.label}
            {line.quantity > 1 ? (
              <Text span size="xs" c="dimmed">
                {' '}
                × {line.quantity}
              </Text>
            ) : null}
          </Text>
          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
            {format.money(line.amount, currency)}
          </Text>
        </Group>
      ))}
      <Divider my={4} />
      <Group justify="space-between">
        <Text fw={700}>{t('portal.checkout.total')}</Text>
        <Text fw={800} size="xl" c="teal.8" data-testid="price-total">
          {format.money(total, currency)}
        </Text>
      </Group>
    </Stack>
  );
}

export function CancellationTerms({
  policy,
  currency,
}: {
  policy: CancellationPolicy;
  currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (policy.nonRefundable) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="cancellation-terms">
        <IconInfoCircle size={16} color="var(--mantine-color-orange-7)" aria-hidden />
        <Text size="sm">{t('portal.checkout.nonRefundable')}</Text>
      </Group>
    );
  }
  if (policy.tiers.length === 0) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="cancellation-terms">
        <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text size="sm">{t('portal.checkout.freeAlways')}</Text>
      </Group>
    );
  }
  // A tier applies from its number of days before departure; closer than every tier: 100 %.
  const tiers = [...policy.tiers].sort((a, b) => b.daysBefore - a.daysBefore);
  const last = tiers[tiers.length - 1] as (typeof tiers)[number];
  return (
    <List size="sm" spacing={2} data-testid="cancellation-terms">
      {tiers.map((tier) => (
        <List.Item key={tier.daysBefore}>
          {Number(tier.percent) === 0
            ? t('portal.checkout.tierFree', { days: tier.daysBefore })
            : tier.fee !== undefined
              ? t('portal.checkout.tierWithFee', {
                  days: tier.daysBefore,
                  percent: tier.percent,
                  fee: format.money(tier.fee, currency),
                })
              : t('portal.checkout.tier', { days: tier.daysBefore, percent: tier.percent })}
        </List.Item>
      ))}
      {last.daysBefore > 0 && Number(last.percent) < 100 ? (
        <List.Item>{t('portal.checkout.tierLater', { days: last.daysBefore })}</List.Item>
      ) : null}
    </List>
  );
}
