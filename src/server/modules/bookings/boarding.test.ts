// Where and when a booking's travellers board (issue 17): the chosen stop and its own time on
// the way out, the return's first stop on the way back; and the voucher prints both.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderVoucher } from '../documents/voucher.ts';
import { boardingsOf } from './boarding.ts';
import type { BookingView } from './read-booking.ts';

const coach = {
  id: 'coach-out',
  code: 'BUS-MAK',
  name: 'Praha – Makarska',
  classes: [
    { code: 'STD', name: 'Standard' },
    { code: 'VIP', name: 'Front rows' },
  ],
  stops: [
    { name: 'Praha, ÚAN Florenc', code: 'PRG', time: '16:30', dayOffset: 0 },
    { name: 'Brno, Hotel Grand', code: 'BRQ', time: '19:15', dayOffset: 0 },
    { name: 'Makarska, autobusni kolodvor', time: '07:30', dayOffset: 1 },
  ],
};
const coachBack = {
  id: 'coach-back',
  code: 'BUS-MAK-R',
  name: 'Makarska – Praha',
  classes: [{ code: 'STD', name: 'Standard' }],
  stops: [
    { name: 'Makarska, autobusni kolodvor', time: '18:00', dayOffset: 0 },
    { name: 'Brno, Hotel Grand', code: 'BRQ', time: '08:00', dayOffset: 1 },
  ],
};
const lines = [
  { kind: 'person', productId: 'tour', fromDate: '2027-07-03' },
  { kind: 'transport', productId: 'coach-out', fromDate: '2027-07-03' },
  { kind: 'transport', productId: 'coach-out', fromDate: '2027-07-03' },
  { kind: 'transport', productId: 'coach-back', fromDate: '2027-07-10' },
];

describe('boarding', () => {
  it('boards at the chosen stop at its time on the way out, at the first stop coming back', () => {
    expect(
      boardingsOf({ boardingPoint: 'BRQ', classCode: 'VIP' }, lines, [coach, coachBack]),
    ).toEqual([
      {
        direction: 'outbound',
        transportId: 'coach-out',
        transport: 'BUS-MAK Praha – Makarska',
        classCode: 'VIP',
        className: 'Front rows',
        place: 'Brno, Hotel Grand',
        date: '2027-07-03',
        time: '19:15',
        legDate: '2027-07-03',
      },
      {
        direction: 'return',
        transportId: 'coach-back',
        transport: 'BUS-MAK-R Makarska – Praha',
        classCode: 'STD',
        className: 'Standard',
        place: 'Makarska, autobusni kolodvor',
        date: '2027-07-10',
        time: '18:00',
        legDate: '2027-07-10',
      },
    ]);
  });

  it('boards at the first stop when none was chosen; a stop a day on moves the date', () => {
    const [none] = boardingsOf({}, lines, [coach, coachBack]);
    expect(none).toMatchObject({ place: 'Praha, ÚAN Florenc', time: '16:30', classCode: 'STD' });
    const [late] = boardingsOf({ boardingPoint: 'Makarska, autobusni kolodvor' }, lines, [
      coach,
      coachBack,
    ]);
    expect(late).toMatchObject({ date: '2027-07-04', time: '07:30' });
  });

  it('has nothing to say about a booking without transport', () => {
    expect(boardingsOf({}, lines.slice(0, 1), [coach])).toEqual([]);
  });

  it('prints the boarding place and time on the voucher', async () => {
    const boarding = boardingsOf({ boardingPoint: 'BRQ' }, lines, [coach, coachBack]);
    const booking = {
      number: '2027-000042',
      productName: 'Makarska by coach',
      from: '2027-07-03',
      to: '2027-07-10',
      offer: null,
      variantName: null,
      cancellation: null,
      travellers: [],
      lines: [],
      requiredActions: [],
      boarding,
    } as unknown as BookingView;
    const pdf = await renderVoucher({
      booking,
      locale: 'cs',
      voucherUrl: 'https://example.test/v/abc',
      template: {
        agencyName: 'Vltava Tours',
        addressLines: [],
        contactLines: [],
        emergencyPhone: null,
        primaryColor: '#1c7ed6',
        accentColor: '#f59f00',
        logo: null,
        footer: {},
      },
    } as unknown as Parameters<typeof renderVoucher>[0]);
    const work = mkdtempSync(join(tmpdir(), 'caravel-boarding-'));
    try {
      writeFileSync(join(work, 'v.pdf'), pdf);
      const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', join(work, 'v.pdf'), '-'])
        .toString('utf8')
        .replace(/\s+/g, ' ');
      expect(text).toContain('Nástup');
      expect(text).toContain('Brno, Hotel Grand');
      expect(text).toMatch(/3\. července 2027 19:15/);
      expect(text).toContain('Makarska, autobusni kolodvor');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
