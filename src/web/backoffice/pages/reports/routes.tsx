// The Reports section's addresses under /reports: the index, and one page per report
// (/reports/sales, /reports/booking-curve, …). The report page is loaded on its own, with its
// chart code, the first time one is opened: no other page of the back office carries it.
import { Outlet, type RouteObject } from 'react-router';
import { staffRoles } from '../../../../server/modules/identity/roles.ts';
import { RequireRole } from '../../auth/RequireRole.tsx';
import { ReportsIndexPage } from './ReportsIndexPage.tsx';

export const reportsRoutes: RouteObject[] = [
  {
    element: (
      <RequireRole roles={staffRoles}>
        <Outlet />
      </RequireRole>
    ),
    children: [
      { index: true, element: <ReportsIndexPage /> },
      {
        path: ':name',
        lazy: async () => ({ Component: (await import('./ReportPage.tsx')).ReportPage }),
      },
    ],
  },
];
