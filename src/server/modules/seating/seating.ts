// Seating a party (T2), pure: which free seats of one class a booking's travellers get on one
// leg. The party sits together when it can, in this order of preference:
//   1. beside each other in one row (a run of neighbouring seats with no aisle or gap),
//   2. in one row across the aisle,
//   3. in neighbouring rows (the fewest rows, the least spread),
//   4. anywhere, as close as the free seats allow.
// Within a way of sitting, children are put beside an adult of their party, travellers'
// wishes (window, aisle, table…) are met as far as the seats allow, and a party takes the
// end of a run rather than its middle, the run it fills best, and the front rows first, so
// that the runs left stay whole for the parties after it. Deterministic: the same seats and
// party always give the same answer.

export interface FreeSeat {
  seatId: string;
  deck: number;
  row: number;
  column: number;
  properties: readonly string[];
}

export interface Sitter {
  /** The traveller's position in the booking. */
  traveller: number;
  child: boolean;
  /** Seat properties wished for, e.g. ['window']. */
  prefer?: readonly string[];
}

export type Together = 'beside' | 'row' | 'rows' | 'apart';

export interface Seating {
  /** Seat id per traveller position. */
  seats: Map<number, string>;
  together: Together;
}

interface Seat extends FreeSeat {}

interface Candidate {
  seats: Seat[];
  together: Together;
  /** Compared after children and wishes: lower is better. */
  rank: number[];
}

const byPlace = (a: Seat, b: Seat) => a.deck - b.deck || a.row - b.row || a.column - b.column;

/** Two seats are beside each other: same deck and row, neighbouring columns. */
export function beside(a: FreeSeat, b: FreeSeat): boolean {
  return a.deck === b.deck && a.row === b.row && Math.abs(a.column - b.column) === 1;
}

/** Free seats per deck and row, each row's seats by column. */
function rowsOf(free: readonly Seat[]): Seat[][] {
  const rows = new Map<string, Seat[]>();
  for (const seat of [...free].sort(byPlace)) {
    const key = `${seat.deck}:${seat.row}`;
    const row = rows.get(key) ?? [];
    row.push(seat);
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** A row's runs: maximal stretches of seats in neighbouring columns. */
function runsOf(row: Seat[]): Seat[][] {
  const runs: Seat[][] = [];
  for (const seat of row) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && seat.column - last.column === 1) run.push(seat);
    else runs.push([seat]);
  }
  return runs;
}

function candidatesBeside(rows: Seat[][], size: number): Candidate[] {
  const found: Candidate[] = [];
  for (const row of rows) {
    for (const run of runsOf(row)) {
      for (let start = 0; start + size <= run.length; start += 1) {
        const atEnd = start === 0 || start + size === run.length;
        const first = run[start] as Seat;
        found.push({
          seats: run.slice(start, start + size),
          together: 'beside',
          rank: [atEnd ? 0 : 1, run.length - size, first.deck, first.row, first.column],
        });
      }
    }
  }
  return found;
}

function candidatesInRow(rows: Seat[][], size: number): Candidate[] {
  const found: Candidate[] = [];
  for (const row of rows) {
    for (let start = 0; start + size <= row.length; start += 1) {
      const seats = row.slice(start, start + size);
      const first = seats[0] as Seat;
      const last = seats[seats.length - 1] as Seat;
      found.push({
        seats,
        together: 'row',
        rank: [
          last.column - first.column,
          runsOf(seats).length,
          first.deck,
          first.row,
          first.column,
        ],
      });
    }
  }
  return found;
}

/** The `count` seats of a row nearest to a column: a stretch of the row's seats by column. */
function nearest(row: Seat[], count: number, centre: number): Seat[] {
  let best = row.slice(0, count);
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let start = 0; start + count <= row.length; start += 1) {
    const stretch = row.slice(start, start + count);
    const distance = stretch.reduce((sum, seat) => sum + Math.abs(seat.column - centre), 0);
    if (distance < bestDistance) {
      best = stretch;
      bestDistance = distance;
    }
  }
  return best;
}

const centreOf = (seats: Seat[]) =>
  seats.reduce((sum, seat) => sum + seat.column, 0) / Math.max(1, seats.length);

/**
 * Rows next to each other on one deck: whole rows from one end, and the part of the row at
 * the other end that is nearest to the seats already taken.
 */
function candidatesInRows(rows: Seat[][], size: number): Candidate[] {
  const found: Candidate[] = [];
  const decks = new Map<number, Seat[][]>();
  for (const row of rows) {
    const deck = (row[0] as Seat).deck;
    decks.set(deck, [...(decks.get(deck) ?? []), row]);
  }
  for (const deckRows of decks.values()) {
    for (const direction of [1, -1] as const) {
      const ordered = direction === 1 ? deckRows : [...deckRows].reverse();
      for (let start = 0; start < ordered.length; start += 1) {
        const taken: Seat[] = [];
        for (let index = start; index < ordered.length && taken.length < size; index += 1) {
          const row = ordered[index] as Seat[];
          const missing = size - taken.length;
          taken.push(...(row.length <= missing ? row : nearest(row, missing, centreOf(taken))));
        }
        if (taken.length < size) break;
        const sorted = [...taken].sort(byPlace);
        const first = sorted[0] as Seat;
        const last = sorted[sorted.length - 1] as Seat;
        const columns = sorted.map((s) => s.column);
        found.push({
          seats: sorted,
          together: 'rows',
          rank: [
            last.row - first.row,
            Math.max(...columns) - Math.min(...columns),
            first.deck,
            first.row,
            first.column,
          ],
        });
      }
    }
  }
  return found;
}

/** The last resort: n seats in a row of the seat order (deck, row, column), least spread. */
function candidatesApart(free: Seat[], size: number): Candidate[] {
  const sorted = [...free].sort(byPlace);
  const found: Candidate[] = [];
  for (let start = 0; start + size <= sorted.length; start += 1) {
    const seats = sorted.slice(start, start + size);
    const first = seats[0] as Seat;
    const last = seats[seats.length - 1] as Seat;
    found.push({
      seats,
      together: 'apart',
      rank: [last.deck - first.deck, last.row - first.row, first.deck, first.row, first.column],
    });
  }
  return found;
}

/** Exhaustive placing of adults is tried up to this many travellers, a pattern beyond. */
const exhaustiveUpTo = 8;

function* combinations(count: number, choose: number, from = 0): Generator<number[]> {
  if (choose === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= count - choose; i += 1) {
    for (const rest of combinations(count, choose - 1, i + 1)) yield [i, ...rest];
  }
}

/** How many wished-for properties the seats miss, travellers placed greedily; and where. */
function placeWishes(
  travellers: readonly Sitter[],
  seats: readonly Seat[],
): { misses: number; placed: Map<number, string> } {
  const left = [...seats];
  const placed = new Map<number, string>();
  let misses = 0;
  // Travellers with wishes choose first, the most particular first.
  const order = [...travellers].sort(
    (a, b) => (b.prefer?.length ?? 0) - (a.prefer?.length ?? 0) || a.traveller - b.traveller,
  );
  for (const traveller of order) {
    const wishes = traveller.prefer ?? [];
    let bestIndex = 0;
    let bestMet = -1;
    left.forEach((seat, index) => {
      const met = wishes.filter((w) => seat.properties.includes(w)).length;
      if (met > bestMet) {
        bestMet = met;
        bestIndex = index;
      }
    });
    const [seat] = left.splice(bestIndex, 1);
    if (!seat) break;
    misses += wishes.length - Math.max(0, bestMet);
    placed.set(traveller.traveller, seat.seatId);
  }
  return { misses, placed };
}

interface Placement {
  childrenAlone: number;
  misses: number;
  placed: Map<number, string>;
}

function childrenAlone(seats: readonly Seat[], adultSeats: ReadonlySet<number>): number {
  let alone = 0;
  seats.forEach((seat, index) => {
    if (adultSeats.has(index)) return;
    const hasAdult = seats.some((other, o) => adultSeats.has(o) && beside(seat, other));
    if (!hasAdult) alone += 1;
  });
  return alone;
}

/**
 * The travellers on these seats: which seats the adults take so that every child is beside
 * one (the fewest left without), then who takes which seat for their wishes.
 */
function place(party: readonly Sitter[], seats: readonly Seat[]): Placement {
  const adults = party.filter((p) => !p.child);
  const children = party.filter((p) => p.child);
  if (adults.length === 0 || children.length === 0) {
    const { misses, placed } = placeWishes(party, seats);
    return { childrenAlone: 0, misses, placed };
  }
  const layouts: number[][] = [];
  if (seats.length <= exhaustiveUpTo) {
    for (const chosen of combinations(seats.length, adults.length)) layouts.push(chosen);
  } else {
    // Every third seat from the second: A child, adult, child pattern along the seat order.
    const pattern = seats.map((_, i) => i).filter((i) => i % 3 === 1);
    const rest = seats.map((_, i) => i).filter((i) => i % 3 !== 1);
    layouts.push([...pattern, ...rest].slice(0, adults.length));
  }
  let best: Placement | null = null;
  for (const chosen of layouts) {
    const adultSeats = new Set(chosen);
    const alone = childrenAlone(seats, adultSeats);
    if (best && alone > best.childrenAlone) continue;
    const forAdults = placeWishes(
      adults,
      seats.filter((_, i) => adultSeats.has(i)),
    );
    const forChildren = placeWishes(
      children,
      seats.filter((_, i) => !adultSeats.has(i)),
    );
    const misses = forAdults.misses + forChildren.misses;
    if (!best || alone < best.childrenAlone || misses < best.misses) {
      best = {
        childrenAlone: alone,
        misses,
        placed: new Map([...forAdults.placed, ...forChildren.placed]),
      };
    }
  }
  return best as Placement;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Seats for a party from the free seats of its class on one leg; null when there are fewer
 * free seats than travellers (the inventory should have refused the booking first).
 */
export function chooseSeats(free: readonly FreeSeat[], party: readonly Sitter[]): Seating | null {
  const size = party.length;
  if (size === 0) return { seats: new Map(), together: 'beside' };
  if (free.length < size) return null;
  const seats = free.map((seat) => ({ ...seat }));
  const rows = rowsOf(seats);
  const tiers = [
    () => candidatesBeside(rows, size),
    () => candidatesInRow(rows, size),
    () => candidatesInRows(rows, size),
    () => candidatesApart(seats, size),
  ];
  for (const tier of tiers) {
    const candidates = tier();
    if (candidates.length === 0) continue;
    let best: { candidate: Candidate; placement: Placement } | null = null;
    for (const candidate of candidates) {
      const placement = place(party, candidate.seats);
      const better =
        !best ||
        compareRanks(
          [placement.childrenAlone, placement.misses, ...candidate.rank],
          [best.placement.childrenAlone, best.placement.misses, ...best.candidate.rank],
        ) < 0;
      if (better) best = { candidate, placement };
    }
    if (best) return { seats: best.placement.placed, together: best.candidate.together };
  }
  return null;
}

/**
 * Whether seats keep a party together: every seat reachable from every other through seats
 * on the same deck in the same or the next row.
 */
export function isTogether(seats: readonly { deck: number; row: number }[]): boolean {
  if (seats.length <= 1) return true;
  const reached = new Set([0]);
  const queue = [0];
  while (queue.length > 0) {
    const index = queue.pop() as number;
    const seat = seats[index] as { deck: number; row: number };
    seats.forEach((other, o) => {
      if (!reached.has(o) && other.deck === seat.deck && Math.abs(other.row - seat.row) <= 1) {
        reached.add(o);
        queue.push(o);
      }
    });
  }
  return reached.size === seats.length;
}
