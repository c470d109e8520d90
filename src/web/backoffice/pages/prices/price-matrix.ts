// A price list's rows as a matrix, without I/O: periods down, the other dimensions of a cell
// (charge, basis, room type, class, boarding point, ticket type, occupancy, child band) across.
// Cell text is edited in major units (or as a percentage) and turned back into rows to upsert.
import type { CellKey, PriceList, PriceRow } from '../catalog/shared/catalog-types.ts';

export type ColumnKey = Omit<CellKey, 'period'>;
export type ValueField = 'amount' | 'percentOfAdult' | 'percentOfTrip';

export interface MatrixColumn {
  id: string;
  key: ColumnKey;
  /** What the column's cells hold: an amount, or a percentage of the adult price or trip. */
  field: ValueField;
}

const dimensionOrder: (keyof ColumnKey)[] = [
  'roomTypeId',
  'classCode',
  'boardingPoint',
  'ticketTypeId',
  'childBand',
  'occupancy',
  'charge',
  'basis',
];

export function columnKeyOf(row: CellKey): ColumnKey {
  return {
    charge: row.charge,
    basis: row.basis,
    roomTypeId: row.roomTypeId ?? null,
    classCode: row.classCode ?? null,
    boardingPoint: row.boardingPoint ?? null,
    ticketTypeId: row.ticketTypeId ?? null,
    occupancy: row.occupancy ?? null,
    childBand: row.childBand ?? null,
  };
}

export function columnId(key: ColumnKey): string {
  return dimensionOrder.map((dimension) => String(key[dimension] ?? '')).join('|');
}

export function cellId(period: string, column: string): string {
  return `${period}::${column}`;
}

export function fieldOf(row: Pick<PriceRow, 'percentOfAdult' | 'percentOfTrip'>): ValueField {
  if (row.percentOfAdult !== null) return 'percentOfAdult';
  if (row.percentOfTrip !== null) return 'percentOfTrip';
  return 'amount';
}

/** The columns in a stable order (by their dimensions), plus extra ones added on screen. */
export function columnsOf(rows: PriceRow[], extra: MatrixColumn[] = []): MatrixColumn[] {
  const byId = new Map<string, MatrixColumn>();
  for (const row of rows) {
    const key = columnKeyOf(row);
    const id = columnId(key);
    if (!byId.has(id)) byId.set(id, { id, key, field: fieldOf(row) });
  }
  for (const column of extra) if (!byId.has(column.id)) byId.set(column.id, column);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function rowsByCell(rows: PriceRow[]): Map<string, { row: PriceRow; index: number }> {
  return new Map(
    rows.map((row, index) => [cellId(row.period, columnId(columnKeyOf(row))), { row, index }]),
  );
}

/** The text a cell shows for editing: major units with the locale's decimal mark, or a percentage. */
export function cellText(
  row: PriceRow | undefined,
  field: ValueField,
  digits: number,
  decimalMark: string,
): string {
  if (!row) return '';
  if (field !== 'amount') return (row[field] ?? '').replace('.', decimalMark);
  if (row.amount === null) return '';
  return (row.amount / 10 ** digits).toFixed(digits).replace('.', decimalMark);
}

export type Parsed = { ok: true; value: number | string } | { ok: false };

/** Reads what was typed: "1 234,50", "1234.5" → 123450 minor units; a percentage as a decimal string. */
export function parseCell(text: string, field: ValueField, digits: number): Parsed {
  const cleaned = text
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(',', '.')
    .replace(/%$/, '');
  if (field === 'amount') {
    if (!/^\d+(\.\d+)?$/.test(cleaned)) return { ok: false };
    const [whole = '0', fraction = ''] = cleaned.split('.');
    if (fraction.length > digits) return { ok: false };
    return {
      ok: true,
      value: Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0'),
    };
  }
  if (!/^-?\d{1,3}(\.\d{1,4})?$/.test(cleaned)) return { ok: false };
  return { ok: true, value: cleaned };
}

export interface CellEdit {
  period: string;
  column: MatrixColumn;
  text: string;
}

export interface RowsPatch {
  rows: Record<string, unknown>[];
  remove: CellKey[];
  /** For each sent row, the cell it came from, so `/rows/3/…` errors land on their cell. */
  cellOfRow: string[];
  /** Cells whose text could not be read. */
  invalid: string[];
}

/** The `PATCH …/rows` body for the edited cells: upserts, and removals for cells cleared. */
export function buildPatch(list: PriceList, edits: CellEdit[], digits: number): RowsPatch {
  const existing = rowsByCell(list.rows);
  const patch: RowsPatch = { rows: [], remove: [], cellOfRow: [], invalid: [] };
  for (const edit of edits) {
    const id = cellId(edit.period, edit.column.id);
    const current = existing.get(id)?.row;
    const key: CellKey = { period: edit.period, ...edit.column.key };
    if (edit.text.trim() === '') {
      if (current) patch.remove.push(key);
      continue;
    }
    const parsed = parseCell(edit.text, edit.column.field, digits);
    if (!parsed.ok) {
      patch.invalid.push(id);
      continue;
    }
    patch.rows.push({
      ...key,
      amount: edit.column.field === 'amount' ? parsed.value : null,
      percentOfAdult: edit.column.field === 'percentOfAdult' ? parsed.value : null,
      percentOfTrip: edit.column.field === 'percentOfTrip' ? parsed.value : null,
      // The upsert replaces the whole row: keep the cost the cell had.
      cost: current?.cost ?? null,
    });
    patch.cellOfRow.push(id);
  }
  return patch;
}
