// The dashboard from the API (GET /api/v1/dashboard): what it holds and the query that reads it,
// refreshed every minute while the page is open so the counts follow the day's work.
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api.ts';

export const dashboardQueryKey = ['dashboard'] as const;

export const channels = ['web', 'phone', 'email', 'walk_in', 'marketplace', 'gds', 'api'] as const;
export type Channel = (typeof channels)[number];

/** One colour per channel, the same in every language, every day and every chart. */
export const channelColours: Record<Channel, string> = {
  web: '#4c6ef5',
  phone: '#12b886',
  email: '#fab005',
  walk_in: '#fd7e14',
  marketplace: '#be4bdb',
  gds: '#15aabf',
  api: '#868e96',
};

export function isChannel(value: string): value is Channel {
  return (channels as readonly string[]).includes(value);
}

export interface BookingBrief {
  id: string;
  number: string;
  status: string;
  channel: string;
  customer: string;
  productName: string;
  from: string;
  to: string;
  travellers: number;
}

export interface Block<T = object> {
  count: number;
  items: Array<BookingBrief & T>;
}

export type LowStockKind = 'pool' | 'room_type' | 'transport_seats' | 'ticket_slot' | 'service';

export interface Dashboard {
  today: string;
  timeZone: string;
  departures: Block;
  returns: Block;
  onRequest: Block<{ lines: number }>;
  approvals: Block;
  actionsDue: Block<{ dueDate: string; openActions: number }> & { withinDays: number };
  overdue: {
    count: number;
    items: Array<{
      id: string;
      number: string;
      status: string;
      customer: string;
      from: string;
      currency: string;
      amountOverdue: number;
      oldestDueDate: string;
      daysOverdue: number;
    }>;
  };
  lowStock: {
    days: number;
    count: number;
    items: Array<{
      kind: LowStockKind;
      id: string;
      label: string;
      date: string | null;
      days: number | null;
      available: number;
      capacity: number;
      threshold: number;
    }>;
  };
  bookingsPerDay: { days: string[]; series: Array<{ channel: Channel; counts: number[] }> };
}

export function useDashboard() {
  return useQuery({
    queryKey: dashboardQueryKey,
    queryFn: () => apiFetch<Dashboard>('/api/v1/dashboard'),
    refetchInterval: 60_000,
  });
}
