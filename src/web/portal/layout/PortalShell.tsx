// The frame of an agency's portal: its name, search and "My bookings", language and currency,
// the signed-in customer, and a footer. It loads the shop front once for every page inside.
import {
  Anchor,
  AppShell,
  Box,
  Button,
  Container,
  Group,
  Select,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCoins, IconLogin, IconPlaneDeparture, IconUserCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { ApiError } from '../../shared/api.ts';
import { LanguageSwitcher } from '../../shared/ui/LanguageSwitcher.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { useAccount, useStorefront } from '../api/portal-queries.ts';
import { PageLoader } from '../components/PageLoader.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { initialCurrency, PortalContext, saveCurrency } from '../portal-context.ts';

export function PortalShell() {
  const { agency = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const storefront = useStorefront(agency);
  const account = useAccount(agency);
  const [chosen, setChosen] = useState<string | null>(null);
  useDocumentTitle(storefront.data?.name ?? '');

  const context = useMemo(() => {
    if (!storefront.data) return null;
    const currency = chosen ?? initialCurrency(storefront.data, lang);
    return {
      slug: agency,
      storefront: storefront.data,
      lang,
      currency,
      setCurrency: (next: string) => {
        saveCurrency(agency, next);
        setChosen(next);
      },
    };
  }, [storefront.data, chosen, lang, agency]);

  if (storefront.isPending) return <PageLoader />;
  if (storefront.error instanceof ApiError && storefront.error.status === 404) {
    return <NotFoundPage />;
  }
  if (!context) {
    return (
      <Container size="sm" py="xl">
        <ProblemAlert error={storefront.error} />
      </Container>
    );
  }
  const user = account.data?.user ?? null;

  return (
    <PortalContext.Provider value={context}>
      <AppShell header={{ height: 64 }} padding={0}>
        <AppShell.Header withBorder>
          <Container size="lg" h="100%">
            <Group h="100%" justify="space-between" wrap="nowrap">
              <UnstyledButton component={Link} to={`/portal/${agency}`} data-testid="portal-home">
                <Group gap={8} wrap="nowrap">
                  <IconPlaneDeparture size={26} color="var(--mantine-color-teal-7)" aria-hidden />
                  <Title order={4} lineClamp={1} data-testid="portal-agency-name">
                    {context.storefront.name}
                  </Title>
                </Group>
              </UnstyledButton>
              <Group gap="xs" wrap="nowrap">
                {context.storefront.currencies.length > 1 ? (
                  <Select
                    aria-label={t('portal.nav.currency')}
                    data-testid="currency-switcher"
                    data={context.storefront.currencies}
                    value={context.currency}
                    onChange={(value) => value && context.setCurrency(value)}
                    allowDeselect={false}
                    leftSection={<IconCoins size={16} stroke={1.5} aria-hidden />}
                    w={{ base: 96, sm: 110 }}
                    comboboxProps={{ withinPortal: true }}
                  />
                ) : null}
                <LanguageSwitcher />
                {user ? (
                  <Button
                    component={Link}
                    to={`/portal/${agency}/account`}
                    variant="light"
                    leftSection={<IconUserCircle size={18} aria-hidden />}
                    data-testid="nav-account"
                    visibleFrom="xs"
                  >
                    {t('portal.nav.myBookings')}
                  </Button>
                ) : (
                  <Button
                    component={Link}
                    to={`/portal/${agency}/account`}
                    variant="subtle"
                    leftSection={<IconLogin size={18} aria-hidden />}
                    data-testid="nav-sign-in"
                    visibleFrom="xs"
                  >
                    {t('portal.nav.myBookings')}
                  </Button>
                )}
              </Group>
            </Group>
          </Container>
        </AppShell.Header>
        <AppShell.Main bg="gray.0" mih="100vh">
          <Box mih="calc(100vh - 160px)">
            <Outlet />
          </Box>
          <Box
            component="footer"
            bg="white"
            py="lg"
            mt="xl"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Container size="lg">
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  © {new Date().getFullYear()} {context.storefront.name}
                </Text>
                <Group gap="md">
                  <Anchor component={Link} to={`/portal/${agency}/account`} size="sm" c="dimmed">
                    {t('portal.nav.myBookings')}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t('portal.footer.poweredBy')}
                  </Text>
                </Group>
              </Group>
            </Container>
          </Box>
        </AppShell.Main>
      </AppShell>
    </PortalContext.Provider>
  );
}
