// Product search (C7): what can be sold for a destination, dates and party. The SQL narrows
// the candidates (agency, not archived, place, a departure or season near the dates); the
// pure rules of tour-rules.ts decide the rest (`checkStay`, `roomFitsParty`), so search and
// booking never disagree about what a tour allows.
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import type { FieldError } from '../../errors.ts';
import { Invalid } from '../../errors.ts';
import type { RoomTypeRow } from './accommodations-repo.ts';
import { listRoomTypes } from './accommodations-repo.ts';
import { presentRoomType, type RoomTypeView } from './accommodations-service.ts';
import { type BoardingChoices, boardingChoices } from './boarding-choices.ts';
import { containsPattern, localizedContains } from './text-search.ts';
import { checkStay, type Party, roomFitsParty } from './tour-rules.ts';
import {
  presentDeparture,
  presentSeason,
  type TourDepartureView,
  type TourSeasonView,
} from './tours-present.ts';
import { listDepartures, listSeasons } from './tours-repo.ts';

export interface SearchQuery {
  destination?: string;
  country?: string;
  from?: string;
  to?: string;
  adults?: number;
  /** Ages as given in the query: each item one age or several, comma-separated. */
  childAges?: string[];
  kind?: 'tour' | 'attraction';
}

export interface TourHit {
  kind: 'tour';
  id: string;
  code: string;
  name: Record<string, string>;
  mode: 'fixed_departures' | 'by_days';
  accommodation: { id: string; name: string; city: string; country: string; stars: number | null };
  departures: TourDepartureView[];
  seasons: TourSeasonView[];
  roomTypes: RoomTypeView[];
  /** The tour's transport: classes and boarding stops to choose from; null without one. */
  boarding: BoardingChoices | null;
}

export interface AttractionHit {
  kind: 'attraction';
  id: string;
  name: Record<string, string>;
  city: string;
  country: string;
}

export const searchLimit = 50;
const batchSize = 200;

interface Criteria {
  destination?: string;
  country?: string;
  dates?: { from: string; to: string };
  party?: Party;
}

/** Ages as a query gives them: each item one age or several, comma-separated ("4,9"). */
export function childAgesOf(items: readonly string[] | undefined): number[] {
  return (items ?? [])
    .flatMap((item) => item.split(','))
    .filter((age) => age !== '')
    .map(Number);
}

/** Reads and checks the query: dates go together and in order, a party has adults. */
function criteriaOf(query: SearchQuery): Criteria {
  const problems: FieldError[] = [];
  if (query.from !== undefined && query.to === undefined) {
    problems.push({ path: '/to', message: 'is required with from' });
  }
  if (query.to !== undefined && query.from === undefined) {
    problems.push({ path: '/from', message: 'is required with to' });
  }
  if (query.from !== undefined && query.to !== undefined && query.to < query.from) {
    problems.push({ path: '/to', message: `must be on or after from (${query.from})` });
  }
  const childAges = childAgesOf(query.childAges);
  if (childAges.some((age) => age > 17)) {
    problems.push({ path: '/childAges', message: 'holds an age above 17; count them as adults' });
  }
  if (childAges.length > 0 && query.adults === undefined) {
    problems.push({ path: '/adults', message: 'is required with childAges' });
  }
  if (problems.length > 0) {
    throw new Invalid(problems.map((p) => `${p.path.slice(1)} ${p.message}`).join('; '), problems);
  }
  return {
    destination: query.destination?.trim() || undefined,
    country: query.country,
    dates:
      query.from !== undefined && query.to !== undefined
        ? { from: query.from, to: query.to }
        : undefined,
    party: query.adults === undefined ? undefined : { adults: query.adults, childAges },
  };
}

/** One batch of candidate tours (newest first), with their accommodation. */
function tourCandidates(ctx: Ctx, criteria: Criteria, before: string | undefined) {
  const { destination, country, dates } = criteria;
  const pattern = destination === undefined ? undefined : containsPattern(destination);
  return ctx.db
    .selectFrom('tours as t')
    .innerJoin('accommodations as a', (join) =>
      join.onRef('a.agencyId', '=', 't.agencyId').onRef('a.id', '=', 't.accommodationId'),
    )
    .select([
      't.id',
      't.code',
      't.name',
      't.mode',
      't.transportId',
      'a.id as accommodationId',
      'a.name as accommodationName',
      'a.city',
      'a.country',
      'a.stars',
    ])
    .where('t.agencyId', '=', ctx.agencyId)
    .where('t.archivedAt', 'is', null)
    .where('a.archivedAt', 'is', null)
    .$if(country !== undefined, (qb) => qb.where('a.country', '=', country as string))
    .$if(pattern !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          localizedContains('t.name', pattern as string),
          eb('a.name', 'ilike', pattern as string),
          eb('a.city', 'ilike', pattern as string),
        ]),
      ),
    )
    .$if(dates !== undefined, (qb) => {
      const { from, to } = dates as { from: string; to: string };
      return qb.where((eb) =>
        eb.or([
          eb.and([
            eb('t.mode', '=', 'fixed_departures'),
            eb.exists(
              eb
                .selectFrom('tourDepartures as d')
                .select(sql`1`.as('one'))
                .whereRef('d.agencyId', '=', 't.agencyId')
                .whereRef('d.tourId', '=', 't.id')
                .where('d.status', '=', 'open')
                .where('d.startDate', '>=', from)
                .where('d.startDate', '<=', to),
            ),
          ]),
          eb.and([
            eb('t.mode', '=', 'by_days'),
            eb.exists(
              eb
                .selectFrom('tourSeasons as s')
                .select(sql`1`.as('one'))
                .whereRef('s.agencyId', '=', 't.agencyId')
                .whereRef('s.tourId', '=', 't.id')
                .where('s.startDate', '<=', from)
                .where('s.endDate', '>=', from),
            ),
          ]),
        ]),
      );
    })
    .$if(before !== undefined, (qb) => qb.where('t.id', '<', before as string))
    .orderBy('t.id', 'desc')
    .limit(batchSize)
    .execute();
}

type Candidate = Awaited<ReturnType<typeof tourCandidates>>[number];

/** The candidates that the dates and the party allow, with what matched. */
async function matchingTours(ctx: Ctx, criteria: Criteria, candidates: Candidate[]) {
  const tourIds = candidates.map((c) => c.id);
  const [departures, seasons, roomTypes, boarding] = await Promise.all([
    listDepartures(ctx.db, ctx.agencyId, tourIds),
    listSeasons(ctx.db, ctx.agencyId, tourIds),
    listRoomTypes(ctx.db, ctx.agencyId, [...new Set(candidates.map((c) => c.accommodationId))]),
    boardingChoices(
      ctx,
      candidates.map((c) => c.transportId),
    ),
  ]);
  const hits: TourHit[] = [];
  for (const candidate of candidates) {
    const fitting = roomTypes.filter(
      (room: RoomTypeRow) =>
        room.accommodationId === candidate.accommodationId &&
        room.archivedAt === null &&
        (criteria.party === undefined || roomFitsParty(room, criteria.party)),
    );
    if (criteria.party !== undefined && fitting.length === 0) continue;

    let tourDepartures: TourDepartureView[] = [];
    let tourSeasons: TourSeasonView[] = [];
    if (candidate.mode === 'fixed_departures') {
      tourDepartures = departures
        .filter((d) => d.tourId === candidate.id && d.status === 'open')
        .filter(
          (d) =>
            criteria.dates === undefined ||
            (criteria.dates.from <= d.startDate && d.startDate <= criteria.dates.to),
        )
        .map(presentDeparture);
      if (criteria.dates !== undefined && tourDepartures.length === 0) continue;
    } else {
      const own = seasons.filter((s) => s.tourId === candidate.id).map(presentSeason);
      if (criteria.dates === undefined) {
        tourSeasons = own;
      } else {
        const stay = checkStay(own, criteria.dates.from, criteria.dates.to);
        if (!stay.ok) continue;
        tourSeasons = stay.seasons;
      }
    }
    hits.push({
      kind: 'tour',
      id: candidate.id,
      code: candidate.code,
      name: candidate.name as Record<string, string>,
      mode: candidate.mode,
      accommodation: {
        id: candidate.accommodationId,
        name: candidate.accommodationName,
        city: candidate.city,
        country: candidate.country,
        stars: candidate.stars,
      },
      departures: tourDepartures,
      seasons: tourSeasons,
      roomTypes: fitting.map(presentRoomType),
      boarding: candidate.transportId ? (boarding.get(candidate.transportId) ?? null) : null,
    });
  }
  return hits;
}

async function searchTours(ctx: Ctx, criteria: Criteria, limit: number): Promise<TourHit[]> {
  const hits: TourHit[] = [];
  let before: string | undefined;
  while (hits.length < limit) {
    const candidates = await tourCandidates(ctx, criteria, before);
    hits.push(...(await matchingTours(ctx, criteria, candidates)));
    if (candidates.length < batchSize) break;
    before = candidates.at(-1)?.id;
  }
  return hits.slice(0, limit);
}

async function searchAttractions(
  ctx: Ctx,
  criteria: Criteria,
  limit: number,
): Promise<AttractionHit[]> {
  if (limit <= 0) return [];
  const pattern =
    criteria.destination === undefined ? undefined : containsPattern(criteria.destination);
  const rows = await ctx.db
    .selectFrom('attractions')
    .select(['id', 'name', 'city', 'country'])
    .where('agencyId', '=', ctx.agencyId)
    .where('archivedAt', 'is', null)
    .$if(criteria.country !== undefined, (qb) =>
      qb.where('country', '=', criteria.country as string),
    )
    .$if(pattern !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          localizedContains('attractions.name', pattern as string),
          eb('city', 'ilike', pattern as string),
        ]),
      ),
    )
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    kind: 'attraction',
    id: row.id,
    name: row.name as Record<string, string>,
    city: row.city,
    country: row.country,
  }));
}

/**
 * Finds tours (and attractions) to sell: tours first, newest first, then attractions, at
 * most 50 in all. Archived tours, and tours of archived accommodations, are never found.
 */
export async function searchProducts(
  ctx: Ctx,
  query: SearchQuery,
): Promise<{ items: (TourHit | AttractionHit)[] }> {
  const criteria = criteriaOf(query);
  const tours = query.kind === 'attraction' ? [] : await searchTours(ctx, criteria, searchLimit);
  const attractions =
    query.kind === 'tour' ? [] : await searchAttractions(ctx, criteria, searchLimit - tours.length);
  return { items: [...tours, ...attractions] };
}
