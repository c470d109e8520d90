// Every back-office address. Pages inside the frame need a signed-in user; /login does not.
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { RequireRole } from './auth/RequireRole.tsx';
import { BackOfficeShell } from './layout/BackOfficeShell.tsx';
import { ApiTokensPage } from './pages/api-tokens/ApiTokensPage.tsx';
import { BookingDetailPage } from './pages/bookings/BookingDetailPage.tsx';
import { BookingsPage } from './pages/bookings/BookingsPage.tsx';
import { catalogRoutes, pricesRoutes } from './pages/catalog/routes.tsx';
import { customerRoutes } from './pages/customers/routes.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { NewBookingPage } from './pages/entry/NewBookingPage.tsx';
import { financeRoutes } from './pages/finance/routes.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RouteErrorPage } from './pages/RouteErrorPage.tsx';
import { reportsRoutes } from './pages/reports/routes.tsx';
import { UsersPage } from './pages/users/UsersPage.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <BackOfficeShell />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'bookings', element: <BookingsPage /> },
      { path: 'bookings/new', element: <NewBookingPage /> },
      { path: 'bookings/:id', element: <BookingDetailPage /> },
      { path: 'catalog', children: catalogRoutes },
      { path: 'prices', children: pricesRoutes },
      { path: 'customers', children: customerRoutes },
      { path: 'finance', children: financeRoutes },
      { path: 'reports', children: reportsRoutes },
      {
        path: 'settings/users',
        element: (
          <RequireRole roles={['admin']}>
            <UsersPage />
          </RequireRole>
        ),
      },
      { path: 'settings/api-tokens', element: <ApiTokensPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
