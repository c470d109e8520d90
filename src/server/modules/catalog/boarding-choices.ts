// What a traveller may choose when a tour travels by the agency's transport: the class, and the
// stop to board at (fares differ by stop). Given to the staff entry (search) and to the portal's
// product page; the choice goes back as the quote's `classCode` and `boardingPoint`.
import { Type } from 'typebox';
import type { Ctx } from '../../context.ts';

export interface BoardingChoices {
  classes: Array<{ code: string; name: string }>;
  /** Every stop but the last (nobody boards at the terminus), in route order. */
  stops: Array<{ value: string; name: string; time: string; dayOffset: number }>;
}

export const BoardingChoicesSchema = Type.Union(
  [
    Type.Object({
      classes: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
      stops: Type.Array(
        Type.Object({
          value: Type.String({ description: 'What to send as the quote’s boardingPoint' }),
          name: Type.String(),
          time: Type.String({ description: 'Local time of departure from the stop, HH:MM' }),
          dayOffset: Type.Integer(),
        }),
      ),
    }),
    Type.Null(),
  ],
  { description: 'The transport’s classes and boarding stops; null without transport' },
);

/** The choices of each transport named (its outbound leg), by transport id. */
export async function boardingChoices(
  ctx: Ctx,
  transportIds: ReadonlyArray<string | null>,
): Promise<Map<string, BoardingChoices>> {
  const ids = [...new Set(transportIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('transports')
    .select(['id', 'classes', 'stops'])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        classes: row.classes.map((c) => ({ code: c.code, name: c.name })),
        stops: row.stops.slice(0, -1).map((s) => ({
          value: s.code ?? s.name,
          name: s.name,
          time: s.time,
          dayOffset: s.dayOffset,
        })),
      },
    ]),
  );
}
