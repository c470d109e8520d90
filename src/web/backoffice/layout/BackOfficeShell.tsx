// The frame around every back-office page: header with agency, user, language and sign-out;
// the navbar; the page itself.
import { AppShell, Box, Burger, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLogout } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { apiFetch } from '../../shared/api.ts';
import { useAccountLanguage } from '../../shared/language-preference.ts';
import { LanguageSwitcher } from '../../shared/ui/LanguageSwitcher.tsx';
import { useSignedInUser } from '../auth/signed-in-user.ts';
import { MainNav } from './MainNav.tsx';

export function BackOfficeShell() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [navOpened, nav] = useDisclosure(false);
  const logout = useLogout();
  useAccountLanguage(me.locale);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
            />
            <Text fw={700} size="lg" c="indigo.8">
              {t('app.name')}
            </Text>
            <Divider orientation="vertical" visibleFrom="xs" />
            <Text fw={500} truncate visibleFrom="xs" data-testid="agency-name">
              {me.agency.name}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitcher />
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={500} data-testid="current-user">
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" data-testid="current-user-role">
                {t(`roles.${me.role}`)}
              </Text>
            </Stack>
            <Button
              variant="subtle"
              color="gray"
              onClick={() => logout.mutate()}
              loading={logout.isPending}
              data-testid="logout"
              aria-label={t('shell.logout')}
              px="xs"
            >
              <IconLogout size={18} stroke={1.5} aria-hidden />
              {/* Only the icon on phones, where the header has no room for the words. */}
              <Box component="span" visibleFrom="sm" ml={8}>
                {t('shell.logout')}
              </Box>
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        <MainNav role={me.role} onNavigate={nav.close} />
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function useLogout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/v1/auth/logout', { method: 'POST' }),
    onSuccess: async () => {
      // Leave the guarded pages first: clearing while they are mounted would make them
      // ask /me again and bounce to /login?next=… instead of a plain /login.
      await navigate('/login', { replace: true });
      queryClient.clear();
    },
    onError: () => {
      notifications.show({ color: 'red', message: t('shell.logoutFailed') });
    },
  });
}
