// The providers every portal page relies on, around the router: Mantine (with dates in the
// visitor's language), notifications and the query cache.
import 'dayjs/locale/cs';
import 'dayjs/locale/pl';
import 'dayjs/locale/tr';
import 'dayjs/locale/zh-cn';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { queryClient } from './query-client.ts';
import { router } from './routes.tsx';
import { theme } from './theme.ts';

const dayjsLocales: Record<string, string> = { zh: 'zh-cn' };

export function App() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: dayjsLocales[language] ?? language, firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
