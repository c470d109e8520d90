// Human labels of catalog things, for inventory resources, alerts and manifests
// ("Hotel Aurora – Double room", "OK 123 2027-07-04 Y").
import type { Ctx } from '../../context.ts';
import type { LocalizedText } from '../../db/schema.ts';

/** The text in the first language present, preferring English. */
export function firstText(text: LocalizedText | null | undefined): string {
  if (!text) return '';
  return text.en ?? text.cs ?? text.pl ?? text.tr ?? text.zh ?? '';
}

export async function roomTypeLabel(ctx: Ctx, roomTypeId: string): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('roomTypes as r')
    .innerJoin('accommodations as a', (join) =>
      join.onRef('a.id', '=', 'r.accommodationId').onRef('a.agencyId', '=', 'r.agencyId'),
    )
    .select(['a.name as accommodation', 'r.name', 'r.code'])
    .where('r.agencyId', '=', ctx.agencyId)
    .where('r.id', '=', roomTypeId)
    .executeTakeFirst();
  if (!row) return undefined;
  return `${row.accommodation} – ${firstText(row.name) || row.code}`;
}
