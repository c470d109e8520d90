// Pure checks of the rows of a price list's matrix: each row against its list (periods,
// child bands, cost currency) and the product it prices (room types, classes, stops, ticket
// types), one price per row, one row per cell. Plain data in, `FieldError`s out; no I/O.
import Decimal from 'decimal.js';
import type { FieldError } from '../../errors.ts';
import type { ChildBand, PricePeriod, PriceRow, ProductKind } from './types.ts';

/** What a row may name of the product it prices (only the product's own kind is filled). */
export interface ProductFacts {
  kind: ProductKind;
  /** Tours: room types of the tour's accommodation. */
  roomTypeIds: ReadonlySet<string>;
  /** Transport: class codes. */
  classCodes: ReadonlySet<string>;
  /** Transport: stop codes and names, either of which names a boarding point. */
  boardingPoints: ReadonlySet<string>;
  /** Attractions: ticket types. */
  ticketTypeIds: ReadonlySet<string>;
}

/** The parts of a list its rows are checked against. */
export interface ListFrame {
  productKind: ProductKind;
  costCurrency: string | null;
  periods: readonly PricePeriod[];
  childBands: readonly ChildBand[];
}

export type CellKeyFields = Pick<
  PriceRow,
  | 'period'
  | 'charge'
  | 'basis'
  | 'roomTypeId'
  | 'classCode'
  | 'boardingPoint'
  | 'ticketTypeId'
  | 'occupancy'
  | 'childBand'
>;

/** The slot of the matrix a row prices: two rows with one key would be two prices for it. */
export function cellKey(row: CellKeyFields): string {
  return JSON.stringify([
    row.period,
    row.charge,
    row.basis,
    row.roomTypeId,
    row.classCode,
    row.boardingPoint,
    row.ticketTypeId,
    row.occupancy,
    row.childBand,
  ]);
}

const tourCharges = new Set(['room', 'extra_bed', 'empty_bed']);
const kindNames: Record<ProductKind, string> = {
  tour: 'tour',
  transport: 'transport',
  attraction: 'attraction',
  extra_service: 'extra service',
};

/** Which attribute a row may name, by the kind of product priced. */
const attributeOwners = {
  roomTypeId: 'tour',
  classCode: 'transport',
  boardingPoint: 'transport',
  ticketTypeId: 'attraction',
} as const satisfies Record<string, ProductKind>;

function attributeProblems(row: PriceRow, product: ProductFacts, path: string): FieldError[] {
  const problems: FieldError[] = [];
  for (const [field, owner] of Object.entries(attributeOwners)) {
    const value = row[field as keyof typeof attributeOwners];
    if (value === null) continue;
    if (product.kind !== owner) {
      problems.push({
        path: `${path}/${field}`,
        message: `is only for ${kindNames[owner]} price lists, not ${kindNames[product.kind]}`,
      });
    }
  }
  if (problems.length > 0) return problems;
  if (row.roomTypeId !== null && !product.roomTypeIds.has(row.roomTypeId)) {
    problems.push({
      path: `${path}/roomTypeId`,
      message: "is not a room type of the tour's accommodation",
    });
  }
  if (row.classCode !== null && !product.classCodes.has(row.classCode)) {
    problems.push({
      path: `${path}/classCode`,
      message: `is not a class of this transport (classes: ${[...product.classCodes].join(', ')})`,
    });
  }
  if (row.boardingPoint !== null && !product.boardingPoints.has(row.boardingPoint)) {
    problems.push({
      path: `${path}/boardingPoint`,
      message: 'is not the code or name of a stop of this transport',
    });
  }
  if (row.ticketTypeId !== null && !product.ticketTypeIds.has(row.ticketTypeId)) {
    problems.push({
      path: `${path}/ticketTypeId`,
      message: 'is not a ticket type of the attraction',
    });
  }
  return problems;
}

function priceProblems(row: PriceRow, list: ListFrame, path: string): FieldError[] {
  const problems: FieldError[] = [];
  const given = (['amount', 'percentOfAdult', 'percentOfTrip'] as const).filter(
    (field) => row[field] !== null,
  );
  if (given.length === 0) {
    problems.push({
      path: `${path}/amount`,
      message: 'is required (or percentOfAdult for a child row, percentOfTrip for a service)',
    });
  } else if (given.length > 1) {
    problems.push({
      path: `${path}/${given[1]}`,
      message: `cannot be given with ${given[0]}: a row has one price`,
    });
  }
  if (row.percentOfAdult !== null && row.childBand === null) {
    problems.push({
      path: `${path}/percentOfAdult`,
      message: 'is only for child rows (set childBand)',
    });
  }
  if (row.percentOfTrip !== null && list.productKind !== 'extra_service') {
    problems.push({
      path: `${path}/percentOfTrip`,
      message: 'is only for extra service price lists (insurance priced on the trip)',
    });
  }
  for (const field of ['percentOfAdult', 'percentOfTrip'] as const) {
    const value = row[field];
    if (value !== null && new Decimal(value).lt(0)) {
      problems.push({ path: `${path}/${field}`, message: 'must be 0 or more' });
    }
  }
  if (row.cost !== null && list.costCurrency === null) {
    problems.push({
      path: `${path}/cost`,
      message: 'needs the costCurrency of the price list (the currency the supplier charges in)',
    });
  }
  return problems;
}

/**
 * Everything wrong with rows of a list pricing `product`: unknown periods and bands, room
 * types, classes, stops or ticket types not of the product, attributes of another kind of
 * product, prices given twice or not at all, and two rows for one cell (naming the second).
 */
export function rowProblems(
  rows: readonly PriceRow[],
  list: ListFrame,
  product: ProductFacts,
  prefix = '/rows',
): FieldError[] {
  const periods = new Set(list.periods.map((p) => p.code));
  const bands = new Set(list.childBands.map((b) => b.code));
  const problems: FieldError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const path = `${prefix}/${index}`;
    if (!periods.has(row.period)) {
      problems.push({
        path: `${path}/period`,
        message: `is not a period of this list (periods: ${[...periods].join(', ') || 'none'})`,
      });
    }
    if (tourCharges.has(row.charge) && product.kind !== 'tour') {
      problems.push({ path: `${path}/charge`, message: `${row.charge} is only for tours` });
    }
    if (
      row.occupancy !== null &&
      (product.kind !== 'tour' || !['room', 'person'].includes(row.charge))
    ) {
      problems.push({
        path: `${path}/occupancy`,
        message: 'is only for room and person rows of tours (occupants of the room)',
      });
    }
    if (row.childBand !== null) {
      if (!bands.has(row.childBand)) {
        problems.push({
          path: `${path}/childBand`,
          message: `is not a child band of this list (bands: ${[...bands].join(', ') || 'none'})`,
        });
      } else if (row.charge !== 'person' && row.charge !== 'extra_bed') {
        problems.push({
          path: `${path}/childBand`,
          message: 'is only for person and extra_bed rows',
        });
      }
    }
    problems.push(...attributeProblems(row, product, path));
    problems.push(...priceProblems(row, list, path));
    const key = cellKey(row);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else {
      problems.push({
        path,
        message: `prices the same cell as ${prefix}/${first} (period, charge, basis, room type, class, boarding point, ticket type, occupancy and child band are all equal)`,
      });
    }
  });
  return problems;
}
