// A report's address-bar state: what a link gives is checked, what the screen writes reads
// back the same, and the API (and so the files) gets exactly the shown filters.
import { describe, expect, it } from 'vitest';
import { type ReportSpec, reportSpecs, specOf } from './report-catalog.ts';
import {
  activeFilterCount,
  changedValues,
  defaultValues,
  dimensionsOf,
  isReady,
  parseReportValues,
  reportApiParams,
  reportSearchParams,
} from './report-params.ts';

function spec(name: string): ReportSpec {
  const found = specOf(name);
  if (!found) throw new Error(`no report ${name}`);
  return found;
}

const productId = '01a20b0f-5cae-7494-868c-306e3433deff';
const customerId = '01a20b0f-5cae-7494-868c-306e3433de00';
const tourId = '01a20b0f-5cae-7494-868c-306e3433de11';
const departureId = '01a20b0f-5cae-7494-868c-306e3433de22';
const today = '2026-12-06';
const sales = spec('sales');

describe('report parameters', () => {
  it('reads back every sales filter it writes', () => {
    const given = new URLSearchParams(
      `from=2026-03-01&to=2026-03-31&dateBasis=departure&period=week&by=product,channel` +
        `&productKind=tour&productId=${productId}&country=GR&channel=phone&online=false` +
        `&soldBy=${customerId}&customerId=${customerId}&currency=EUR&measure=pax`,
    );
    const values = parseReportValues(sales, given, today);
    expect(values).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      dateBasis: 'departure',
      period: 'week',
      by: 'product,channel',
      productKind: 'tour',
      productId,
      country: 'GR',
      channel: 'phone',
      online: 'false',
      soldBy: customerId,
      customerId,
      currency: 'EUR',
      measure: 'pax',
    });
    expect(parseReportValues(sales, reportSearchParams(sales, values), today)).toEqual(values);
    // productKind, productId, country, channel, online, soldBy, customerId, currency: 8.
    expect(activeFilterCount(sales, values)).toBe(8);
  });

  it('fills the defaults: this calendar year by month and channel, revenue charted', () => {
    expect(parseReportValues(sales, new URLSearchParams(), today)).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      dateBasis: 'booking',
      period: 'month',
      by: 'channel',
      measure: 'revenue',
    });
    // Receivables are counted today unless another day is asked.
    expect(parseReportValues(spec('receivables'), new URLSearchParams(), today)).toEqual({
      asOf: today,
    });
    // Occupancy looks ahead: today and the 90 days after it (6 Dec + 90 days = 6 Mar).
    expect(defaultValues('occupancy', today)).toMatchObject({ from: today, to: '2027-03-06' });
  });

  it('drops what a hand-edited link gets wrong instead of sending it on', () => {
    const values = parseReportValues(
      sales,
      new URLSearchParams(
        'from=2026-02-30&to=yesterday&dateBasis=sold&period=fortnight&by=product,colour' +
          '&productKind=hotel&productId=42&country=gr&channel=pigeon&online=maybe&currency=euro' +
          '&measure=profit&departureId=' +
          departureId,
      ),
      today,
    );
    // Every bad value falls back to its default; a parameter sales does not take is ignored.
    expect(values).toEqual(defaultValues('sales', today));
  });

  it('keeps "grouped by nothing" apart from "no grouping chosen"', () => {
    const none = parseReportValues(sales, new URLSearchParams('by='), today);
    expect(none.by).toBe('');
    expect(reportSearchParams(sales, none).get('by')).toBe('');
    // The API is not sent an empty grouping: absent means none there.
    expect(reportApiParams(sales, none, 'en').has('by')).toBe(false);
    expect(dimensionsOf('customer,channel')).toEqual(['customer', 'channel']);
  });

  it('reads a range given backwards as the same range', () => {
    const values = parseReportValues(
      sales,
      new URLSearchParams('from=2026-05-31&to=2026-05-01'),
      today,
    );
    expect([values.from, values.to]).toEqual(['2026-05-01', '2026-05-31']);
  });

  it('sends the API the shown filters and the language, not the chart choices', () => {
    const values = parseReportValues(sales, new URLSearchParams('measure=bookings'), today);
    const api = reportApiParams(sales, values, 'cs');
    expect(Object.fromEntries(api)).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      dateBasis: 'booking',
      period: 'month',
      by: 'channel',
      lang: 'cs',
    });
    const occupancy = spec('occupancy');
    const stacked = parseReportValues(occupancy, new URLSearchParams('view=stack'), today);
    expect(stacked.view).toBe('stack');
    expect(reportApiParams(occupancy, stacked, 'en').has('view')).toBe(false);
  });

  it('takes one grouping where the report groups by one dimension', () => {
    const profitability = spec('profitability');
    expect(parseReportValues(profitability, new URLSearchParams('by=supplier'), today).by).toBe(
      'supplier',
    );
    // Two dimensions, or a sales dimension, are not profitability's: its default stays.
    expect(
      parseReportValues(profitability, new URLSearchParams('by=tour,customer'), today).by,
    ).toBe('tour');
    expect(parseReportValues(profitability, new URLSearchParams('by=channel'), today).by).toBe(
      'tour',
    );
  });

  it('asks for the booking curve only once a tour or departure is chosen', () => {
    const curve = spec('booking-curve');
    const none = parseReportValues(curve, new URLSearchParams(), today);
    expect(isReady(curve, none)).toBe(false);
    const ofTour = parseReportValues(curve, new URLSearchParams(`tourId=${tourId}`), today);
    expect(isReady(curve, ofTour)).toBe(true);
    // Both comparisons in one link: the departure wins, last year goes.
    const both = parseReportValues(
      curve,
      new URLSearchParams(
        `departureId=${departureId}&compare=lastYear&compareDepartureId=${productId}`,
      ),
      today,
    );
    expect(both).toEqual({ departureId, compareDepartureId: productId });
  });

  it('drops what hangs on a changed choice', () => {
    const before = { tourId, departureId, compareDepartureId: productId };
    expect(changedValues(before, { tourId: productId })).toEqual({ tourId: productId });
    // The same tour chosen again keeps its departure.
    expect(changedValues(before, { tourId })).toEqual(before);
    expect(changedValues({ productKind: 'tour', productId }, { productKind: 'transport' })).toEqual(
      { productKind: 'transport' },
    );
    expect(changedValues({ compareDepartureId: productId }, { compare: 'lastYear' })).toEqual({
      compare: 'lastYear',
    });
    // A cleared filter leaves the address.
    expect(changedValues({ channel: 'web', country: 'GR' }, { channel: undefined })).toEqual({
      country: 'GR',
    });
  });

  it('lists for every report only parameters its API takes or the chart uses', () => {
    for (const spec of reportSpecs) {
      const defaults = defaultValues(spec.name, today);
      for (const key of Object.keys(defaults)) expect(spec.params).toContain(key);
    }
  });
});
