// Every event the server writes into a booking's history has a title in every language: the
// audit calls about a booking are read from the server's source, so a new event without a
// translation fails here instead of showing its raw code (`invoice.issued`) to staff.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cs } from '../../../../shared/i18n/cs.ts';
import { en } from '../../../../shared/i18n/en.ts';
import { pl } from '../../../../shared/i18n/pl.ts';
import { tr } from '../../../../shared/i18n/tr.ts';
import { zh } from '../../../../shared/i18n/zh.ts';
import { historyEventKey } from './history-events.ts';

const serverDir = path.resolve(import.meta.dirname, '../../../../../server');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const code = /'([a-z_]+\.[a-z_.]+)'/g;

/** The action codes of every `recordAudit(…)` about a booking in the server's source. */
function bookingEventCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(serverDir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const call of text.split('recordAudit(').slice(1)) {
      const body = call.slice(0, call.indexOf('});'));
      if (!body.includes("entityType: 'booking'")) continue;
      const action = /action: ([^\n]+),\n/.exec(body)?.[1] ?? '';
      const literals = [...action.matchAll(code)].map((m) => m[1] as string);
      // An action looked up in a table of the same file: `answerEvents[answer.answer]`.
      const table = /^(\w+)\[/.exec(action)?.[1];
      if (table) {
        const start = text.indexOf(`const ${table}`);
        const end = text.indexOf('};', start);
        expect(start, `${file}: ${table} not found`).toBeGreaterThanOrEqual(0);
        literals.push(...[...text.slice(start, end).matchAll(code)].map((m) => m[1] as string));
      }
      expect(
        literals.length,
        `${file}: an audit action that is not spelled out: ${action}`,
      ).toBeGreaterThan(0);
      for (const literal of literals) found.set(literal, path.relative(serverDir, file));
    }
  }
  return found;
}

describe('booking history events', () => {
  const codes = bookingEventCodes();

  it('finds the events the server writes about a booking', () => {
    expect([...codes.keys()]).toEqual(
      expect.arrayContaining([
        'booking.created',
        'booking.line_refused',
        'payment.recorded',
        'invoice.issued',
        'invoice.credited',
        'documents.sent',
      ]),
    );
  });

  it.each(Object.entries({ en, cs, pl, tr, zh }))('titles every one in %s', (_, messages) => {
    const events = messages.bookings.detail.event as Record<string, string>;
    const missing = [...codes.keys()].filter((action) => {
      const key = historyEventKey(action);
      return key === 'other' || !events[key];
    });
    expect(missing).toEqual([]);
  });

  it('titles an unknown code as another change, not as the code', () => {
    expect(historyEventKey('invoice.issued')).toBe('invoice_issued');
    expect(historyEventKey('booking.something_new')).toBe('other');
    expect(historyEventKey('other')).toBe('other');
  });
});
