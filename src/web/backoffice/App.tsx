// The providers every back-office screen relies on, around the router.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { LocalDatesProvider } from '../shared/ui/LocalDatesProvider.tsx';
import { queryClient } from './query-client.ts';
import { router } from './routes.tsx';
import { theme } from './theme.ts';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <LocalDatesProvider>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </LocalDatesProvider>
    </MantineProvider>
  );
}
