// Promo codes customers type to get a promo_code rule, with validity and a number of uses.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format.ts';
import { useAllItems } from '../catalog/shared/catalog-queries.ts';
import type { PriceRule, PromoCode } from '../catalog/shared/catalog-types.ts';
import { numberOrNull, textOrNull } from '../catalog/shared/fields.ts';
import { RecordFormModal } from '../catalog/shared/RecordFormModal.tsx';
import { RecordListPage } from '../catalog/shared/RecordListPage.tsx';

export function PromoCodesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const rules = useAllItems<PriceRule>('price-rules', { kind: 'promo_code', archived: 'all' });
  const ruleName = (id: string) => rules.data?.find((r) => r.id === id)?.name ?? '…';
  return (
    <RecordListPage<PromoCode>
      resource="promo-codes"
      testId="promo"
      title={t('catalog.tabs.promoCodes')}
      description={t('catalog.promos.intro')}
      newLabel={t('catalog.promos.new')}
      emptyText={t('catalog.promos.empty')}
      searchable={false}
      nameOf={(p) => p.code}
      columns={[
        { header: t('catalog.code'), cell: (p) => p.code },
        { header: t('catalog.promos.rule'), cell: (p) => ruleName(p.ruleId) },
        {
          header: t('catalog.promos.valid'),
          cell: (p) =>
            p.validFrom || p.validTo
              ? `${p.validFrom ? format.date(p.validFrom) : '…'} – ${p.validTo ? format.date(p.validTo) : '…'}`
              : '—',
        },
        {
          header: t('catalog.promos.uses'),
          cell: (p) => (p.maxUses ? `${p.used} / ${p.maxUses}` : String(p.used)),
        },
      ]}
      renderForm={({ opened, onClose, item }) => (
        <RecordFormModal
          opened={opened}
          onClose={onClose}
          resource="promo-codes"
          id={item?.id}
          saveKey={item?.code}
          testId="promo-form"
          title={item ? t('catalog.promos.edit') : t('catalog.promos.new')}
          fields={[
            ...(item
              ? []
              : [
                  { name: 'code', label: t('catalog.code'), type: 'text' as const, required: true },
                ]),
            {
              name: 'ruleId',
              label: t('catalog.promos.rule'),
              type: 'select',
              required: true,
              options: (rules.data ?? [])
                .filter((r) => !r.archived)
                .map((r) => ({ value: r.id, label: r.name })),
            },
            { name: 'validFrom', label: t('catalog.promos.validFrom'), type: 'date' },
            { name: 'validTo', label: t('catalog.promos.validTo'), type: 'date' },
            { name: 'maxUses', label: t('catalog.promos.maxUses'), type: 'number', min: 1 },
          ]}
          initialValues={{
            code: item?.code ?? '',
            ruleId: item?.ruleId ?? null,
            validFrom: item?.validFrom ?? '',
            validTo: item?.validTo ?? '',
            maxUses: item?.maxUses ?? '',
          }}
          toBody={(v) => {
            const body = {
              ruleId: v.ruleId,
              validFrom: textOrNull(String(v.validFrom)),
              validTo: textOrNull(String(v.validTo)),
              maxUses: numberOrNull(v.maxUses as number),
            };
            if (item) return body;
            return {
              code: String(v.code).trim(),
              ...Object.fromEntries(Object.entries(body).filter(([, x]) => x !== null)),
            };
          }}
          savedName={(v) => String(v.code || item?.code)}
        />
      )}
    />
  );
}
