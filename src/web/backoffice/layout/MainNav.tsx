// The navbar: every section the signed-in role may open.
import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../shared/identity.ts';
import { isActivePath, mainNavItems, type NavItem, settingsNavItems } from './nav-items.ts';

interface MainNavProps {
  role: Role;
  /** Called after a link is followed, so the mobile drawer can close. */
  onNavigate: () => void;
}

export function MainNav({ role, onNavigate }: MainNavProps) {
  const { t } = useTranslation();
  const visible = (items: readonly NavItem[]) =>
    items.filter((item) => !item.roles || item.roles.includes(role));

  return (
    <ScrollArea component="nav" aria-label={t('shell.mainNavigation')}>
      <Stack gap={2}>
        {visible(mainNavItems).map((item) => (
          <NavEntry key={item.to} item={item} onNavigate={onNavigate} />
        ))}
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
          {t('shell.settings')}
        </Text>
        {visible(settingsNavItems).map((item) => (
          <NavEntry key={item.to} item={item} onNavigate={onNavigate} />
        ))}
      </Stack>
    </ScrollArea>
  );
}

function NavEntry({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active = isActivePath(pathname, item.to);
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(`nav.${item.label}`)}
      leftSection={<Icon size={18} stroke={1.5} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      data-testid={`nav-${item.label}`}
    />
  );
}
