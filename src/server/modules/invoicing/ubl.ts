// The e-invoice (D3): an invoice or credit note as UBL 2.1 under the European standard
// EN 16931 (`urn:cen.eu:en16931:2017`), built with xmlbuilder2 so that every text is escaped
// and the document is well formed. Elements follow the UBL schema's sequence, which the XSD
// enforces. Pure: the view in, the XML text out.
import Decimal from 'decimal.js';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { InvoiceParty } from '../../db/schema.ts';
import { minorUnitDigits, money, toMajor } from '../pricing/money.ts';
import type { InvoiceView } from './present.ts';

const ns = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

export const customizationId = 'urn:cen.eu:en16931:2017';
export const profileId = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/** Commercial invoice (UNTDID 1001). */
const invoiceTypeCode = '380';
/** Credit note related to goods or services. */
const creditNoteTypeCode = '381';
/** Credit transfer (UNTDID 4461). */
const creditTransfer = '30';

function amount(minor: number, currency: string): string {
  return toMajor(money(minor, currency)).toFixed(minorUnitDigits(currency));
}

/**
 * The item net price (BT-146) of a line, so that its net is exactly quantity × price ÷ base
 * quantity (Peppol BIS rule R120), never a rounded unit price that misses the net by a
 * few cents (10 × 1 294,64 ≠ 12 946,43). The price of one unit is stated with the decimals it
 * needs (1 294,643) when it has a finite decimal form; otherwise (100,00 for 3 units) the
 * price is stated for the line's whole quantity (BT-149 base quantity 3, price 100,00).
 */
export function linePrice(
  net: number,
  quantity: number,
  currency: string,
): { price: string; baseQuantity: string | null } {
  const digits = minorUnitDigits(currency);
  const major = new Decimal(Math.abs(net)).div(new Decimal(10).pow(digits));
  const units = Math.max(1, Math.abs(quantity));
  const unit = major.div(units);
  if (unit.mul(units).equals(major) && unit.decimalPlaces() <= 8) {
    return { price: unit.toFixed(Math.max(digits, unit.decimalPlaces())), baseQuantity: null };
  }
  return { price: major.toFixed(digits), baseQuantity: String(units) };
}

function cbc(parent: XMLBuilder, name: string, text: string, attributes?: Record<string, string>) {
  return parent.ele(ns.cbc, `cbc:${name}`, attributes).txt(text).up();
}

function money2(parent: XMLBuilder, name: string, minor: number, currency: string) {
  return cbc(parent, name, amount(minor, currency), { currencyID: currency });
}

function party(parent: XMLBuilder, role: string, p: InvoiceParty) {
  const el = parent.ele(ns.cac, `cac:${role}`).ele(ns.cac, 'cac:Party');
  cbc(el.ele(ns.cac, 'cac:PartyName'), 'Name', p.name);
  const address = el.ele(ns.cac, 'cac:PostalAddress');
  if (p.street) cbc(address, 'StreetName', p.street);
  if (p.city) cbc(address, 'CityName', p.city);
  if (p.postalCode) cbc(address, 'PostalZone', p.postalCode);
  cbc(address.ele(ns.cac, 'cac:Country'), 'IdentificationCode', p.country ?? '');
  if (p.vatId) {
    const scheme = el.ele(ns.cac, 'cac:PartyTaxScheme');
    cbc(scheme, 'CompanyID', p.vatId);
    cbc(scheme.ele(ns.cac, 'cac:TaxScheme'), 'ID', 'VAT');
  }
  const legal = el.ele(ns.cac, 'cac:PartyLegalEntity');
  cbc(legal, 'RegistrationName', p.name);
  if (p.registrationId) cbc(legal, 'CompanyID', p.registrationId);
  if (p.email) cbc(el.ele(ns.cac, 'cac:Contact'), 'ElectronicMail', p.email);
}

function taxCategory(
  parent: XMLBuilder,
  name: 'TaxCategory' | 'ClassifiedTaxCategory',
  category: { id: string; rate: string; reason?: string | null; reasonCode?: string | null },
) {
  const el = parent.ele(ns.cac, `cac:${name}`);
  cbc(el, 'ID', category.id);
  cbc(el, 'Percent', category.rate);
  if (category.reasonCode) cbc(el, 'TaxExemptionReasonCode', category.reasonCode);
  if (category.reason) cbc(el, 'TaxExemptionReason', category.reason);
  cbc(el.ele(ns.cac, 'cac:TaxScheme'), 'ID', 'VAT');
}

/** The UBL 2.1 XML of an invoice (Invoice) or a credit note (CreditNote). */
export function toUbl(doc: InvoiceView): string {
  const isCredit = doc.kind === 'credit_note';
  const cur = doc.currency;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(
    isCredit ? ns.creditNote : ns.invoice,
    isCredit ? 'CreditNote' : 'Invoice',
    { 'xmlns:cac': ns.cac, 'xmlns:cbc': ns.cbc },
  );
  cbc(root, 'CustomizationID', customizationId);
  cbc(root, 'ProfileID', profileId);
  cbc(root, 'ID', doc.number);
  cbc(root, 'IssueDate', doc.issueDate);
  if (!isCredit) cbc(root, 'DueDate', doc.dueDate);
  cbc(
    root,
    isCredit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode',
    isCredit ? creditNoteTypeCode : invoiceTypeCode,
  );
  cbc(root, 'Note', `Booking ${doc.bookingNumber}`);
  if (doc.note) cbc(root, 'Note', doc.note);
  if (isCredit && doc.reason) cbc(root, 'Note', `Reason: ${doc.reason}`);
  cbc(root, 'DocumentCurrencyCode', cur);
  if (doc.taxCurrency) cbc(root, 'TaxCurrencyCode', doc.taxCurrency);
  cbc(root, 'BuyerReference', doc.bookingNumber);
  if (doc.creditedInvoice) {
    const ref = root
      .ele(ns.cac, 'cac:BillingReference')
      .ele(ns.cac, 'cac:InvoiceDocumentReference');
    cbc(ref, 'ID', doc.creditedInvoice.number);
    cbc(ref, 'IssueDate', doc.creditedInvoice.issueDate);
  }
  party(root, 'AccountingSupplierParty', doc.supplier);
  party(root, 'AccountingCustomerParty', doc.customer);
  if (!isCredit && doc.supplier.iban) {
    const means = root.ele(ns.cac, 'cac:PaymentMeans');
    cbc(means, 'PaymentMeansCode', creditTransfer);
    cbc(means, 'PaymentID', doc.number);
    const account = means.ele(ns.cac, 'cac:PayeeFinancialAccount');
    cbc(account, 'ID', doc.supplier.iban.replace(/\s+/g, ''));
    if (doc.supplier.bic) {
      cbc(account.ele(ns.cac, 'cac:FinancialInstitutionBranch'), 'ID', doc.supplier.bic);
    }
  }
  if (isCredit) {
    // A credit note has no due date in UBL; EN 16931 then asks for payment terms (BR-CO-25).
    cbc(
      root.ele(ns.cac, 'cac:PaymentTerms'),
      'Note',
      `Credits invoice ${doc.creditedInvoice?.number ?? ''}; refunded to the customer`,
    );
  }
  const taxTotal = root.ele(ns.cac, 'cac:TaxTotal');
  money2(taxTotal, 'TaxAmount', doc.vat, cur);
  for (const b of doc.breakdown) {
    const sub = taxTotal.ele(ns.cac, 'cac:TaxSubtotal');
    money2(sub, 'TaxableAmount', b.taxable, cur);
    money2(sub, 'TaxAmount', b.vat, cur);
    taxCategory(sub, 'TaxCategory', {
      id: b.category,
      rate: b.rate,
      reason: b.exemptionReason,
      reasonCode: b.exemptionReasonCode,
    });
  }
  if (doc.taxCurrency && doc.vatInTaxCurrency !== null) {
    // BT-111: the VAT total in the agency's accounting currency, at the recorded rate.
    money2(root.ele(ns.cac, 'cac:TaxTotal'), 'TaxAmount', doc.vatInTaxCurrency, doc.taxCurrency);
  }
  const totals = root.ele(ns.cac, 'cac:LegalMonetaryTotal');
  money2(totals, 'LineExtensionAmount', doc.net, cur);
  money2(totals, 'TaxExclusiveAmount', doc.net, cur);
  money2(totals, 'TaxInclusiveAmount', doc.gross, cur);
  money2(totals, 'PayableAmount', doc.gross, cur);
  for (const line of doc.lines) {
    const el = root.ele(ns.cac, isCredit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine');
    cbc(el, 'ID', String(line.position + 1));
    cbc(el, isCredit ? 'CreditedQuantity' : 'InvoicedQuantity', String(line.quantity), {
      unitCode: 'C62',
    });
    money2(el, 'LineExtensionAmount', line.net, cur);
    const item = el.ele(ns.cac, 'cac:Item');
    cbc(item, 'Name', line.description);
    taxCategory(item, 'ClassifiedTaxCategory', { id: line.vatCategory, rate: line.vatRate });
    const { price, baseQuantity } = linePrice(line.net, line.quantity, cur);
    const priceEl = el.ele(ns.cac, 'cac:Price');
    cbc(priceEl, 'PriceAmount', price, { currencyID: cur });
    if (baseQuantity) cbc(priceEl, 'BaseQuantity', baseQuantity, { unitCode: 'C62' });
  }
  return root.end({ prettyPrint: true });
}
