// The export's data: a million bookings (BENCH_EXPORT_ROWS) of the bench agency, written
// straight into the tables with SQL, with names and places in the scripts agencies meet.
import pg from 'pg';
import { exportRows } from './settings.ts';
import type { SetUp } from './setup.ts';

const firstNames = [
  'Jiří',
  'Zdeňka',
  'Łukasz',
  'Małgorzata',
  'Şükrü',
  'Gülşen',
  'Eliška',
  'Tomáš',
  'Agnieszka',
  'Ömer',
  'İlkay',
  'Žofie',
  'Björn',
  'François',
  'Ørjan',
  'Wojciech',
  'Kateřina',
  'Çağla',
  '伟',
  '芳',
  'Anna',
  'Petr',
  'Jan',
  'Ayşe',
];
const lastNames = [
  'Dvořák',
  'Nováková',
  'Wiśniewski',
  'Kowalczyk',
  'Öztürk',
  'Yılmaz',
  'Šťastná',
  'Müller',
  'Łęcki',
  'Çelik',
  'Ząbek',
  'Jørgensen',
  'Procházka',
  'Černá',
  'Szczęsny',
  'Doğan',
  '王',
  '李',
  'Horák',
  'Němcová',
  'Lewandowski',
  'Kılıç',
];
const products = [
  ['Kréta na týden', 'Hersonissos, GR'],
  ['Chorvatsko: Makarska', 'Makarska, HR'],
  ['Türkiye: Antalya all inclusive', 'Antalya, TR'],
  ['Mazury pod żaglami', 'Giżycko, PL'],
  ['Mallorca family', 'Alcúdia, ES'],
  ['北京 city break', '北京, CN'],
];
const sqlArray = (values: string[]) =>
  `array[${values.map((v) => pg.escapeLiteral(v)).join(', ')}]`;

/**
 * A million bookings of the bench agency, straight into the tables with SQL: customers (one
 * per five bookings), the quotes they were made from (a foreign key), the bookings over the
 * two years before this one (numbered gaplessly per year), and one to four travellers each.
 * As a bulk load does, the secondary indexes are dropped first and built again after, from
 * their own definitions; constraints (and their indexes) stay and are checked row by row.
 */
export async function generateBookings(client: pg.Client, setup: SetUp, agentId: string) {
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid in ('customers'::regclass, 'quotes'::regclass, 'bookings'::regclass,
                           'booking_travellers'::regclass)
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  // The rows are consistent by construction (every customer, quote and booking they name is
  // inserted first): a superuser may skip the foreign-key triggers, row by row the slowest part.
  const { rows: role } = await client.query<{ superuser: boolean }>(
    `select rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  if (role[0]?.superuser) await client.query(`set session_replication_role = replica`);
  try {
    await insertBookings(client, setup, agentId);
  } finally {
    if (role[0]?.superuser) await client.query(`set session_replication_role = default`);
    const started = performance.now();
    await client.query(`set maintenance_work_mem = '256MB'`);
    for (const index of indexes) await client.query(index.definition);
    console.log(
      `  ${indexes.length} indexes built again: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  await client.query('analyze customers, quotes, bookings, booking_travellers');
}

async function insertBookings(client: pg.Client, setup: SetUp, agentId: string) {
  const customers = Math.max(1000, Math.round(exportRows / 5));
  const first = sqlArray(firstNames);
  const last = sqlArray(lastNames);
  const productNames = sqlArray(products.map((p) => p[0] as string));
  const destinations = sqlArray(products.map((p) => p[1] as string));
  const agency = pg.escapeLiteral(setup.agencyId);
  const fold = (text: string) =>
    `translate(lower(${text}), 'áčďéěíňóřšťúůýžąćęłńśźżçğışöüøéà', 'acdeeinorstuuyzacelnszzcgisouoea')`;
  const step = async (label: string, statement: string) => {
    const started = performance.now();
    const result = await client.query(statement);
    console.log(
      `  ${label}: ${result.rowCount ?? 0} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  };
  // Ids shaped as the app's UUIDv7: the creation time in milliseconds first, so that they are
  // ordered by time as the app's are (and index inserts append); then the row's number and
  // kind (1 quote, 2 booking, 3–6 traveller, 8 customer), so each is unique and derivable.
  // One expression, so that the planner inlines it (a function call per row is 10× slower).
  await client.query(`create function pg_temp.bench_id(ms bigint, n bigint, kind int) returns uuid
    language sql immutable
    as $$ select (lpad(to_hex(ms), 12, '0') || '7' || lpad(to_hex(n * 16 + kind), 19, '0'))::uuid $$`);
  const customersMs = Date.now() - 3 * 365 * 86_400_000;
  const customerOf = (n: string) => `pg_temp.bench_id(${customersMs}, 1 + ${n} % ${customers}, 8)`;
  await step(
    'customers',
    `insert into customers (id, agency_id, kind, first_name, last_name, birth_date, nationality,
       email, phone, locale, search_text, created_at, updated_at)
     select pg_temp.bench_id(${customersMs}, c, 8), ${agency}, 'person', f, l,
       date '1950-01-01' + (c * 37 % 20000), (array['CZ','PL','TR','DE','SK','CN'])[1 + c % 6],
       'customer' || c || '@example.test', '+420 6' || lpad((c::bigint * 7919 % 100000000)::text, 8, '0'),
       (array['cs','pl','tr','en','cs','zh'])[1 + c % 6], ${fold("f || ' ' || l")},
       to_timestamp(${customersMs} / 1000.0), to_timestamp(${customersMs} / 1000.0)
     from generate_series(1, ${customers}) c,
       lateral (select (${first})[1 + c % ${firstNames.length}] f,
                       (${last})[1 + (c / 7) % ${lastNames.length}] l) names`,
  );
  // Booking n, and the quote it was made from: created over the two years before this one.
  const yearStart = `make_timestamptz(extract(year from now())::int - 2, 1, 1, 0, 0, 0, 'UTC')`;
  const each = (n: string) => `lateral (
      select created, (extract(epoch from created) * 1000)::bigint as ms,
        extract(year from created)::int as year,
        (array['web','web','web','phone','phone','email','walk_in','marketplace','gds','api'])[1 + ${n} % 10] as channel,
        50000 + ${n}::bigint * 7919 % 400000 as total,
        created::date + 14 + ${n} % 300 as start_date,
        created::date + 14 + ${n} % 300 + 3 + ${n} % 12 as end_date
      from (select ${yearStart} + (${n} * (2 * 365 * 86400.0 / ${exportRows})) * interval '1 second' as created) c
    ) b`;
  const batch = 250_000;
  const inBatches = async (label: string, statement: (from: number, to: number) => string) => {
    for (let from = 1; from <= exportRows; from += batch) {
      const to = Math.min(exportRows, from + batch - 1);
      await step(`${label} ${from}–${to}`, statement(from, to));
    }
  };
  const quotesBetween = (from: number, to: number) =>
    `insert into quotes (id, agency_id, product_kind, product_id, channel, customer_id, currency,
         request, lines, total, cost, cancellation_policy, rates, price_list_ids, start_date,
         end_date, created_by, expires_at, created_at)
       select pg_temp.bench_id(b.ms, n, 1), ${agency}, 'tour', ${pg.escapeLiteral(setup.tourId)},
         b.channel, ${customerOf('n')}, 'EUR', '{}', '[]', b.total, b.total * 8 / 10, '[]', '[]',
         '[]', b.start_date, b.end_date, ${pg.escapeLiteral(agentId)},
         b.created + interval '30 minutes', b.created
       from generate_series(${from}, ${to}) n, ${each('n')}`;
  await inBatches('quotes', quotesBetween);
  // Numbers per year, gapless, going on from the counters: booking n is number
  // n - (the year's first n) + 1 + (the year's counter before), as n grows with time.
  const { rows: years } = await client.query<{
    year: number;
    first: number;
    count: number;
    last: number;
  }>(
    `select b.year, min(n)::int as first, count(*)::int as count, coalesce(min(c.last), 0) as last
       from generate_series(1, ${exportRows}) n cross join ${each('n')}
       left join booking_numbers c on c.agency_id = ${agency} and c.year = b.year
      group by b.year`,
  );
  const sequence = `case b.year ${years.map((y) => `when ${y.year} then n - ${y.first} + 1 + ${y.last}`).join(' ')} end`;
  const bookingsBetween = (from: number, to: number) =>
    `insert into bookings (id, agency_id, number, status, channel, quote_id, customer_id,
         product_kind, product_id, product_name, start_date, end_date, party, rooms, currency,
         list_total, total, cost, cancellation_policy, rates, pnr, destination, destination_search,
         search_text, open_actions, created_by, created_at, updated_at)
       select pg_temp.bench_id(b.ms, n, 2), ${agency}, x.number,
         case when n * 13 % 11 < 9
           then (array['confirmed','paid','paid','paid','departed','departed','cancelled','ordered',
                       'checked'])[1 + n * 13 % 11]
           when b.channel in ('web', 'marketplace', 'gds', 'api') then 'web_reservation'
           else 'internal_reservation' end,
         b.channel, pg_temp.bench_id(b.ms, n, 1), ${customerOf('n')}, 'tour',
         ${pg.escapeLiteral(setup.tourId)}, (${productNames})[1 + n % ${products.length}],
         b.start_date, b.end_date,
         jsonb_build_object('adults', x.adults, 'childAges', x.children),
         jsonb_build_array(jsonb_build_object('roomTypeId', ${pg.escapeLiteral(setup.double)},
           'adults', x.adults, 'childAges', x.children)),
         (array['EUR','EUR','EUR','CZK','PLN'])[1 + n % 5], b.total, b.total - (n % 7) * 1000,
         b.total * 8 / 10, '[]', '[]',
         case when b.channel = 'gds' then upper(substr(md5(n::text), 1, 6)) end,
         (${destinations})[1 + n % ${products.length}],
         ${fold(`(${destinations})[1 + n % ${products.length}]`)},
         ${fold('x.number')}, (n % 13 = 0)::int, ${pg.escapeLiteral(agentId)}, b.created, b.created
       from generate_series(${from}, ${to}) n, ${each('n')},
       lateral (select b.year || '-' || lpad((${sequence})::text, 6, '0') as number,
                least(2, 1 + n % 4) as adults,
                case n % 4 when 2 then jsonb_build_array(3 + n % 12)
                           when 3 then jsonb_build_array(3 + n % 12, 3 + (n + 5) % 12)
                           else '[]'::jsonb end as children) x`;
  await inBatches('bookings', bookingsBetween);
  for (const y of years) {
    await client.query(
      `insert into booking_numbers (agency_id, year, last) values (${agency}, ${y.year}, ${y.last + y.count})
       on conflict (agency_id, year) do update set last = excluded.last`,
    );
  }
  await step(
    'travellers',
    `insert into booking_travellers (id, agency_id, booking_id, position, first_name, last_name,
       birth_date, nationality, email, is_child)
     select pg_temp.bench_id(b.ms, n, 3 + p), ${agency}, pg_temp.bench_id(b.ms, n, 2), p,
       (${first})[1 + (n + p * 5) % ${firstNames.length}], (${last})[1 + (n / 3) % ${lastNames.length}],
       case when p < 2 then date '1960-01-01' + (n * 31 + p) % 15000
            else date '2014-01-01' + (n + p) % 3000 end,
       (array['CZ','PL','TR','DE','SK','CN'])[1 + n % 6],
       case when p = 0 then 'traveller' || n || '@example.test' end, p >= 2
     from generate_series(1, ${exportRows}) n, ${each('n')}, generate_series(0, n % 4) p`,
  );
}
