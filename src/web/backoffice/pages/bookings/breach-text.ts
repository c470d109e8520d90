// A travel-policy breach in the reader's language: worded from its rule and params, with
// amounts formatted in the reader's locale. A breach stored before params existed, or of a
// rule this screen does not know, shows the server's English message.
import type { TFunction } from 'i18next';
import type { Formatters } from '../../../shared/i18n/format.ts';
import type { PolicyBreach } from './booking-types.ts';

const wordedRules = [
  'maxPricePerTrip',
  'maxPricePerNight',
  'allowedRoomTypeCodes',
  'allowedTransportClasses',
  'minAdvanceDays',
  'requireApproval',
] as const;
type WordedRule = (typeof wordedRules)[number];

const isWorded = (rule: string): rule is WordedRule =>
  (wordedRules as readonly string[]).includes(rule);

export function breachText(
  breach: PolicyBreach,
  t: TFunction,
  format: Pick<Formatters, 'money'>,
): string {
  const params = breach.params;
  if (!params || !isWorded(breach.rule)) return breach.message;
  const currency = typeof params.currency === 'string' ? params.currency : '';
  const amount = (key: string) =>
    typeof params[key] === 'number' ? format.money(params[key] as number, currency) : '';
  const values = {
    ...params,
    actual: amount('actual'),
    allowed: amount('allowed'),
    allowedCodes: params.allowedCodes || '—',
  };
  const key = params.unconvertible ? 'unconvertible' : breach.rule;
  return t(`bookings.detail.policyBreach.${key as WordedRule | 'unconvertible'}`, values);
}
