// Every portal address: an agency's portal under /portal/{agency}, the public voucher pages
// under /v/{code} (the voucher's QR code), and a not-found page for anything else.
import { createBrowserRouter } from 'react-router';
import { PortalShell } from './layout/PortalShell.tsx';
import { AccountPage } from './pages/account/AccountPage.tsx';
import { CheckoutPage } from './pages/CheckoutPage.tsx';
import { ConfirmationPage } from './pages/ConfirmationPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProductPage } from './pages/ProductPage.tsx';
import { VoucherPage } from './pages/VoucherPage.tsx';

export const router = createBrowserRouter([
  {
    path: '/portal/:agency',
    element: <PortalShell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'products/:productId', element: <ProductPage /> },
      { path: 'checkout', element: <CheckoutPage /> },
      { path: 'bookings/:id/confirmation', element: <ConfirmationPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '/v/:code', element: <VoucherPage /> },
  { path: '*', element: <NotFoundPage /> },
]);
