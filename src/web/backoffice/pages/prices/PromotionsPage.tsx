// Promotions (offers): a marketplace deal or the agency's own, with the required actions
// their bookings get (sign a contract, send traveller details, documents).
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { channels, type Promotion } from '../catalog/shared/catalog-types.ts';
import { textOrNull } from '../catalog/shared/fields.ts';
import { useLocalized } from '../catalog/shared/localized.ts';
import { RecordFormModal } from '../catalog/shared/RecordFormModal.tsx';
import { RecordListPage } from '../catalog/shared/RecordListPage.tsx';
import { useProductOptions } from './ProductSelect.tsx';

export function PromotionsPage() {
  const { t } = useTranslation();
  const local = useLocalized();
  const products = useProductOptions(null);
  return (
    <RecordListPage<Promotion>
      resource="promotions"
      testId="promotion"
      title={t('catalog.tabs.promotions')}
      description={t('catalog.promotions.intro')}
      newLabel={t('catalog.promotions.new')}
      emptyText={t('catalog.promotions.empty')}
      searchable={false}
      nameOf={(p) => p.code}
      columns={[
        { header: t('catalog.name'), cell: (p) => `${p.code} · ${p.name}` },
        { header: t('catalog.promotions.partner'), cell: (p) => p.partner ?? '—' },
        {
          header: t('catalog.prices.product'),
          cell: (p) =>
            p.productId ? products.nameOf(p.productId) : t('catalog.promotions.anyProduct'),
        },
        {
          header: t('catalog.promotions.channels'),
          cell: (p) => p.channels.map((c) => t(`catalog.channels.${c}`)).join(', ') || '—',
        },
        {
          header: t('catalog.promotions.actions'),
          cell: (p) => (
            <Group gap={4}>
              {p.requiredActions.map((a) => (
                <Badge
                  key={a.code}
                  size="sm"
                  variant="light"
                  color="grape"
                  title={local(a.instructions)}
                >
                  {local(a.title)}
                </Badge>
              ))}
            </Group>
          ),
        },
      ]}
      renderForm={({ opened, onClose, item }) => (
        <RecordFormModal
          opened={opened}
          onClose={onClose}
          resource="promotions"
          id={item?.id}
          testId="promotion-form"
          title={item ? t('catalog.promotions.edit') : t('catalog.promotions.new')}
          fields={[
            { name: 'code', label: t('catalog.code'), type: 'text', required: true },
            { name: 'name', label: t('catalog.name'), type: 'text', required: true },
            { name: 'partner', label: t('catalog.promotions.partner'), type: 'text' },
            {
              name: 'productId',
              label: t('catalog.prices.product'),
              type: 'select',
              clearable: true,
              options: products.options,
            },
            {
              name: 'channels',
              label: t('catalog.promotions.channels'),
              type: 'multiselect',
              options: channels.map((c) => ({ value: c, label: t(`catalog.channels.${c}`) })),
            },
          ]}
          initialValues={{
            code: item?.code ?? '',
            name: item?.name ?? '',
            partner: item?.partner ?? '',
            productId: item?.productId ?? null,
            channels: item?.channels ?? [],
          }}
          toBody={(v) => ({
            code: String(v.code).trim(),
            name: String(v.name).trim(),
            partner: textOrNull(String(v.partner)),
            productId: v.productId ?? null,
            channels: v.channels,
          })}
          savedName={(v) => String(v.code)}
        />
      )}
    />
  );
}
