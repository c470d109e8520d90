// The PDF base every Caravel document is drawn on (D1, D4): pdfkit with embedded Unicode fonts
// from npm (DejaVu Sans for Latin/Cyrillic — full Czech, Polish and Turkish coverage — and
// Noto Sans SC for Chinese), the agency's template as header and footer, and the helpers the
// documents share: text that switches fonts by script, tables, boxes, money and dates.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { LocalizedText } from '../../db/schema.ts';
import { format as formatMoneyValue, money } from '../pricing/money.ts';

export type PdfDocument = PDFKit.PDFDocument;

/** The languages documents are written in (the customers' languages). */
export const documentLocales = ['en', 'cs', 'pl', 'tr', 'zh'] as const;
export type DocumentLocale = (typeof documentLocales)[number];

export function isDocumentLocale(value: unknown): value is DocumentLocale {
  return typeof value === 'string' && (documentLocales as readonly string[]).includes(value);
}

/** An agency's look on paper (D4); see template-service.ts for where it comes from. */
export interface DocumentTemplate {
  agencyName: string;
  /** Postal address, one line each. */
  addressLines: string[];
  /** Phone, e-mail, web, registration numbers: one line each. */
  contactLines: string[];
  /** Phone reachable during trips, printed on departure instructions. */
  emergencyPhone: string | null;
  /** `#rrggbb`: header band, headings, table header. */
  primaryColor: string;
  /** `#rrggbb`: rules and highlights. */
  accentColor: string;
  /** PNG or JPEG bytes, or null for none. */
  logo: Buffer | null;
  /** Footer text per language; falls back to English, then to any language present. */
  footer: LocalizedText;
}

export interface CreatePdfInput {
  locale: DocumentLocale;
  title: string;
  template: DocumentTemplate;
  /** Wide lists (a driver's or a tour leader's) are printed across; portrait by default. */
  layout?: 'portrait' | 'landscape';
}

// Font names registered on every document.
const LATIN = 'caravel-latin';
const LATIN_BOLD = 'caravel-latin-bold';
const CJK = 'caravel-cjk';
const CJK_BOLD = 'caravel-cjk-bold';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

// Read once per process: the CJK font is ~10 MB a weight; pdfkit embeds only the glyphs used.
let fontFiles: Record<string, Buffer> | undefined;
function fonts(): Record<string, Buffer> {
  if (!fontFiles) {
    const dejavu = join(packageDir('dejavu-fonts-ttf'), 'ttf');
    const noto = packageDir('@expo-google-fonts/noto-sans-sc');
    fontFiles = {
      [LATIN]: readFileSync(join(dejavu, 'DejaVuSans.ttf')),
      [LATIN_BOLD]: readFileSync(join(dejavu, 'DejaVuSans-Bold.ttf')),
      [CJK]: readFileSync(join(noto, '400Regular', 'NotoSansSC_400Regular.ttf')),
      [CJK_BOLD]: readFileSync(join(noto, '700Bold', 'NotoSansSC_700Bold.ttf')),
    };
  }
  return fontFiles;
}

interface DocState {
  locale: DocumentLocale;
  template: DocumentTemplate;
}
const states = new WeakMap<PdfDocument, DocState>();

function stateOf(doc: PdfDocument): DocState {
  const state = states.get(doc);
  if (!state) throw new Error('not a document made by createPdf');
  return state;
}

export const PAGE_MARGIN = 50;
const FOOTER_HEIGHT = 40;

/** A new A4 document with the fonts registered and the agency's header drawn on page 1. */
export function createPdf({ locale, title, template, layout }: CreatePdfInput): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: layout ?? 'portrait',
    margins: {
      top: PAGE_MARGIN,
      bottom: PAGE_MARGIN + FOOTER_HEIGHT,
      left: PAGE_MARGIN,
      right: PAGE_MARGIN,
    },
    bufferPages: true,
    lang: locale === 'zh' ? 'zh-CN' : locale,
    displayTitle: true,
    info: { Title: title, Author: template.agencyName, Creator: 'Caravel' },
  });
  for (const [name, file] of Object.entries(fonts())) doc.registerFont(name, file);
  doc.font(locale === 'zh' ? CJK : LATIN);
  states.set(doc, { locale, template });
  drawHeader(doc, template, title);
  return doc;
}

/** Ends the document (drawing the footer on every page) and returns its bytes. */
export function pdfToBuffer(doc: PdfDocument): Promise<Buffer> {
  const { locale, template } = stateOf(doc);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      drawFooter(doc, template, locale, i - range.start + 1, range.count);
    }
    doc.end();
  });
}

// ---------- text that picks its font by script ----------

// Han ideographs, CJK punctuation and full-width forms: the glyphs DejaVu does not have.
const CJK_CHAR =
  /[\u2E80-\u2FFF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;
const CJK_RUNS =
  /([\u2E80-\u2FFF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+)/u;

/** Runs of text that one font can draw: Noto Sans SC for Chinese, DejaVu for the rest. */
export function scriptRuns(text: string): Array<{ text: string; cjk: boolean }> {
  return text
    .split(CJK_RUNS)
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part, cjk: CJK_CHAR.test(part) }));
}

function fontName(cjk: boolean, bold: boolean): string {
  if (cjk) return bold ? CJK_BOLD : CJK;
  return bold ? LATIN_BOLD : LATIN;
}

export interface TextOptions extends PDFKit.Mixins.TextOptions {
  bold?: boolean;
  size?: number;
  color?: string;
}

/** Sets the font for measuring `text` (the CJK font when it holds any Chinese). */
export function setFontFor(doc: PdfDocument, text: string, bold = false): PdfDocument {
  return doc.font(fontName(CJK_CHAR.test(text), bold));
}

/**
 * Writes text, switching between the Latin and the CJK font run by run, so that
 * "王芳 (Nováková)" keeps every glyph. Position and width apply to the whole text.
 */
export function writeText(
  doc: PdfDocument,
  text: string,
  options: TextOptions & { x?: number; y?: number } = {},
): PdfDocument {
  const { bold = false, size = 10, color = '#222222', x, y, ...rest } = options;
  doc.fontSize(size).fillColor(color);
  const runs = scriptRuns(text === '' ? ' ' : text);
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    doc.font(fontName(run.cjk, bold));
    if (i === 0 && x !== undefined) doc.text(run.text, x, y, { ...rest, continued: !last });
    else doc.text(run.text, { ...(i === 0 ? rest : {}), continued: !last });
  });
  return doc;
}

/** Height `text` will take at `width`, measured in the font it will be written in. */
export function heightOfText(
  doc: PdfDocument,
  text: string,
  width: number,
  { bold = false, size = 10 }: { bold?: boolean; size?: number } = {},
): number {
  doc.fontSize(size);
  setFontFor(doc, text, bold);
  return doc.heightOfString(text === '' ? ' ' : text, { width });
}

/** Starts a new page when less than `height` is left above the footer. */
export function ensureSpace(doc: PdfDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function contentWidth(doc: PdfDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

// ---------- the agency's template ----------

/** The header: logo (if any), agency name and address in the primary colour, the title. */
export function drawHeader(doc: PdfDocument, template: DocumentTemplate, title: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = PAGE_MARGIN;
  let textLeft = left;
  if (template.logo) {
    try {
      doc.image(template.logo, left, top, { fit: [90, 50] });
      textLeft = left + 100;
    } catch {
      // A logo pdfkit cannot read is left out rather than failing the document.
    }
  }
  writeText(doc, template.agencyName, {
    x: textLeft,
    y: top,
    width: left + width - textLeft,
    bold: true,
    size: 14,
    color: template.primaryColor,
  });
  for (const line of [...template.addressLines, ...template.contactLines]) {
    writeText(doc, line, { width: left + width - textLeft, size: 8, color: '#555555' });
  }
  const ruleY = Math.max(doc.y, top + 50) + 6;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(2)
    .strokeColor(template.accentColor)
    .stroke();
  doc.y = ruleY + 12;
  writeText(doc, title, { x: left, width, bold: true, size: 18, color: template.primaryColor });
  doc.moveDown(0.5);
}

/** The footer text in the document's language, falling back to English, then to any. */
export function footerText(template: DocumentTemplate, locale: DocumentLocale): string {
  const footer = template.footer;
  return footer[locale] ?? footer.en ?? Object.values(footer).find((t) => t) ?? '';
}

function drawFooter(
  doc: PdfDocument,
  template: DocumentTemplate,
  locale: DocumentLocale,
  page: number,
  pages: number,
): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const y = doc.page.height - PAGE_MARGIN - FOOTER_HEIGHT + 8;
  // Drawing inside the bottom margin: lift it so pdfkit does not break to a new page.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.5)
    .strokeColor(template.accentColor)
    .stroke();
  const text = footerText(template, locale);
  if (text)
    writeText(doc, text, { x: left, y: y + 4, width: width - 50, size: 7, color: '#555555' });
  writeText(doc, `${page}/${pages}`, {
    x: left + width - 40,
    y: y + 4,
    width: 40,
    align: 'right',
    size: 7,
    color: '#555555',
  });
  doc.page.margins.bottom = bottom;
}

// ---------- building blocks ----------

/** A section heading in the template's primary colour. */
export function heading(doc: PdfDocument, text: string): void {
  const { template } = stateOf(doc);
  ensureSpace(doc, 40);
  doc.moveDown(0.6);
  writeText(doc, text, {
    x: doc.page.margins.left,
    width: contentWidth(doc),
    bold: true,
    size: 12,
    color: template.primaryColor,
  });
  doc.moveDown(0.2);
}

/** Label–value pairs, one a line, labels in bold. */
export function keyValues(doc: PdfDocument, pairs: ReadonlyArray<[string, string]>): void {
  const left = doc.page.margins.left;
  const labelWidth = 150;
  const valueWidth = contentWidth(doc) - labelWidth - 10;
  for (const [label, value] of pairs) {
    const height = Math.max(
      heightOfText(doc, label, labelWidth, { bold: true }),
      heightOfText(doc, value, valueWidth),
    );
    ensureSpace(doc, height + 4);
    const y = doc.y;
    writeText(doc, label, { x: left, y, width: labelWidth, bold: true });
    writeText(doc, value, { x: left + labelWidth + 10, y, width: valueWidth });
    doc.x = left;
    doc.y = y + height + 3;
  }
}

/** A paragraph across the content width. */
export function paragraph(doc: PdfDocument, text: string, options: TextOptions = {}): void {
  ensureSpace(doc, heightOfText(doc, text, contentWidth(doc), options) + 4);
  writeText(doc, text, { x: doc.page.margins.left, width: contentWidth(doc), ...options });
  doc.moveDown(0.3);
}

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares need not sum to 1. */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

/** A table with a header row in the primary colour, repeated after a page break. */
export function drawTable(
  doc: PdfDocument,
  columns: readonly TableColumn[],
  rows: ReadonlyArray<readonly string[]>,
): void {
  const { template } = stateOf(doc);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const totalWeight = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / totalWeight) * width);
  const padding = 4;
  const drawRow = (cells: readonly string[], header: boolean) => {
    const height =
      Math.max(
        ...cells.map((cell, i) =>
          heightOfText(doc, cell, (widths[i] ?? 0) - 2 * padding, { bold: header, size: 9 }),
        ),
      ) +
      2 * padding;
    if (!header) ensureSpaceForRow(height);
    const y = doc.y;
    if (header) doc.rect(left, y, width, height).fill(template.primaryColor);
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      writeText(doc, cell, {
        x: x + padding,
        y: y + padding,
        width: w - 2 * padding,
        align: columns[i]?.align ?? 'left',
        bold: header,
        size: 9,
        color: header ? '#ffffff' : '#222222',
      });
      x += w;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .lineWidth(0.5)
      .strokeColor('#cccccc')
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  const headers = columns.map((c) => c.header);
  const ensureSpaceForRow = (height: number) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(headers, true);
    }
  };
  ensureSpace(doc, 40);
  drawRow(headers, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.5);
}

export type BoxTone = 'danger' | 'success' | 'info';
const tones: Record<BoxTone, { border: string; fill: string; title: string }> = {
  danger: { border: '#c62828', fill: '#fdecea', title: '#b71c1c' },
  success: { border: '#2e7d32', fill: '#e8f5e9', title: '#1b5e20' },
  info: { border: '#1565c0', fill: '#e3f2fd', title: '#0d47a1' },
};

/** A coloured box with a bold title and body: red for an open required action, green once done. */
export function drawBox(doc: PdfDocument, tone: BoxTone, title: string, body: string): void {
  const colours = tones[tone];
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const padding = 8;
  const inner = width - 2 * padding;
  const titleHeight = heightOfText(doc, title, inner, { bold: true, size: 11 });
  const bodyHeight = body ? heightOfText(doc, body, inner, { size: 9 }) + 4 : 0;
  const height = titleHeight + bodyHeight + 2 * padding;
  ensureSpace(doc, height + 8);
  const y = doc.y;
  doc.rect(left, y, width, height).lineWidth(1.5).fillAndStroke(colours.fill, colours.border);
  writeText(doc, title, {
    x: left + padding,
    y: y + padding,
    width: inner,
    bold: true,
    size: 11,
    color: colours.title,
  });
  if (body) {
    writeText(doc, body, {
      x: left + padding,
      y: y + padding + titleHeight + 4,
      width: inner,
      size: 9,
    });
  }
  doc.x = left;
  doc.y = y + height + 8;
}

/** Signature lines side by side, each with its caption under it. */
export function signatureLines(doc: PdfDocument, captions: readonly string[]): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const gap = 30;
  const each = (width - gap * (captions.length - 1)) / captions.length;
  ensureSpace(doc, 80);
  const y = doc.y + 40;
  captions.forEach((caption, i) => {
    const x = left + i * (each + gap);
    doc
      .moveTo(x, y)
      .lineTo(x + each, y)
      .lineWidth(0.7)
      .strokeColor('#333333')
      .stroke();
    writeText(doc, caption, { x, y: y + 4, width: each, size: 8, color: '#555555' });
  });
  doc.x = left;
  doc.y = y + 24;
}

// ---------- money and dates ----------

/** `1 234,50 Kč` in Czech, `€1,234.50` in English, from integer minor units. */
export function formatMoney(amountMinor: number, currency: string, locale: DocumentLocale): string {
  return formatMoneyValue(money(amountMinor, currency), intlLocale(locale));
}

/** A calendar date (`YYYY-MM-DD`) as the locale writes it; the day is never shifted. */
export function formatDate(date: string, locale: DocumentLocale): string {
  const instant = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return date;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
    instant,
  );
}

/** An instant as date and time in `timeZone` (UTC unless given). */
export function formatDateTime(
  instant: string | Date,
  locale: DocumentLocale,
  timeZone = 'UTC',
): string {
  const value = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(value);
}

function intlLocale(locale: DocumentLocale): string {
  return locale === 'zh' ? 'zh-CN' : locale;
}
