// A tour's rooms priced night by night: who sleeps where (standard bed, extra bed, a cot),
// which period each night falls in, and which rows price the room, each guest and each
// empty bed. A stay crossing two seasons gets each night at its own season's price.
import { addDays, nightsOfStay } from '../../calendar.ts';
import { Conflict, Invalid } from '../../errors.ts';
import type { PricingRequest, RoomTypeInfo } from './engine-types.ts';
import { runsOfNights, type Segment } from './lines.ts';
import { bandOf, requirePeriod } from './price-lookup.ts';
import type { Pricer } from './pricer.ts';
import { slotPrices } from './row-price.ts';
import type { ChildBand, PriceCharge, PriceList } from './types.ts';

/** A traveller in a room: index into the party (adults first), age and band for children. */
interface Guest {
  traveller: number;
  age: number | null;
  band: ChildBand | null;
  bed: 'standard' | 'extra' | 'none';
}

export interface RoomGuests {
  roomType: RoomTypeInfo;
  guests: Guest[];
  emptyBeds: number;
}

function describeParty(adults: number, ages: readonly number[]): string {
  const sorted = [...ages].sort((a, b) => a - b);
  return `${adults} adult${adults === 1 ? '' : 's'}${sorted.length ? ` and children aged ${sorted.join(', ')}` : ''}`;
}

/**
 * Puts the party into its rooms: every traveller in exactly one room, each room within its
 * type's limits; adults take the standard beds first, then children oldest first; the rest
 * sleep on extra beds. Children of a band that needs no bed (infants) take none.
 */
export function seatParty(request: PricingRequest, list: PriceList): RoomGuests[] {
  const { party, rooms } = request;
  if (request.product.kind !== 'tour') throw new Error('seatParty prices tours');
  const roomTypes = request.product.roomTypes;
  if (rooms.length === 0) throw Invalid.field('/rooms', 'name at least one room');
  const roomAdults = rooms.reduce((n, r) => n + r.adults, 0);
  const roomAges = rooms.flatMap((r) => r.childAges).sort((a, b) => a - b);
  const partyAges = [...party.childAges].sort((a, b) => a - b);
  if (roomAdults !== party.adults || roomAges.join() !== partyAges.join()) {
    throw Invalid.field(
      '/rooms',
      `the rooms hold ${describeParty(roomAdults, roomAges)}; the party is ${describeParty(party.adults, party.childAges)}`,
    );
  }
  const bands = party.childAges.map((age, i) => bandOf(list, age, `/party/childAges/${i}`));
  const childTaken = party.childAges.map(() => false);
  let nextAdult = 0;

  return rooms.map((room, r) => {
    const at = `/rooms/${r}`;
    const roomType = roomTypes.find((t) => t.id === room.roomTypeId);
    if (!roomType) throw Invalid.field(`${at}/roomTypeId`, 'is not a room type of this tour');
    const guests: Guest[] = [];
    for (let a = 0; a < room.adults; a += 1) {
      guests.push({ traveller: nextAdult, age: null, band: null, bed: 'standard' });
      nextAdult += 1;
    }
    for (const age of room.childAges) {
      const c = party.childAges.findIndex((other, i) => other === age && !childTaken[i]);
      childTaken[c] = true;
      guests.push({ traveller: party.adults + c, age, band: bands[c] ?? null, bed: 'standard' });
    }
    const bedded = guests.filter((g) => g.band?.needsBed !== false);
    const children = guests.length - room.adults;
    const name = `${roomType.name} (${roomType.code})`;
    if (room.adults > roomType.maxAdults) {
      throw Invalid.field(`${at}/adults`, `${name} takes at most ${roomType.maxAdults} adults`);
    }
    if (bedded.length > roomType.standardBeds + roomType.extraBeds) {
      throw Invalid.field(
        at,
        `${describeParty(room.adults, room.childAges)} need ${bedded.length} beds; ${name} has ${roomType.standardBeds} and ${roomType.extraBeds} extra`,
      );
    }
    if (children > roomType.maxChildren + (roomType.maxAdults - room.adults)) {
      throw Invalid.field(
        `${at}/childAges`,
        `${name} takes at most ${roomType.maxChildren} children beside ${room.adults} adults`,
      );
    }
    // Adults first, then children oldest first, onto the standard beds.
    const order = [...bedded]
      .sort((x, y) => (x.age ?? 99) - (y.age ?? 99) || x.traveller - y.traveller)
      .reverse();
    order.forEach((guest, i) => {
      guest.bed = i < roomType.standardBeds ? 'standard' : 'extra';
    });
    for (const g of guests) if (g.band?.needsBed === false) g.bed = 'none';
    return {
      roomType,
      guests,
      emptyBeds: Math.max(0, roomType.standardBeds - bedded.length),
    };
  });
}

interface NightPiece {
  date: string;
  period: string;
  unitPrice: number;
  unitCost: number | null;
  basis: 'night' | 'stay';
}

interface Slot {
  group: string;
  kind: Segment['kind'];
  label: string;
  charge: PriceCharge;
  band: ChildBand | null;
  travellers: number[];
  fallbackToAdult: boolean;
  /** How many of this slot the room has (empty beds). */
  heads: number;
}

function guestLabel(guest: Guest, roomName: string): string {
  const who =
    guest.age === null
      ? 'adult'
      : `child ${guest.band ? `${guest.band.code} ` : ''}(age ${guest.age})`;
  const where = guest.bed === 'extra' ? ', extra bed' : guest.bed === 'none' ? ', no bed' : '';
  return `${roomName}: ${who}${where}`;
}

function slotsOf(room: RoomGuests, r: number): Slot[] {
  const name = `${room.roomType.name} (${room.roomType.code})`;
  const occupants = room.guests.map((g) => g.traveller);
  const slots: Slot[] = [
    {
      group: `room:${room.roomType.id}`,
      kind: 'room',
      label: `${name}: room`,
      charge: 'room',
      band: null,
      travellers: occupants,
      fallbackToAdult: false,
      heads: 1,
    },
  ];
  for (const guest of room.guests) {
    const extra = guest.bed === 'extra';
    slots.push({
      group: `${extra ? 'extra' : 'person'}:${room.roomType.id}:${guest.band?.code ?? 'adult'}:${guest.bed}`,
      kind: extra ? 'extra_bed' : 'person',
      label: guestLabel(guest, name),
      charge: extra ? 'extra_bed' : 'person',
      band: guest.band,
      travellers: [guest.traveller],
      // An infant without a row of their band travels free; other children pay as adults.
      fallbackToAdult: guest.bed !== 'none',
      heads: 1,
    });
  }
  if (room.emptyBeds > 0) {
    slots.push({
      group: `empty:${room.roomType.id}:${r}`,
      kind: 'empty_bed',
      label: `${name}: empty bed`,
      charge: 'empty_bed',
      band: null,
      travellers: occupants,
      fallbackToAdult: false,
      heads: room.emptyBeds,
    });
  }
  return slots;
}

/** The room and guest pieces of a tour's stay, night by night, then in runs of nights. */
export function priceStay(
  request: PricingRequest,
  list: PriceList,
  rooms: readonly RoomGuests[],
  pricer: Pricer,
): Segment[] {
  const nights = nightsOfStay(request.start, request.end);
  const segments: Segment[] = [];
  rooms.forEach((room, r) => {
    const occupancy = room.guests.filter((g) => g.bed !== 'none').length;
    const slots = slotsOf(room, r);
    const pieces = new Map<Slot, NightPiece[]>(slots.map((s) => [s, []]));
    const departurePeriod = request.fixedDeparture
      ? requirePeriod(list, request.start, '/departureId').code
      : null;
    nights.forEach((night, n) => {
      const period = departurePeriod ?? requirePeriod(list, night, '/from').code;
      let roomPriced = false;
      for (const slot of slots) {
        let prices = slotPrices(
          list,
          {
            period,
            charge: slot.charge,
            childBand: slot.band?.code ?? null,
            roomTypeId: room.roomType.id,
            occupancy,
          },
          pricer,
          slot.fallbackToAdult,
        );
        if (prices.length === 0 && slot.charge === 'extra_bed') {
          prices = slotPrices(
            list,
            {
              period,
              charge: 'person',
              childBand: slot.band?.code ?? null,
              roomTypeId: room.roomType.id,
              occupancy,
            },
            pricer,
            slot.fallbackToAdult,
          );
        }
        if (prices.length === 0 && slot.charge === 'person' && !slot.fallbackToAdult) {
          // An infant without a row of their band stays free: a line of 0 all the same, so
          // the quote accounts for every traveller.
          pieces
            .get(slot)
            ?.push({ date: night, period, unitPrice: 0, unitCost: 0, basis: 'night' });
        }
        for (const p of prices) {
          // A per-stay row prices every night of the stay (it is charged on the first only).
          if (slot.charge === 'room' || (slot.charge === 'person' && slot.band === null))
            roomPriced = true;
          if (p.row.basis === 'stay' && n > 0) continue;
          pieces.get(slot)?.push({
            date: night,
            period,
            unitPrice: p.price,
            unitCost: p.cost,
            basis: p.row.basis,
          });
        }
      }
      if (!roomPriced) {
        throw new Conflict(`${list.name} has no price for ${room.roomType.code} on ${night}`, [
          {
            path: `/rooms/${r}/roomTypeId`,
            message: `${list.name} has no room or adult price for ${room.roomType.code} on the night of ${night}`,
          },
        ]);
      }
    });
    for (const slot of slots) {
      const all = pieces.get(slot) ?? [];
      for (const basis of ['night', 'stay'] as const) {
        const runs = runsOfNights(
          all.filter((p) => p.basis === basis),
          (d) => addDays(d, 1),
        );
        for (const run of runs) {
          const perStay = basis === 'stay';
          segments.push({
            kind: slot.kind,
            productKind: 'tour',
            productId: request.product.id,
            group: `${slot.group}:${basis}`,
            label: perStay
              ? `${slot.label}, per stay`
              : run.first.unitPrice === 0 &&
                  run.first.unitCost === 0 &&
                  !slot.fallbackToAdult &&
                  slot.charge === 'person'
                ? `${slot.label}, free`
                : slot.label,
            travellers: slot.travellers,
            room: r,
            from: perStay ? request.start : run.from,
            to: perStay ? request.end : run.to,
            nights: perStay ? nights.length : run.count,
            period: run.first.period,
            childBand: slot.band?.code ?? null,
            unitPrice: run.first.unitPrice,
            unitCost: run.first.unitCost,
            units: perStay ? 1 : run.count,
            heads: slot.heads,
          });
        }
      }
    }
  });
  return segments;
}
