// Extra services sold with a trip: transfers, board, local services and insurance.
import { useTranslation } from 'react-i18next';
import {
  type ExtraService,
  extraServiceKinds,
  extraServiceUnits,
} from '../shared/catalog-types.ts';
import { textOrNull } from '../shared/fields.ts';
import {
  fromLocalizedValues,
  type LocalizedValues,
  toLocalizedValues,
  useLocalized,
} from '../shared/localized.ts';
import { RecordFormModal } from '../shared/RecordFormModal.tsx';
import { RecordListPage } from '../shared/RecordListPage.tsx';

export function ExtraServicesPage() {
  const { t } = useTranslation();
  const local = useLocalized();
  return (
    <RecordListPage<ExtraService>
      resource="extra-services"
      testId="service"
      title={t('catalog.services.title')}
      description={t('catalog.services.intro')}
      newLabel={t('catalog.services.new')}
      emptyText={t('catalog.services.empty')}
      searchable
      nameOf={(s) => s.code}
      columns={[
        { header: t('catalog.name'), cell: (s) => `${s.code} · ${local(s.name)}` },
        { header: t('catalog.services.kind'), cell: (s) => t(`catalog.services.kinds.${s.kind}`) },
        { header: t('catalog.services.unit'), cell: (s) => t(`catalog.services.units.${s.unit}`) },
        {
          header: t('catalog.place'),
          cell: (s) => [s.city, s.country].filter(Boolean).join(', ') || '—',
        },
        {
          header: t('catalog.services.limited'),
          cell: (s) => (s.limited ? t('catalog.yes') : t('catalog.no')),
        },
      ]}
      renderForm={({ opened, onClose, item }) => (
        <RecordFormModal
          opened={opened}
          onClose={onClose}
          resource="extra-services"
          id={item?.id}
          testId="service-form"
          title={item ? t('catalog.services.edit') : t('catalog.services.new')}
          fields={[
            { name: 'code', label: t('catalog.code'), type: 'text', required: true },
            {
              name: 'kind',
              label: t('catalog.services.kind'),
              type: 'select',
              required: true,
              options: extraServiceKinds.map((k) => ({
                value: k,
                label: t(`catalog.services.kinds.${k}`),
              })),
            },
            { name: 'name', label: t('catalog.name'), type: 'localized', required: true },
            {
              name: 'unit',
              label: t('catalog.services.unit'),
              type: 'select',
              required: true,
              options: extraServiceUnits.map((u) => ({
                value: u,
                label: t(`catalog.services.units.${u}`),
              })),
            },
            {
              name: 'limited',
              label: t('catalog.services.limited'),
              type: 'switch',
              description: t('catalog.services.limitedHint'),
            },
            { name: 'city', label: t('catalog.city'), type: 'text' },
            {
              name: 'country',
              label: t('catalog.country'),
              type: 'text',
              maxLength: 2,
              description: t('catalog.countryHint'),
            },
          ]}
          initialValues={{
            code: item?.code ?? '',
            kind: item?.kind ?? 'transport',
            name: toLocalizedValues(item?.name),
            unit: item?.unit ?? 'per_person',
            limited: item?.limited ?? false,
            city: item?.city ?? '',
            country: item?.country ?? '',
          }}
          toBody={(v) => {
            const body = {
              code: String(v.code).trim(),
              kind: v.kind,
              name: fromLocalizedValues(v.name as LocalizedValues) ?? {},
              unit: v.unit,
              limited: Boolean(v.limited),
              city: textOrNull(String(v.city)),
              country: textOrNull(String(v.country).toUpperCase()),
            };
            return item
              ? body
              : Object.fromEntries(Object.entries(body).filter(([, x]) => x !== null));
          }}
          savedName={(v) => String(v.code)}
        />
      )}
    />
  );
}
