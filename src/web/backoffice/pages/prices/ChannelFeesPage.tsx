// What each sales channel adds: a fee the customer pays, or a commission the agency pays.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format.ts';
import { type ChannelFee, channels } from '../catalog/shared/catalog-types.ts';
import { numberOrNull, textOrNull } from '../catalog/shared/fields.ts';
import { RecordFormModal } from '../catalog/shared/RecordFormModal.tsx';
import { RecordListPage } from '../catalog/shared/RecordListPage.tsx';

export function ChannelFeesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <RecordListPage<ChannelFee>
      resource="channel-fees"
      testId="fee"
      title={t('catalog.tabs.channelFees')}
      description={t('catalog.fees.intro')}
      newLabel={t('catalog.fees.new')}
      emptyText={t('catalog.fees.empty')}
      searchable={false}
      nameOf={(f) => f.name}
      columns={[
        { header: t('catalog.name'), cell: (f) => f.name },
        { header: t('catalog.fees.channel'), cell: (f) => t(`catalog.channels.${f.channel}`) },
        { header: t('catalog.fees.kind'), cell: (f) => t(`catalog.fees.kinds.${f.kind}`) },
        {
          header: t('catalog.fees.value'),
          cell: (f) =>
            f.percent
              ? `${f.percent} %`
              : f.amount !== null && f.currency
                ? format.money(f.amount, f.currency)
                : '—',
        },
      ]}
      renderForm={({ opened, onClose, item }) => (
        <RecordFormModal
          opened={opened}
          onClose={onClose}
          resource="channel-fees"
          id={item?.id}
          testId="fee-form"
          title={item ? t('catalog.fees.edit') : t('catalog.fees.new')}
          fields={[
            { name: 'name', label: t('catalog.name'), type: 'text', required: true },
            {
              name: 'channel',
              label: t('catalog.fees.channel'),
              type: 'select',
              required: true,
              options: channels.map((c) => ({ value: c, label: t(`catalog.channels.${c}`) })),
            },
            {
              name: 'kind',
              label: t('catalog.fees.kind'),
              type: 'select',
              required: true,
              options: (['fee', 'commission'] as const).map((k) => ({
                value: k,
                label: t(`catalog.fees.kinds.${k}`),
              })),
            },
            { name: 'percent', label: t('catalog.rules.percent'), type: 'text' },
            {
              name: 'amount',
              label: t('catalog.rules.amount'),
              type: 'number',
              min: 0,
              description: t('catalog.minorUnitsHint'),
            },
            { name: 'currency', label: t('catalog.currency'), type: 'text', maxLength: 3 },
          ]}
          initialValues={{
            name: item?.name ?? '',
            channel: item?.channel ?? 'web',
            kind: item?.kind ?? 'fee',
            percent: item?.percent ?? '',
            amount: item?.amount ?? '',
            currency: item?.currency ?? '',
          }}
          toBody={(v) => {
            const body = {
              name: String(v.name).trim(),
              channel: v.channel,
              kind: v.kind,
              percent: textOrNull(String(v.percent).replace(',', '.')),
              amount: numberOrNull(v.amount as number),
              currency: textOrNull(String(v.currency).toUpperCase()),
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
