// The agency's document template (D4): read with its defaults, changed by an admin, and
// turned into what pdf.ts draws. The logo is checked by its magic bytes, not by its name.
import type { Ctx } from '../../context.ts';
import { Invalid } from '../../errors.ts';
import type { DocumentTemplate } from './pdf.ts';
import {
  agencyNameOf,
  saveLogo,
  saveTemplateTexts,
  type TemplateTexts,
  templateRowOf,
} from './repo.ts';

export const maxLogoBytes = 512 * 1024;
export const defaultColors = { primaryColor: '#1f4e79', accentColor: '#e38b06' } as const;

/** The template as the settings screen shows it: texts, colours, whether a logo is set. */
export async function getTemplateSettings(ctx: Ctx) {
  const [row, agency] = await Promise.all([templateRowOf(ctx), agencyNameOf(ctx)]);
  return {
    agencyName: agency.name,
    displayName: row?.displayName ?? null,
    addressLines: row?.addressLines ?? [],
    contactLines: row?.contactLines ?? [],
    emergencyPhone: row?.emergencyPhone ?? null,
    primaryColor: row?.primaryColor ?? defaultColors.primaryColor,
    accentColor: row?.accentColor ?? defaultColors.accentColor,
    footer: row?.footer ?? {},
    logo: row?.logo && row.logoType ? { type: row.logoType, bytes: row.logo.length } : null,
    isDefault: row === undefined,
    updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
  };
}

/** Replaces the template's texts and colours (the logo stays). Admins only (see routes). */
export async function updateTemplate(ctx: Ctx, input: TemplateTexts, now: Date = new Date()) {
  await saveTemplateTexts(ctx, input, now);
  return getTemplateSettings(ctx);
}

/** What kind of image `bytes` are, from their first bytes; null when neither PNG nor JPEG. */
export function imageTypeOf(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  return null;
}

/** Sets the logo from base64 (PNG or JPEG, at most 512 KB), or removes it with null. */
export async function setTemplateLogo(ctx: Ctx, base64: string | null, now: Date = new Date()) {
  if (base64 === null) {
    await saveLogo(ctx, null, now);
    return getTemplateSettings(ctx);
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw Invalid.field('/contentBase64', 'is not base64 of an image');
  if (bytes.length > maxLogoBytes) {
    throw Invalid.field(
      '/contentBase64',
      `is ${bytes.length} bytes; a logo may have at most ${maxLogoBytes} bytes (512 KB)`,
    );
  }
  const type = imageTypeOf(bytes);
  if (!type) throw Invalid.field('/contentBase64', 'must be a PNG or JPEG image');
  await saveLogo(ctx, { bytes, type }, now);
  return getTemplateSettings(ctx);
}

/** The template pdf.ts draws with: the agency's row, or the defaults with its name. */
export async function documentTemplateOf(ctx: Ctx): Promise<DocumentTemplate> {
  const [row, agency] = await Promise.all([templateRowOf(ctx), agencyNameOf(ctx)]);
  return {
    agencyName: row?.displayName ?? agency.name,
    addressLines: row?.addressLines ?? [],
    contactLines: row?.contactLines ?? [],
    emergencyPhone: row?.emergencyPhone ?? null,
    primaryColor: row?.primaryColor ?? defaultColors.primaryColor,
    accentColor: row?.accentColor ?? defaultColors.accentColor,
    logo: row?.logo ? Buffer.from(row.logo) : null,
    footer: row?.footer ?? {},
  };
}
