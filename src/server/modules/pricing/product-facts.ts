// What the rows of a price list may name of the product it prices, read through the catalog's
// look-ups: the tour's room types, the transport's classes and stops, the attraction's ticket
// types. A product that is not the agency's is an error naming `/productId`.
import type { Ctx } from '../../context.ts';
import { Invalid } from '../../errors.ts';
import {
  findAttraction,
  findExtraService,
  findTour,
  findTransport,
  roomTypeIdsOf,
  ticketTypeIdsOf,
} from '../catalog/lookup.ts';
import type { ProductFacts } from './price-row-checks.ts';
import type { ProductKind } from './types.ts';

const kindNames: Record<ProductKind, string> = {
  tour: 'a tour',
  transport: 'a transport',
  attraction: 'an attraction',
  extra_service: 'an extra service',
};

export async function productFacts(
  ctx: Ctx,
  kind: ProductKind,
  productId: string,
): Promise<ProductFacts> {
  const none = new Set<string>();
  const facts = {
    kind,
    roomTypeIds: none,
    classCodes: none,
    boardingPoints: none,
    ticketTypeIds: none,
  };
  const missing = () => Invalid.field('/productId', `is not ${kindNames[kind]} of this agency`);
  switch (kind) {
    case 'tour': {
      const tour = await findTour(ctx, productId);
      if (!tour) throw missing();
      return { ...facts, roomTypeIds: new Set(await roomTypeIdsOf(ctx, tour.accommodationId)) };
    }
    case 'transport': {
      const transport = await findTransport(ctx, productId);
      if (!transport) throw missing();
      return {
        ...facts,
        classCodes: new Set(transport.classes.map((c) => c.code)),
        boardingPoints: new Set(
          transport.stops.flatMap((s) => (s.code ? [s.code, s.name] : [s.name])),
        ),
      };
    }
    case 'attraction': {
      if (!(await findAttraction(ctx, productId))) throw missing();
      return { ...facts, ticketTypeIds: new Set(await ticketTypeIdsOf(ctx, productId)) };
    }
    case 'extra_service': {
      if (!(await findExtraService(ctx, productId))) throw missing();
      return facts;
    }
    default:
      return kind satisfies never;
  }
}
