// The companies the agency buys from: hotels, carriers, ground handlers, insurers.
import { useTranslation } from 'react-i18next';
import { type Supplier, supplierKinds } from '../shared/catalog-types.ts';
import { numberOrNull, textOrNull } from '../shared/fields.ts';
import { RecordFormModal } from '../shared/RecordFormModal.tsx';
import { RecordListPage } from '../shared/RecordListPage.tsx';

export function SuppliersPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage<Supplier>
      resource="suppliers"
      testId="supplier"
      title={t('catalog.suppliers.title')}
      description={t('catalog.suppliers.intro')}
      newLabel={t('catalog.suppliers.new')}
      emptyText={t('catalog.suppliers.empty')}
      searchable
      nameOf={(s) => s.name}
      columns={[
        { header: t('catalog.name'), cell: (s) => s.name },
        {
          header: t('catalog.suppliers.kind'),
          cell: (s) => t(`catalog.suppliers.kinds.${s.kind}`),
        },
        { header: t('catalog.currency'), cell: (s) => s.currency },
        {
          header: t('catalog.suppliers.contact'),
          cell: (s) => [s.email, s.phone].filter(Boolean).join(' · ') || '—',
        },
        {
          header: t('catalog.suppliers.paymentTerms'),
          cell: (s) => t('catalog.suppliers.days', { count: s.paymentTermsDays }),
        },
      ]}
      renderForm={({ opened, onClose, item }) => (
        <RecordFormModal
          opened={opened}
          onClose={onClose}
          resource="suppliers"
          id={item?.id}
          testId="supplier-form"
          title={item ? t('catalog.suppliers.edit') : t('catalog.suppliers.new')}
          fields={[
            { name: 'name', label: t('catalog.name'), type: 'text', required: true },
            {
              name: 'kind',
              label: t('catalog.suppliers.kind'),
              type: 'select',
              required: true,
              options: supplierKinds.map((k) => ({
                value: k,
                label: t(`catalog.suppliers.kinds.${k}`),
              })),
            },
            {
              name: 'currency',
              label: t('catalog.currency'),
              type: 'text',
              required: true,
              maxLength: 3,
            },
            {
              name: 'paymentTermsDays',
              label: t('catalog.suppliers.paymentTerms'),
              type: 'number',
              min: 0,
              max: 365,
            },
            { name: 'email', label: t('catalog.email'), type: 'text' },
            { name: 'phone', label: t('catalog.phone'), type: 'text' },
            { name: 'vatId', label: t('catalog.suppliers.vatId'), type: 'text' },
            { name: 'notes', label: t('catalog.notes'), type: 'textarea' },
          ]}
          initialValues={{
            name: item?.name ?? '',
            kind: item?.kind ?? 'hotel',
            currency: item?.currency ?? 'EUR',
            paymentTermsDays: item?.paymentTermsDays ?? 14,
            email: item?.email ?? '',
            phone: item?.phone ?? '',
            vatId: item?.vatId ?? '',
            notes: item?.notes ?? '',
          }}
          toBody={(v) => {
            const body = {
              name: String(v.name).trim(),
              kind: v.kind,
              currency: String(v.currency).trim().toUpperCase(),
              paymentTermsDays: numberOrNull(v.paymentTermsDays as number) ?? 14,
              email: textOrNull(String(v.email)),
              phone: textOrNull(String(v.phone)),
              vatId: textOrNull(String(v.vatId)),
              notes: textOrNull(String(v.notes)),
            };
            return item
              ? body
              : Object.fromEntries(Object.entries(body).filter(([, x]) => x !== null));
          }}
          savedName={(v) => String(v.name)}
        />
      )}
    />
  );
}
