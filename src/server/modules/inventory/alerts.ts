// Low-stock alerts (I8): when a take brings a resource or a pool to or under its threshold,
// the named staff get an in-app notification and an e-mail — once per crossing: the next
// alert needs availability to rise above the threshold and fall again.
import type { CalendarDate } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { notify } from '../messaging/notifications.ts';
import { availableOn, crossesThreshold, poolAvailable } from './rules.ts';
import type { DayCounter, PoolCounter, ResourceAlertSettings } from './types.ts';

export const lowStockKind = 'inventory.low_stock';

export async function notifyLowStock(
  ctx: Ctx,
  change: {
    resources: ReadonlyMap<string, ResourceAlertSettings>;
    days: { before: DayCounter; after: DayCounter }[];
    pools: { before: PoolCounter; after: PoolCounter }[];
    today: CalendarDate;
  },
): Promise<void> {
  for (const resource of change.resources.values()) {
    if (resource.lowStockThreshold === null || resource.alertUserIds.length === 0) continue;
    const crossed = change.days.filter(
      ({ before, after }) =>
        before.resourceId === resource.id &&
        crossesThreshold(
          availableOn(before, change.today),
          availableOn(after, change.today),
          resource.lowStockThreshold,
        ),
    );
    if (crossed.length === 0) continue;
    const lines = crossed.map(
      ({ after }) => `${after.date}: ${availableOn(after, change.today)} left of ${after.capacity}`,
    );
    await notify(ctx, {
      userIds: resource.alertUserIds,
      kind: lowStockKind,
      title: `Low stock: ${resource.label}`,
      body: `${resource.label} is at or under its threshold of ${resource.lowStockThreshold}.\n${lines.join('\n')}`,
      data: { resourceId: resource.id, dates: crossed.map(({ after }) => after.date) },
    });
  }

  for (const { before: pool, after } of change.pools) {
    if (pool.lowStockThreshold === null || pool.alertUserIds.length === 0) continue;
    const left = poolAvailable(after);
    if (!crossesThreshold(poolAvailable(pool), left, pool.lowStockThreshold)) continue;
    await notify(ctx, {
      userIds: pool.alertUserIds,
      kind: lowStockKind,
      title: `Low stock: pool ${pool.name}`,
      body: `The shared pool ${pool.name} has ${left} of ${after.capacity} left (threshold ${pool.lowStockThreshold}).`,
      data: { poolId: pool.id, available: left },
    });
  }
}
