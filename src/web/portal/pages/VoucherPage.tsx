// The public voucher page (D2) the voucher's QR code opens, `/v/{code}`: the booking's
// essentials (no prices), a red box with instructions for each required action not yet done
// and a confirmation for each one done, and the voucher to download. The code is the only
// credential, so the page shows no more than the voucher itself.
import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Divider,
  Group,
  List,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconTicket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../shared/api.ts';
import { useCalendarFormat } from '../../shared/i18n/calendar-date.ts';
import { LanguageSwitcher } from '../../shared/ui/LanguageSwitcher.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { useVoucher } from '../api/portal-queries.ts';
import { PageLoader } from '../components/PageLoader.tsx';
import { RequiredActions } from '../components/RequiredActions.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function VoucherPage() {
  const { t, i18n } = useTranslation();
  const days = useCalendarFormat();
  const { code = '' } = useParams();
  const voucher = useVoucher(code);
  const lang = i18n.resolvedLanguage ?? 'en';
  useDocumentTitle(voucher.data ? `${t('portal.voucher.title')} ${voucher.data.number}` : '');

  return (
    <Box bg="gray.0" mih="100vh">
      <Box bg="white" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <Container size="sm">
          <Group justify="space-between">
            <Group gap={8}>
              <IconTicket size={24} color="var(--mantine-color-teal-7)" aria-hidden />
              <Text fw={700}>{voucher.data?.agencyName ?? t('portal.voucher.title')}</Text>
            </Group>
            <LanguageSwitcher />
          </Group>
        </Container>
      </Box>
      {voucher.isPending ? (
        <PageLoader />
      ) : voucher.error instanceof ApiError && voucher.error.status === 404 ? (
        <NotFoundPage />
      ) : voucher.error ? (
        <Container size="sm" py="xl">
          <ProblemAlert error={voucher.error} />
        </Container>
      ) : (
        <Container size="sm" py="xl">
          <Stack gap="lg">
            <Card withBorder radius="lg" padding="lg" data-testid="voucher-card">
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start">
                  <Stack gap={2}>
                    <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                      {t('portal.voucher.title')}
                    </Text>
                    <Title order={1} size="h3" data-testid="voucher-product">
                      {voucher.data.productName}
                    </Title>
                    {voucher.data.offer ? (
                      <Text size="sm" c="dimmed">
                        {voucher.data.offer.name}
                      </Text>
                    ) : null}
                  </Stack>
                  <Stack gap={2} align="flex-end">
                    <Text size="xs" c="dimmed">
                      {t('portal.confirmation.number')}
                    </Text>
                    <Text fw={800} size="lg" data-testid="voucher-number">
                      {voucher.data.number}
                    </Text>
                  </Stack>
                </Group>
                {voucher.data.cancelled ? (
                  <Alert color="red" variant="filled" data-testid="voucher-cancelled">
                    {t('portal.voucher.cancelled')}
                  </Alert>
                ) : null}
                <Group gap="xs">
                  <Badge variant="light" size="lg" tt="none">
                    {days.medium(voucher.data.from)} – {days.medium(voucher.data.to)}
                  </Badge>
                </Group>
                <Divider />
                <Text fw={600} size="sm">
                  {t('portal.voucher.travellers')}
                </Text>
                <List size="sm">
                  {voucher.data.travellers.map((traveller) => (
                    <List.Item key={traveller.name}>{traveller.name}</List.Item>
                  ))}
                </List>
                <Text fw={600} size="sm">
                  {t('portal.voucher.services')}
                </Text>
                <List size="sm">
                  {voucher.data.services.map((service) => (
                    <List.Item key={`${service.label}-${service.from}`}>
                      {service.label}
                      {service.from && service.to
                        ? ` · ${days.medium(service.from)} – ${days.medium(service.to)}`
                        : ''}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            </Card>
            {voucher.data.requiredActions.length > 0 ? (
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('portal.actions.title')}
                </Title>
                <RequiredActions actions={voucher.data.requiredActions} />
              </Stack>
            ) : null}
            <Button
              component="a"
              href={`/api/v1/public/vouchers/${encodeURIComponent(code)}.pdf?locale=${lang}`}
              target="_blank"
              rel="noopener"
              size="md"
              leftSection={<IconDownload size={18} />}
              data-testid="voucher-pdf"
            >
              {t('portal.voucher.download')}
            </Button>
          </Stack>
        </Container>
      )}
    </Box>
  );
}
