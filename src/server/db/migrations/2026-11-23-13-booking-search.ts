// The back-office bookings list and its export (B10): what a booking is found and filtered by.
//
// `pnr` is the record locator a GDS or a supplier gave the booking. `destination` is the
// product's place as people name it ("Hersonissos, GR"), copied when the booking is made, so
// the list neither joins three catalog tables per row nor changes when a hotel is edited.
// `search_text` (order number, PNR, every traveller's name and e-mail) and
// `destination_search` are folded in the application (lower case, no diacritics: "novakova"
// finds "Nováková"), like `customers.search_text`: unaccent() is not immutable, so it could
// not be indexed, and PGlite would have to load it too.
import { type Kysely, sql } from 'kysely';

const statements = [
  `alter table bookings add column pnr text check (pnr is null or length(btrim(pnr)) > 0)`,
  `alter table bookings add column destination text`,
  `alter table bookings add column search_text text not null default ''`,
  `alter table bookings add column destination_search text not null default ''`,
  // Keyset pages by departure and by total; (agency_id, start_date, id) replaces the index on
  // (agency_id, start_date) alone, which it covers.
  `create index bookings_start_id_idx on bookings (agency_id, start_date, id)`,
  `drop index bookings_start_idx`,
  `create index bookings_total_idx on bookings (agency_id, total, id)`,
  `create index bookings_channel_idx on bookings (agency_id, channel)`,
  `create index bookings_customer_idx on bookings (agency_id, customer_id)`,
  // A portal customer's own bookings.
  `create index bookings_created_by_idx on bookings (agency_id, created_by, created_at desc)
     where created_by is not null`,
  `create index offers_partner_user_idx on offers (agency_id, partner_user_id)
     where partner_user_id is not null`,
  // The destination of the bookings made so far, as the application derives it: a tour's
  // hotel, an attraction's city, the last stop of a transport route.
  `update bookings b set destination = case b.product_kind
      when 'tour' then (
        select a.city || ', ' || btrim(a.country) from tours t
        join accommodations a on a.agency_id = t.agency_id and a.id = t.accommodation_id
        where t.agency_id = b.agency_id and t.id = b.product_id)
      when 'attraction' then (
        select a.city || ', ' || btrim(a.country) from attractions a
        where a.agency_id = b.agency_id and a.id = b.product_id)
      when 'transport' then (
        select coalesce(s.stop ->> 'city', s.stop ->> 'name')
          || coalesce(', ' || (s.stop ->> 'country'), '')
        from transports t
        cross join lateral (select t.stops -> (jsonb_array_length(t.stops) - 1) as stop) s
        where t.agency_id = b.agency_id and t.id = b.product_id
          and jsonb_array_length(t.stops) > 0)
    end`,
];

// The application's folding as it was when this migration was written (frozen here, as a
// migration imports no application code): NFKD, combining marks removed, lower case, the
// letters that carry no combining mark replaced, spaces collapsed.
const foldedLetters: Record<string, string> = {
  ł: 'l',
  ı: 'i',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łıđðøßæœþ]/g, (letter) => foldedLetters[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

interface Row {
  id: string;
  number: string;
  destination: string | null;
  travellers: string | null;
}

/** Folds the search columns of the bookings made so far, a batch at a time. */
async function backfillSearchText(db: Kysely<unknown>): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<Row>`
      select b.id, b.number, b.destination,
        (select string_agg(concat_ws(' ', t.first_name, t.last_name, t.email), ' ' order by t.position)
          from booking_travellers t where t.booking_id = b.id) as travellers
      from bookings b where b.id > ${after}::uuid order by b.id limit 500`.execute(db);
    const last = rows.at(-1);
    if (!last) return;
    for (const row of rows) {
      const searchText = fold([row.number, row.travellers ?? ''].join(' '));
      const destinationSearch = fold(row.destination ?? '');
      await sql`update bookings set search_text = ${searchText},
        destination_search = ${destinationSearch} where id = ${row.id}::uuid`.execute(db);
    }
    after = last.id;
  }
}

async function hasTrigrams(db: Kysely<unknown>): Promise<boolean> {
  const installed = await sql`select 1 from pg_extension where extname = 'pg_trgm'`.execute(db);
  return installed.rows.length > 0;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  await backfillSearchText(db);
  // pg_trgm was created (where it could be) by the customers migration; without it "contains"
  // searches still work, by scanning the agency's bookings.
  if (await hasTrigrams(db)) {
    await sql`create index bookings_search_trgm_idx on bookings using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
    await sql`create index bookings_destination_trgm_idx on bookings using gin (destination_search gin_trgm_ops)`.execute(
      db,
    );
  }
}
