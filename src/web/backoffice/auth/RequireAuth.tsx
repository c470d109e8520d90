// Lets only signed-in people through; everyone else goes to sign in and comes back after. A
// role that may not use the page asked for (a partner on the dashboard) goes to its home.
import { Button, Center, Stack } from '@mantine/core';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isUnauthenticated, useMe } from '../../shared/session.ts';
import { CenteredLoader } from '../../shared/ui/CenteredLoader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { homePathFor, mayOpenPath } from '../layout/nav-items.ts';
import { loginPathFor } from './next-path.ts';
import { SignedInUserContext } from './signed-in-user.ts';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  // After sign-out the cache is emptied while the old screen may still render once more.
  const lastUser = useRef(me.data);
  if (me.data) lastUser.current = me.data;

  if (me.isError && isUnauthenticated(me.error)) {
    return <Navigate to={loginPathFor(location)} replace />;
  }
  // A failed background refresh keeps the page; only a first load that failed blocks it.
  if (lastUser.current) {
    // A partner signing in lands on '/', the staff dashboard: its home is the bookings list.
    if (!mayOpenPath(lastUser.current.role, location.pathname)) {
      return <Navigate to={homePathFor(lastUser.current.role)} replace />;
    }
    return <SignedInUserContext value={lastUser.current}>{children}</SignedInUserContext>;
  }
  if (me.isError) {
    return (
      <Center h="100vh" p="md">
        <Stack maw={480} w="100%">
          <ProblemAlert error={me.error} />
          <Button variant="light" onClick={() => void me.refetch()} loading={me.isFetching}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  return <CenteredLoader fullPage />;
}
