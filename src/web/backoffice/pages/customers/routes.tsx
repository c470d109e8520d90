// The customers section's addresses under /customers: the list, a new customer (for those who
// may create one) and one customer's page.
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../auth/RequireRole.tsx';
import { CustomerDetailPage } from './CustomerDetailPage.tsx';
import { CustomersPage } from './CustomersPage.tsx';
import { editorRoles } from './customer-types.ts';
import { NewCustomerPage } from './NewCustomerPage.tsx';

export const customerRoutes: RouteObject[] = [
  { index: true, element: <CustomersPage /> },
  {
    path: 'new',
    element: (
      <RequireRole roles={editorRoles}>
        <NewCustomerPage />
      </RequireRole>
    ),
  },
  { path: ':id', element: <CustomerDetailPage /> },
];
