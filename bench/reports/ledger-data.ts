// The reports bench's data besides the generated bookings: their sales ledger rows, as the
// ledger's writer would have written them (three lines a booking, the first counting the
// booking with its pax and nights; a cancelled booking's rows taken back on its cancellation
// day, and its fee), weekly departures of the bench tour over the reported year, and a bed
// bank of 300 room types with an allotment every night of that year (the 100,000-row report).
import pg from 'pg';

const batch = 250_000;

async function step(client: pg.Client, label: string, statement: string) {
  const started = performance.now();
  const result = await client.query(statement);
  console.log(
    `  ${label}: ${(result.rowCount ?? 0).toLocaleString('en')} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * Ledger rows for every booking of the agency, in batches of bookings by id. The split of a
 * total into lines: 70 % the stay, 20 % the transport, the rest a service; the cost is the
 * booking's, split the same way. Rates into the base currency (EUR) as the bench fixes them.
 */
export async function generateLedger(client: pg.Client, agencyId: string): Promise<void> {
  const agency = pg.escapeLiteral(agencyId);
  const { rows } = await client.query<{ n: string }>(
    `select count(*) as n from bookings where agency_id = ${agency}`,
  );
  const count = Number(rows[0]?.n ?? 0);
  // The ledger's secondary indexes are built after the load, as a bulk load does.
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = 'sales_ledger'::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  const facts = `b.agency_id, gen_random_uuid(), b.id,
      case b.currency when 'EUR' then 1 when 'CZK' then 0.04 else 0.235 end,
      b.currency, 'EUR', b.channel,
      b.channel in ('web', 'marketplace', 'gds', 'api'), b.created_by, b.customer_id,
      b.product_kind, b.product_id, b.product_name,
      split_part(b.destination, ', ', 2), null, split_part(b.destination, ', ', 1),
      b.start_date, (b.created_at at time zone 'UTC')::date`;
  const columns = `(agency_id, id, booking_id, rate, currency, base_currency, channel, online,
      sold_by, customer_id, product_kind, product_id, product_name, destination_country,
      destination_region, destination_place, departure_date, booking_date,
      booking_line_id, event, at, sale, cost, sale_base, cost_base, bookings, pax, nights)`;
  const pax = `(b.party->>'adults')::int + jsonb_array_length(b.party->'childAges')`;
  // Line k of 3: its share of the total and of the cost.
  const share = (k: string, amount: string) =>
    `case ${k} when 0 then ${amount} * 7 / 10 when 1 then ${amount} * 2 / 10 else ${amount} - ${amount} * 7 / 10 - ${amount} * 2 / 10 end`;
  const rate = `case b.currency when 'EUR' then 1 when 'CZK' then 0.04 else 0.235 end`;
  // Bookings numbered by id, so batches split them evenly.
  const numbered = `(select b.*, row_number() over (order by b.id) as n from bookings b
       where b.agency_id = ${agency}) b`;
  const inBatch = (from: number, to: number) => `b.n between ${from} and ${to}`;
  const cancelledAt = `least(b.start_date::timestamptz, b.created_at + (b.n % 60) * interval '1 day')`;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await step(
      client,
      `ledger rows made ${from}–${to}`,
      `insert into sales_ledger ${columns}
       select ${facts}, null, 'created', b.created_at, ${share('k', 'b.total')},
         ${share('k', 'b.cost')}, round(${share('k', 'b.total')} * ${rate}),
         round(${share('k', 'b.cost')} * ${rate}),
         (k = 0)::int, case when k = 0 then ${pax} else 0 end,
         case when k = 0 then b.end_date - b.start_date else 0 end
       from ${numbered} cross join generate_series(0, 2) k
       where ${inBatch(from, to)}`,
    );
    await step(
      client,
      `ledger rows cancelled ${from}–${to}`,
      `insert into sales_ledger ${columns}
       select ${facts}, null, 'cancelled', ${cancelledAt}, -${share('k', 'b.total')},
         -${share('k', 'b.cost')}, -round(${share('k', 'b.total')} * ${rate}),
         -round(${share('k', 'b.cost')} * ${rate}),
         -(k = 0)::int, case when k = 0 then -(${pax}) else 0 end,
         case when k = 0 then b.start_date - b.end_date else 0 end
       from ${numbered} cross join generate_series(0, 2) k
       where ${inBatch(from, to)} and b.status = 'cancelled'`,
    );
    await step(
      client,
      `ledger fees ${from}–${to}`,
      `insert into sales_ledger ${columns}
       select ${facts}, null, 'fee', ${cancelledAt}, b.total / 10, null,
         round(b.total / 10 * ${rate}), null, 0, 0, 0
       from ${numbered}
       where ${inBatch(from, to)} and b.status = 'cancelled'`,
    );
  }
  const started = performance.now();
  for (const index of indexes) await client.query(index.definition);
  console.log(
    `  ${indexes.length} ledger indexes built again: ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // As autovacuum leaves an append-only table: analysed, its pages marked all-visible.
  await client.query('vacuum analyze sales_ledger');
}

/** A departure of the bench tour every Saturday of `year`, 7 nights. */
export async function generateDepartures(
  client: pg.Client,
  agencyId: string,
  tourId: string,
  year: number,
): Promise<void> {
  await step(
    client,
    `tour departures ${year}`,
    `insert into tour_departures (id, agency_id, tour_id, start_date, nights, status, created_at, updated_at)
     select gen_random_uuid(), ${pg.escapeLiteral(agencyId)}, ${pg.escapeLiteral(tourId)}, d::date, 7,
       'open', now(), now()
     from generate_series(date '${year}-01-01', date '${year}-12-31', interval '1 day') d
     where extract(isodow from d) = 6`,
  );
}

/**
 * A bed bank: one accommodation with `roomTypes` room types, each with an allotment of 10 a
 * night over `year`, some of it sold; the hotels view of it is roomTypes × days rows.
 */
export async function generateBedBank(
  client: pg.Client,
  agencyId: string,
  year: number,
  roomTypes: number,
): Promise<string> {
  const agency = pg.escapeLiteral(agencyId);
  const { rows } = await client.query<{ id: string }>(
    `insert into accommodations (id, agency_id, name, kind, city, country, board_types, photos,
       description, created_at, updated_at)
     values (gen_random_uuid(), ${agency}, 'Bed bank (bench)', 'hotel', 'Hersonissos', 'GR',
       '[]', '[]', '{}', now(), now())
     returning id`,
  );
  const accommodationId = rows[0]?.id as string;
  await step(
    client,
    'bed bank room types',
    `insert into room_types (id, agency_id, accommodation_id, code, name, max_adults, max_children,
       standard_beds, extra_beds, created_at, updated_at)
     select gen_random_uuid(), ${agency}, ${pg.escapeLiteral(accommodationId)}, 'R' || lpad(r::text, 3, '0'),
       jsonb_build_object('en', 'Room ' || r), 2, 1, 2, 1, now(), now()
     from generate_series(1, ${roomTypes}) r`,
  );
  await step(
    client,
    'bed bank resources',
    `insert into inventory_resources (id, agency_id, kind, owner_id, class_code, label, alert_user_ids, created_at)
     select gen_random_uuid(), ${agency}, 'room_type', rt.id, '', 'Bed bank ' || rt.code, '[]', now()
     from room_types rt where rt.accommodation_id = ${pg.escapeLiteral(accommodationId)}`,
  );
  await step(
    client,
    'bed bank nights',
    `insert into inventory_days (resource_id, agency_id, date, kind, capacity, sold, held)
     select r.id, ${agency}, d::date, 'allotment', 10, (extract(doy from d)::int + length(r.label)) % 11, 0
     from inventory_resources r
     join room_types rt on rt.id = r.owner_id and rt.accommodation_id = ${pg.escapeLiteral(accommodationId)},
       generate_series(date '${year}-01-01', date '${year}-12-31', interval '1 day') d`,
  );
  await client.query('analyze inventory_days, inventory_resources, room_types, tour_departures');
  return accommodationId;
}
