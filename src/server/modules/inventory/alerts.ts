// Low-stock alerts (I8): when a take brings a resource or a pool to or under its threshold,
// the named staff get an in-app notification and an e-mail — once per crossing: the next
// alert needs availability to rise above the threshold and fall again.
import type { CalendarDate } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { notify } from '../messaging/notifications.ts';
import * as repo from './repo.ts';
import { availableOn, crossesThreshold, poolAvailable } from './rules.ts';
import type { DayCounter, PoolCounter } from './types.ts';

export const lowStockKind = 'inventory.low_stock';

export async function notifyLowStock(
  ctx: Ctx,
  change: {
    days: { before: DayCounter; after: DayCounter }[];
    pools: { before: PoolCounter; after: PoolCounter }[];
    today: CalendarDate;
  },
): Promise<void> {
  const resources = await repo.resourcesByIds(ctx.db, ctx.agencyId, [
    ...new Set(change.days.map((d) => d.before.resourceId)),
  ]);
  for (const resource of resources) {
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

  const pools = await repo.poolAlertSettings(
    ctx.db,
    ctx.agencyId,
    change.pools.map((p) => p.before.id),
  );
  for (const pool of pools) {
    const moved = change.pools.find((p) => p.before.id === pool.id);
    if (!moved || pool.lowStockThreshold === null || pool.alertUserIds.length === 0) continue;
    const before = poolAvailable(moved.before);
    const after = poolAvailable(moved.after);
    if (!crossesThreshold(before, after, pool.lowStockThreshold)) continue;
    await notify(ctx, {
      userIds: pool.alertUserIds,
      kind: lowStockKind,
      title: `Low stock: pool ${pool.name}`,
      body: `The shared pool ${pool.name} has ${after} of ${moved.after.capacity} left (threshold ${pool.lowStockThreshold}).`,
      data: { poolId: pool.id, available: after },
    });
  }
}
