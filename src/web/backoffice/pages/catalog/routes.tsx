// The catalog and prices sections' own addresses, under /catalog and /prices.
import type { RouteObject } from 'react-router';
import { ComingSoonPage } from '../ComingSoonPage.tsx';

export const catalogRoutes: RouteObject[] = [
  { index: true, element: <ComingSoonPage section="catalog" /> },
];

export const pricesRoutes: RouteObject[] = [
  { index: true, element: <ComingSoonPage section="prices" /> },
];
