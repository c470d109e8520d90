// The European Central Bank's euro reference rates (eurofxref-daily.xml, -hist-90d.xml,
// -hist.xml): `<Cube time="YYYY-MM-DD"><Cube currency="CZK" rate="25.305"/>…</Cube>`, one
// block per day, each rate being units of the currency per 1 EUR. Parsed with an XML
// library, checked strictly: a malformed file is refused, never half read.
import Decimal from 'decimal.js';
import { XMLParser } from 'fast-xml-parser';
import { isCalendarDate } from '../../calendar.ts';
import { isCurrency } from '../pricing/money.ts';

export interface EcbDay {
  date: string;
  /** Units of `currency` per 1 EUR, as exact decimal strings. */
  rates: { currency: string; rate: string }[];
}

type Node = Record<string, unknown>;

const asArray = (value: unknown): Node[] =>
  value === undefined
    ? []
    : (Array.isArray(value) ? value : [value]).filter(
        (item): item is Node => typeof item === 'object' && item !== null,
      );

/** Every day in the file, newest first. Throws with a clear message on anything unexpected. */
export function parseEcbRates(xml: string): EcbDay[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseAttributeValue: false,
  });
  let document: Node;
  try {
    document = parser.parse(xml, true) as Node;
  } catch (error) {
    throw new Error(`not an XML file: ${(error as Error).message}`);
  }
  const envelope = document.Envelope as Node | undefined;
  const outer = envelope ? asArray(envelope.Cube)[0] : undefined;
  if (!outer) throw new Error('not an ECB reference rates file: no <Envelope><Cube>');
  const days = asArray(outer.Cube).map((block): EcbDay => {
    const date = String(block.time ?? '');
    if (!isCalendarDate(date)) throw new Error(`a <Cube time="${date}"> is not a date`);
    const rates = asArray(block.Cube).map((cube) => {
      const currency = String(cube.currency ?? '');
      const rate = String(cube.rate ?? '');
      if (!isCurrency(currency)) throw new Error(`${date}: "${currency}" is not a currency code`);
      let value: Decimal;
      try {
        value = new Decimal(rate);
      } catch {
        throw new Error(`${date} ${currency}: "${rate}" is not a number`);
      }
      if (!value.isFinite() || value.lte(0)) {
        throw new Error(`${date} ${currency}: the rate must be positive, got "${rate}"`);
      }
      return { currency, rate: value.toString() };
    });
    if (rates.length === 0) throw new Error(`${date}: no rates`);
    return { date, rates };
  });
  if (days.length === 0) throw new Error('the file holds no day of rates');
  return days.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
