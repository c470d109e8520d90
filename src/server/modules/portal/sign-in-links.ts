// Signing in to the portal with a link sent by e-mail (B2): no password to remember. Asking
// for a link answers the same whether the e-mail has an account or not, so nobody can probe
// who is a customer; the link holds a random token of which only the hash is stored, works
// once and expires after 30 minutes.
import { inTransaction } from '../../context.ts';
import { Invalid } from '../../errors.ts';
import { openSession } from '../identity/auth-service.ts';
import { findUser, findUserByEmail } from '../identity/repo.ts';
import { hashSecret, newSecret } from '../identity/secrets.ts';
import { queueEmail } from '../messaging/mailer.ts';
import type { SessionRequest } from './checkout.ts';
import { countSignInLinksSince, insertSignInLink, useSignInLink } from './repo.ts';
import type { PortalCaller } from './visitor.ts';

export const signInLinkMinutes = 30;
/** At most this many links per account in ten minutes; more are silently not sent. */
const linksPerTenMinutes = 5;

const mails: Record<string, { subject: string; body: (agency: string, link: string) => string }> = {
  en: {
    subject: 'Your sign-in link',
    body: (agency, link) =>
      `Hello,\n\nopen this link to see your bookings with ${agency}:\n\n${link}\n\nThe link works once, for ${signInLinkMinutes} minutes. If you did not ask for it, ignore this e-mail.\n`,
  },
  cs: {
    subject: 'Váš odkaz pro přihlášení',
    body: (agency, link) =>
      `Dobrý den,\n\notevřete tento odkaz a uvidíte své rezervace u ${agency}:\n\n${link}\n\nOdkaz funguje jednou a ${signInLinkMinutes} minut. Pokud jste o něj nežádali, e-mail ignorujte.\n`,
  },
  pl: {
    subject: 'Twój link do logowania',
    body: (agency, link) =>
      `Dzień dobry,\n\notwórz ten link, aby zobaczyć swoje rezerwacje w ${agency}:\n\n${link}\n\nLink działa jednorazowo przez ${signInLinkMinutes} minut. Jeśli o niego nie prosiłeś, zignoruj tę wiadomość.\n`,
  },
  tr: {
    subject: 'Giriş bağlantınız',
    body: (agency, link) =>
      `Merhaba,\n\n${agency} rezervasyonlarınızı görmek için bu bağlantıyı açın:\n\n${link}\n\nBağlantı bir kez ve ${signInLinkMinutes} dakika geçerlidir. Siz istemediyseniz bu e-postayı dikkate almayın.\n`,
  },
  zh: {
    subject: '您的登录链接',
    body: (agency, link) =>
      `您好，\n\n打开此链接即可查看您在 ${agency} 的预订：\n\n${link}\n\n该链接仅可使用一次，${signInLinkMinutes} 分钟内有效。如果不是您本人申请，请忽略此邮件。\n`,
  },
};

/** A path inside this agency's portal to return to after signing in; anything else is dropped. */
export function safeNextPath(slug: string, next: string | null | undefined): string | null {
  if (!next) return null;
  const prefix = `/portal/${slug}/`;
  return next.startsWith(prefix) && !next.includes('//') && !next.includes('\\') ? next : null;
}

/** Sends a sign-in link to the customer account with this e-mail, if there is one. */
export async function sendSignInLink(
  caller: PortalCaller,
  input: { email: string; locale?: string | null; next?: string | null },
  publicUrl: string,
  now: Date = new Date(),
): Promise<void> {
  await inTransaction(caller.ctx, async (tx) => {
    const user = await findUserByEmail(tx.db, tx.agencyId, input.email.trim());
    if (user?.role !== 'customer' || user.disabledAt !== null) return;
    const since = new Date(now.getTime() - 10 * 60_000);
    if ((await countSignInLinksSince(tx, user.id, since)) >= linksPerTenMinutes) return;
    const token = newSecret('cvl');
    await insertSignInLink(tx, {
      userId: user.id,
      tokenHash: hashSecret(token),
      expiresAt: new Date(now.getTime() + signInLinkMinutes * 60_000),
    });
    const next = safeNextPath(caller.agency.slug, input.next);
    const link =
      `${publicUrl.replace(/\/+$/, '')}/portal/${caller.agency.slug}/login?token=${token}` +
      (next ? `&next=${encodeURIComponent(next)}` : '');
    const mail = mails[input.locale ?? user.locale] ?? mails[user.locale] ?? mails.en;
    if (!mail) return;
    await queueEmail(tx, {
      to: user.email,
      subject: `${mail.subject} – ${caller.agency.name}`,
      text: mail.body(caller.agency.name, link),
    });
  });
}

/** Signs in with a link's token: once, before it expires. */
export async function redeemSignInLink(
  caller: PortalCaller,
  token: string,
  sessionRequest: SessionRequest,
  now: Date = new Date(),
) {
  return inTransaction(caller.ctx, async (tx) => {
    const used = await useSignInLink(tx, hashSecret(token.trim()), now);
    const user = used ? await findUser(tx.db, tx.agencyId, used.userId) : undefined;
    if (user?.role !== 'customer' || user.disabledAt !== null) {
      throw Invalid.field('/token', 'is unknown, used or expired: ask for a new link');
    }
    const customerTx = {
      ...tx,
      actor: {
        type: 'user' as const,
        id: user.id,
        userId: user.id,
        name: user.name,
        role: 'customer' as const,
      },
    };
    const session = await openSession(
      customerTx,
      { id: user.id, agencyId: tx.agencyId },
      { ...sessionRequest, via: 'portal_link' },
    );
    return { user: { name: user.name, email: user.email, locale: user.locale }, session };
  });
}
