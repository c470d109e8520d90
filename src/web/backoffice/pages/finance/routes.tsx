// The finance section's addresses under /finance, each tab its own: the invoice book, the
// overdue payments and (admin and accountant) the supplier invoices, one with its page, and
// the settings.
import { IconAlarm, IconFileInvoice, IconReceipt2, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, type RouteObject } from 'react-router';
import { RequireRole } from '../../auth/RequireRole.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { type SectionTab, SectionTabs } from '../catalog/shared/SectionTabs.tsx';
import { FinanceSettingsPage } from './FinanceSettingsPage.tsx';
import { InvoicesPage } from './InvoicesPage.tsx';
import { OverduePage } from './OverduePage.tsx';
import {
  financePermissionsOf,
  financeRoles,
  financeSettingsRoles,
  financeSupplierRoles,
} from './permissions.ts';
import { SupplierInvoicePage } from './SupplierInvoicePage.tsx';
import { SupplierInvoicesPage } from './SupplierInvoicesPage.tsx';

const icon = { size: 16, stroke: 1.5 } as const;

function FinanceTabs() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const can = financePermissionsOf(me.role);
  const tabs: SectionTab[] = [
    {
      path: 'invoices',
      label: t('finance.tabs.invoices'),
      icon: <IconFileInvoice {...icon} />,
    },
    ...(can.readOverdue
      ? [{ path: 'overdue', label: t('finance.tabs.overdue'), icon: <IconAlarm {...icon} /> }]
      : []),
    ...(can.supplierInvoices
      ? [
          {
            path: 'supplier-invoices',
            label: t('finance.tabs.supplierInvoices'),
            icon: <IconReceipt2 {...icon} />,
          },
        ]
      : []),
    ...(can.readSettings
      ? [
          {
            path: 'settings',
            label: t('finance.tabs.settings'),
            icon: <IconSettings {...icon} />,
          },
        ]
      : []),
  ];
  return <SectionTabs base="/finance" label={t('nav.finance')} tabs={tabs} />;
}

export const financeRoutes: RouteObject[] = [
  {
    element: (
      <RequireRole roles={financeRoles}>
        <FinanceTabs />
      </RequireRole>
    ),
    children: [
      { index: true, element: <Navigate to="invoices" replace /> },
      { path: 'invoices', element: <InvoicesPage /> },
      { path: 'overdue', element: <OverduePage /> },
      {
        path: 'supplier-invoices',
        element: (
          <RequireRole roles={financeSupplierRoles}>
            <SupplierInvoicesPage />
          </RequireRole>
        ),
      },
      {
        path: 'supplier-invoices/:id',
        element: (
          <RequireRole roles={financeSupplierRoles}>
            <SupplierInvoicePage />
          </RequireRole>
        ),
      },
      {
        path: 'settings',
        element: (
          <RequireRole roles={financeSettingsRoles}>
            <FinanceSettingsPage />
          </RequireRole>
        ),
      },
    ],
  },
];
