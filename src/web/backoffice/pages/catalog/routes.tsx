// The catalog and prices sections' own addresses, under /catalog and /prices, each with its
// tabs: the records of the catalog, and the price lists, rules, codes, fees and promotions.
import {
  IconBuildingSkyscraper,
  IconBus,
  IconDiscount,
  IconGift,
  IconListDetails,
  IconMap2,
  IconReceipt2,
  IconRosetteDiscount,
  IconTicket,
  IconToolsKitchen2,
  IconTruckDelivery,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, type RouteObject } from 'react-router';
import { ChannelFeesPage } from '../prices/ChannelFeesPage.tsx';
import { PriceListPage } from '../prices/PriceListPage.tsx';
import { PriceListsPage } from '../prices/PriceListsPage.tsx';
import { PriceRulesPage } from '../prices/PriceRulesPage.tsx';
import { PromoCodesPage } from '../prices/PromoCodesPage.tsx';
import { PromotionsPage } from '../prices/PromotionsPage.tsx';
import { AccommodationPage } from './accommodations/AccommodationPage.tsx';
import { AccommodationsPage } from './accommodations/AccommodationsPage.tsx';
import { AttractionsPage } from './attractions/AttractionsPage.tsx';
import { CapacityCalendarPage } from './capacity/CapacityCalendarPage.tsx';
import { DepartureSeatMapRedirect, SeatMapPage } from './seatmap/SeatMapPage.tsx';
import { ExtraServicesPage } from './services/ExtraServicesPage.tsx';
import { SectionTabs } from './shared/SectionTabs.tsx';
import { SuppliersPage } from './suppliers/SuppliersPage.tsx';
import { TourPage } from './tours/TourPage.tsx';
import { ToursPage } from './tours/ToursPage.tsx';
import { TransportListPage } from './transport/TransportListPage.tsx';
import { TransportPage } from './transport/TransportPage.tsx';

const icon = { size: 16, stroke: 1.5 } as const;

function CatalogTabs() {
  const { t } = useTranslation();
  return (
    <SectionTabs
      base="/catalog"
      label={t('nav.catalog')}
      tabs={[
        {
          path: 'accommodations',
          label: t('catalog.tabs.accommodations'),
          icon: <IconBuildingSkyscraper {...icon} />,
        },
        { path: 'tours', label: t('catalog.tabs.tours'), icon: <IconMap2 {...icon} /> },
        { path: 'transport', label: t('catalog.tabs.transport'), icon: <IconBus {...icon} /> },
        {
          path: 'attractions',
          label: t('catalog.tabs.attractions'),
          icon: <IconTicket {...icon} />,
        },
        {
          path: 'services',
          label: t('catalog.tabs.services'),
          icon: <IconToolsKitchen2 {...icon} />,
        },
        {
          path: 'suppliers',
          label: t('catalog.tabs.suppliers'),
          icon: <IconTruckDelivery {...icon} />,
        },
      ]}
    />
  );
}

function PricesTabs() {
  const { t } = useTranslation();
  return (
    <SectionTabs
      base="/prices"
      label={t('nav.prices')}
      tabs={[
        { path: 'lists', label: t('catalog.tabs.priceLists'), icon: <IconListDetails {...icon} /> },
        { path: 'rules', label: t('catalog.tabs.priceRules'), icon: <IconDiscount {...icon} /> },
        {
          path: 'promo-codes',
          label: t('catalog.tabs.promoCodes'),
          icon: <IconRosetteDiscount {...icon} />,
        },
        {
          path: 'channel-fees',
          label: t('catalog.tabs.channelFees'),
          icon: <IconReceipt2 {...icon} />,
        },
        { path: 'promotions', label: t('catalog.tabs.promotions'), icon: <IconGift {...icon} /> },
      ]}
    />
  );
}

export const catalogRoutes: RouteObject[] = [
  {
    element: <CatalogTabs />,
    children: [
      { index: true, element: <Navigate to="accommodations" replace /> },
      { path: 'accommodations', element: <AccommodationsPage /> },
      { path: 'accommodations/:id', element: <AccommodationPage /> },
      { path: 'accommodations/:id/capacity', element: <CapacityCalendarPage /> },
      { path: 'tours', element: <ToursPage /> },
      { path: 'tours/:id', element: <TourPage /> },
      { path: 'transport', element: <TransportListPage /> },
      { path: 'transport/:id', element: <TransportPage /> },
      { path: 'transport/:id/departures/:departureId/seats', element: <SeatMapPage /> },
      { path: 'transport-departures/:departureId/seats', element: <DepartureSeatMapRedirect /> },
      { path: 'attractions', element: <AttractionsPage /> },
      { path: 'services', element: <ExtraServicesPage /> },
      { path: 'suppliers', element: <SuppliersPage /> },
    ],
  },
];

export const pricesRoutes: RouteObject[] = [
  {
    element: <PricesTabs />,
    children: [
      { index: true, element: <Navigate to="lists" replace /> },
      { path: 'lists', element: <PriceListsPage /> },
      { path: 'lists/:id', element: <PriceListPage /> },
      { path: 'rules', element: <PriceRulesPage /> },
      { path: 'promo-codes', element: <PromoCodesPage /> },
      { path: 'channel-fees', element: <ChannelFeesPage /> },
      { path: 'promotions', element: <PromotionsPage /> },
    ],
  },
];
