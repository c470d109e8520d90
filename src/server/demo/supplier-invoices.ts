// The demo's supplier invoices (A2), recorded by its accountant against the demo's bookings:
// one billing its lines exactly (paid), one billing more than they cost, beyond the
// tolerance (flagged for review), and one only partly matched, so the supplier-costs report
// and the payables have something in every row kind. Amounts follow what the demo's lines
// cost, so they stay right whatever the demo's prices become.
import { addDays, todayUtc } from '../calendar.ts';
import type { Ctx } from '../context.ts';
import { findUserByEmail } from '../modules/identity/repo.ts';
import { type CostLine, costLines, toleranceOf } from '../modules/supplier-invoices/analysis.ts';
import { addMatch, createSupplierInvoice, markPaid } from '../modules/supplier-invoices/service.ts';

const accountantEmail = 'eva.dvorakova@vltava-tours.example';

export interface DemoSupplierInvoicesSummary {
  invoiceIds: string[];
  /** The invoice billed beyond the tolerance. */
  flaggedId: string | null;
}

export async function seedDemoSupplierInvoices(
  ctx: Ctx,
  bookingIds: readonly string[],
  now: Date,
): Promise<DemoSupplierInvoicesSummary> {
  const accountant = await findUserByEmail(ctx.db, ctx.agencyId, accountantEmail);
  if (!accountant) throw new Error('the demo accountant must exist first');
  const asAccountant: Ctx = {
    ...ctx,
    actor: {
      type: 'user',
      id: accountant.id,
      userId: accountant.id,
      name: accountant.name,
      role: 'accountant',
    },
  };
  const { baseCurrency } = await toleranceOf(ctx);
  const lines = (
    await costLines(ctx, baseCurrency, (qb) =>
      qb.where('l.bookingId', 'in', bookingIds.length > 0 ? [...bookingIds] : ['']),
    )
  ).filter((l) => l.counts && l.supplierId !== null && l.expected > 0);
  // The lines of each supplier, the supplier with the most lines first.
  const bySupplier = new Map<string, CostLine[]>();
  for (const line of lines) {
    const list = bySupplier.get(line.supplierId as string) ?? [];
    list.push(line);
    bySupplier.set(line.supplierId as string, list);
  }
  const suppliers = [...bySupplier.entries()].sort((a, b) => b[1].length - a[1].length);
  const today = todayUtc(now);
  const invoiceIds: string[] = [];
  let flaggedId: string | null = null;
  let number = 0;

  const record = async (supplierId: string, amount: number, note: string) => {
    number += 1;
    const invoice = await createSupplierInvoice(asAccountant, {
      supplierId,
      number: `DEMO-${today.slice(0, 4)}-${String(number).padStart(3, '0')}`,
      invoiceDate: addDays(today, -10 * number),
      currency: baseCurrency,
      amount,
      vat: Math.round(amount * 0.1),
      note,
    });
    invoiceIds.push(invoice.id);
    return invoice.id;
  };

  const [first, second, third] = suppliers;
  if (first) {
    // Billed exactly what two of its lines cost, and paid.
    const [a, b] = first[1];
    const billed = [a, b].filter((l): l is CostLine => l !== undefined);
    const id = await record(
      first[0],
      billed.reduce((s, l) => s + l.expected, 0),
      'Billed as contracted.',
    );
    for (const line of billed)
      await addMatch(asAccountant, id, { bookingLineId: line.id, amount: line.expected });
    await markPaid(asAccountant, id, addDays(today, -2));
  }
  const over = second ?? first;
  if (over) {
    // 8 % (at least 50.00) more than the line cost: beyond the default tolerance.
    const line = over[1][over === first ? 2 : 0] ?? over[1][0];
    if (line) {
      const amount = line.expected + Math.max(Math.round(line.expected * 0.08), 50_00);
      flaggedId = await record(over[0], amount, 'Surcharge not in the contract: check.');
      await addMatch(asAccountant, flaggedId, { bookingLineId: line.id, amount });
    }
  }
  const partly = third ?? second;
  if (partly) {
    // Its line billed as expected, plus a city tax nobody has matched yet.
    const line = partly[1][partly === second ? 1 : 0] ?? partly[1][0];
    if (line) {
      const tax = Math.max(100, Math.round(line.expected * 0.05));
      const id = await record(partly[0], line.expected + tax, 'Includes city tax.');
      await addMatch(asAccountant, id, { bookingLineId: line.id, amount: line.expected });
    }
  }
  return { invoiceIds, flaggedId };
}
