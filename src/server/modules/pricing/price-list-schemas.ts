// TypeBox schemas of price lists as the API takes and shows them: periods, child bands, the
// matrix of rows, cancellation tiers and demand pricing. They feed validation and OpenAPI.
import { type TProperties, Type } from 'typebox';
import { PageQuery } from '../../http/pagination.ts';
import { NonBlank, nullable, Uuid } from '../../http/schemas.ts';
import {
  ArchivedQuery,
  CalendarDateSchema,
  CurrencyCodeSchema,
  LifecycleSchema,
} from '../catalog/common.ts';

export const PercentSchema = Type.String({
  pattern: '^-?\\d{1,3}(\\.\\d{1,4})?$',
  description: 'A percentage as a decimal string (never a float), e.g. "12.5"',
});

/** An amount in minor units of a currency: cents for EUR, haléř for CZK, yen for JPY. */
export function minorAmount(description: string) {
  return Type.Integer({
    minimum: 0,
    maximum: 1_000_000_000_000,
    description: `${description}, an integer in minor units (12900 = 129.00 EUR)`,
  });
}

/** The query of a list endpoint: a page, the archive filter, and the endpoint's own filters. */
export function listQuery<T extends TProperties>(filters: T) {
  return Type.Object(
    { ...PageQuery.properties, ...filters, archived: ArchivedQuery },
    { additionalProperties: false },
  );
}

/** A name shown to staff and in quotes: 1 to 200 characters, not blank. */
export const NameSchema = NonBlank({ maxLength: 200 });

const Code = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
});

export const ProductKindSchema = Type.Enum(['tour', 'transport', 'attraction', 'extra_service'], {
  description: 'The kind of product priced; productId is one of its ids',
});
const ChargeSchema = Type.Enum(['room', 'person', 'extra_bed', 'empty_bed', 'booking'], {
  description:
    'room: a room (by occupants); person: a guest on a standard bed or a traveller; extra_bed; empty_bed: a standard bed left empty; booking: once per booking',
});
const BasisSchema = Type.Enum(['night', 'stay'], {
  description: 'night: per night of the stay; stay: once for the stay, trip or ticket',
});

const period = {
  code: { ...Code, description: 'Short and unique in the list ("summer-high"); rows name it' },
  name: NameSchema,
  from: { ...CalendarDateSchema, description: 'The first date priced' },
  to: { ...CalendarDateSchema, description: 'The last date priced (inclusive)' },
  priority: Type.Integer({
    minimum: -1000,
    maximum: 1000,
    description: 'Where periods overlap, the highest priority wins on each date (default 0)',
  }),
};
const PeriodInput = Type.Object(
  { ...period, priority: Type.Optional(period.priority) },
  { additionalProperties: false },
);
const PeriodSchema = Type.Object(period);

const band = {
  code: { ...Code, description: 'Unique in the list ("child-2-12"); rows name it' },
  minAge: Type.Integer({ minimum: 0, maximum: 17, description: 'Age from (inclusive)' }),
  maxAge: Type.Integer({ minimum: 1, maximum: 18, description: 'Age to (exclusive)' }),
  needsBed: Type.Boolean({ description: 'false: an infant in a cot takes no bed (default true)' }),
};
const BandInput = Type.Object(
  { ...band, needsBed: Type.Optional(band.needsBed) },
  { additionalProperties: false },
);
const BandSchema = Type.Object(band);

const TierSchema = Type.Object(
  {
    daysBefore: Type.Integer({
      minimum: 0,
      maximum: 3650,
      description: 'Cancelled this many days before travel or more…',
    }),
    percent: { ...PercentSchema, description: '…costs this percentage of the total (0 to 100)' },
  },
  { additionalProperties: false },
);

const Days = Type.Integer({ minimum: 0, maximum: 3650 });

const changeFee = {
  amount: minorAmount('The fee for each change of a booking, in the list currency'),
  freeDaysBefore: nullable(
    { ...Days, description: 'Changes this many days before travel or more are free' },
    { description: 'Changes this many days before travel or more are free; null: never free' },
  ),
};
const ChangeFeeInput = Type.Object(
  { amount: changeFee.amount, freeDaysBefore: Type.Optional(changeFee.freeDaysBefore) },
  { additionalProperties: false },
);
const ChangeFeeSchema = Type.Object(changeFee);
const dynamicTier = {
  minLoadFactor: nullable(
    Type.String({
      pattern: '^(0(\\.\\d{1,4})?|1(\\.0{1,4})?)$',
      description: 'Applies when at least this share of capacity is sold, "0.8"',
    }),
  ),
  minDaysToDeparture: nullable({ ...Days, description: 'Applies this many days ahead or more' }),
  maxDaysToDeparture: nullable({ ...Days, description: 'Applies this many days ahead or fewer' }),
  adjustPercent: { ...PercentSchema, description: 'Added to the price (negative lowers it)' },
};
const dynamicFields = {
  floorPercent: { ...PercentSchema, description: 'The sum of the tiers is at least this (≤ 0)' },
  ceilingPercent: { ...PercentSchema, description: 'The sum of the tiers is at most this (≥ 0)' },
};
const DynamicInput = Type.Object(
  {
    tiers: Type.Array(
      Type.Object(
        {
          minLoadFactor: Type.Optional(dynamicTier.minLoadFactor),
          minDaysToDeparture: Type.Optional(dynamicTier.minDaysToDeparture),
          maxDaysToDeparture: Type.Optional(dynamicTier.maxDaysToDeparture),
          adjustPercent: dynamicTier.adjustPercent,
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    ...dynamicFields,
  },
  { additionalProperties: false, description: 'Demand pricing: tiers within a floor and ceiling' },
);
const DynamicSchema = Type.Object({
  tiers: Type.Array(Type.Object(dynamicTier)),
  ...dynamicFields,
});

const cell = {
  period: { ...Code, description: 'The code of a period of the list' },
  charge: ChargeSchema,
  basis: BasisSchema,
  roomTypeId: nullable(Uuid, { description: 'Tours: the room type; null for every room type' }),
  classCode: nullable(Type.String({ minLength: 1, maxLength: 40 }), {
    description: 'Transport: the class; null for every class',
  }),
  boardingPoint: nullable(Type.String({ minLength: 1, maxLength: 200 }), {
    description: 'Transport: the code or name of the boarding stop; null for every stop',
  }),
  ticketTypeId: nullable(Uuid, { description: 'Attractions: the ticket type; null for all' }),
  occupancy: nullable(Type.Integer({ minimum: 1, maximum: 50 }), {
    description: 'room: occupants of the room; person: persons in the room; null for any',
  }),
  childBand: nullable(Code, { description: 'The code of a child band; null for adults' }),
};
const price = {
  amount: nullable(minorAmount('The price in the list currency')),
  percentOfAdult: nullable(PercentSchema, {
    description: 'Child rows: a percentage of the matching adult price ("50" = half)',
  }),
  percentOfTrip: nullable(PercentSchema, {
    description: 'Extra services (insurance): a percentage of the trip before this service',
  }),
  cost: nullable(minorAmount('The purchase price in the cost currency of the list')),
};
export const CellKeyInput = Type.Object(
  {
    period: cell.period,
    charge: cell.charge,
    basis: cell.basis,
    roomTypeId: Type.Optional(cell.roomTypeId),
    classCode: Type.Optional(cell.classCode),
    boardingPoint: Type.Optional(cell.boardingPoint),
    ticketTypeId: Type.Optional(cell.ticketTypeId),
    occupancy: Type.Optional(cell.occupancy),
    childBand: Type.Optional(cell.childBand),
  },
  { additionalProperties: false, description: 'The cell of the matrix; omitted fields are null' },
);
export const RowInput = Type.Object(
  {
    ...CellKeyInput.properties,
    amount: Type.Optional(price.amount),
    percentOfAdult: Type.Optional(price.percentOfAdult),
    percentOfTrip: Type.Optional(price.percentOfTrip),
    cost: Type.Optional(price.cost),
  },
  {
    additionalProperties: false,
    description: 'One price: exactly one of amount, percentOfAdult and percentOfTrip',
  },
);
export const RowsInput = Type.Array(RowInput, { maxItems: 5000 });
const RowSchema = Type.Object({ ...cell, ...price });

/** The parts of a list a PATCH may change (its product is fixed). */
export const listParts = {
  name: NameSchema,
  currency: { ...CurrencyCodeSchema, description: 'The currency of the prices' },
  costCurrency: nullable(CurrencyCodeSchema, {
    description: 'The currency of the costs (the supplier’s); required for rows with a cost',
  }),
  customerId: nullable(Uuid, {
    description: 'A company customer whose own (corporate) list this is; null for the public list',
  }),
  periods: Type.Array(PeriodInput, { maxItems: 200 }),
  childBands: Type.Array(BandInput, { maxItems: 20 }),
  cancellation: Type.Array(TierSchema, {
    maxItems: 50,
    description: 'Cancellation fee tiers by days before travel',
  }),
  dynamic: nullable(DynamicInput),
  changeFee: nullable(ChangeFeeInput, {
    description: 'What a change of a booking costs (dates, party, rooms); null: changes are free',
  }),
};

const listOut = {
  id: Uuid,
  name: Type.String(),
  productKind: ProductKindSchema,
  productId: Uuid,
  currency: Type.String(),
  costCurrency: nullable(Type.String()),
  customerId: nullable(Uuid),
  periods: Type.Array(PeriodSchema),
  childBands: Type.Array(BandSchema),
  cancellation: Type.Array(TierSchema),
  dynamic: nullable(DynamicSchema),
  changeFee: nullable(ChangeFeeSchema),
};

export const PriceListSchema = Type.Object(
  {
    ...listOut,
    rows: Type.Array(RowSchema, { description: 'The matrix, in the order rows were given' }),
    ...LifecycleSchema,
  },
  { $id: 'PriceList' },
);

export const PriceListSummarySchema = Type.Object(
  { ...listOut, rowCount: Type.Integer({ description: 'Rows of the matrix' }), ...LifecycleSchema },
  { $id: 'PriceListSummary' },
);
