// Discount and surcharge rules: early booking, last minute, promo code, package, bogo, …
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format.ts';
import { type PriceRule, ruleKinds } from '../catalog/shared/catalog-types.ts';
import { numberOrNull, textOrNull } from '../catalog/shared/fields.ts';
import { RecordFormModal } from '../catalog/shared/RecordFormModal.tsx';
import { RecordListPage } from '../catalog/shared/RecordListPage.tsx';

export function PriceRulesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const range = (from: string | null, to: string | null) =>
    from || to ? `${from ? format.date(from) : '…'} – ${to ? format.date(to) : '…'}` : '—';
  return (
    <RecordListPage<PriceRule>
      resource="price-rules"
      testId="rule"
      title={t('catalog.tabs.priceRules')}
      description={t('catalog.rules.intro')}
      newLabel={t('catalog.rules.new')}
      emptyText={t('catalog.rules.empty')}
      searchable={false}
      nameOf={(r) => r.name}
      columns={[
        { header: t('catalog.name'), cell: (r) => r.name },
        { header: t('catalog.rules.kind'), cell: (r) => t(`catalog.rules.kinds.${r.kind}`) },
        {
          header: t('catalog.rules.value'),
          cell: (r) =>
            r.percent
              ? `${r.percent} %`
              : r.amount !== null && r.currency
                ? format.money(r.amount, r.currency)
                : r.buy && r.get
                  ? t('catalog.rules.buyGet', { buy: r.buy, get: r.get })
                  : '—',
        },
        { header: t('catalog.rules.travel'), cell: (r) => range(r.travelFrom, r.travelTo) },
        { header: t('catalog.rules.booked'), cell: (r) => range(r.bookedFrom, r.bookedTo) },
        {
          header: t('catalog.rules.priority'),
          cell: (r) => `${r.priority}${r.stackable ? ` · ${t('catalog.rules.stackable')}` : ''}`,
        },
      ]}
      renderForm={({ opened, onClose, item }) => (
        <RecordFormModal
          opened={opened}
          onClose={onClose}
          resource="price-rules"
          id={item?.id}
          testId="rule-form"
          title={item ? t('catalog.rules.edit') : t('catalog.rules.new')}
          fields={[
            { name: 'name', label: t('catalog.name'), type: 'text', required: true },
            ...(item
              ? []
              : [
                  {
                    name: 'kind',
                    label: t('catalog.rules.kind'),
                    type: 'select' as const,
                    required: true,
                    options: ruleKinds.map((k) => ({
                      value: k,
                      label: t(`catalog.rules.kinds.${k}`),
                    })),
                  },
                ]),
            { name: 'percent', label: t('catalog.rules.percent'), type: 'text' },
            {
              name: 'amount',
              label: t('catalog.rules.amount'),
              type: 'number',
              min: 0,
              description: t('catalog.minorUnitsHint'),
            },
            { name: 'currency', label: t('catalog.currency'), type: 'text', maxLength: 3 },
            {
              name: 'amountPer',
              label: t('catalog.rules.amountPer'),
              type: 'select',
              clearable: true,
              options: [
                { value: 'person', label: t('catalog.rules.perPerson') },
                { value: 'booking', label: t('catalog.rules.perBooking') },
              ],
            },
            { name: 'travelFrom', label: t('catalog.rules.travelFrom'), type: 'date' },
            { name: 'travelTo', label: t('catalog.rules.travelTo'), type: 'date' },
            { name: 'bookedFrom', label: t('catalog.rules.bookedFrom'), type: 'date' },
            { name: 'bookedTo', label: t('catalog.rules.bookedTo'), type: 'date' },
            {
              name: 'minDaysBefore',
              label: t('catalog.rules.minDaysBefore'),
              type: 'number',
              min: 0,
            },
            {
              name: 'maxDaysBefore',
              label: t('catalog.rules.maxDaysBefore'),
              type: 'number',
              min: 0,
            },
            {
              name: 'priority',
              label: t('catalog.rules.priority'),
              type: 'number',
              min: -1000,
              max: 1000,
            },
            { name: 'stackable', label: t('catalog.rules.stackable'), type: 'switch' },
          ]}
          initialValues={{
            name: item?.name ?? '',
            kind: item?.kind ?? 'early_booking',
            percent: item?.percent ?? '',
            amount: item?.amount ?? '',
            currency: item?.currency ?? '',
            amountPer: item?.amountPer ?? null,
            travelFrom: item?.travelFrom ?? '',
            travelTo: item?.travelTo ?? '',
            bookedFrom: item?.bookedFrom ?? '',
            bookedTo: item?.bookedTo ?? '',
            minDaysBefore: item?.minDaysBefore ?? '',
            maxDaysBefore: item?.maxDaysBefore ?? '',
            priority: item?.priority ?? 0,
            stackable: item?.stackable ?? false,
          }}
          toBody={(v) => {
            const body: Record<string, unknown> = {
              name: String(v.name).trim(),
              percent: textOrNull(String(v.percent).replace(',', '.')),
              amount: numberOrNull(v.amount as number),
              currency: textOrNull(String(v.currency).toUpperCase()),
              amountPer: v.amountPer ?? null,
              travelFrom: textOrNull(String(v.travelFrom)),
              travelTo: textOrNull(String(v.travelTo)),
              bookedFrom: textOrNull(String(v.bookedFrom)),
              bookedTo: textOrNull(String(v.bookedTo)),
              minDaysBefore: numberOrNull(v.minDaysBefore as number),
              maxDaysBefore: numberOrNull(v.maxDaysBefore as number),
              priority: numberOrNull(v.priority as number) ?? 0,
              stackable: Boolean(v.stackable),
            };
            if (item) return body;
            return {
              ...Object.fromEntries(Object.entries(body).filter(([, x]) => x !== null)),
              kind: v.kind,
            };
          }}
          savedName={(v) => String(v.name)}
        />
      )}
    />
  );
}
