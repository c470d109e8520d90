// Attractions and their tickets: dated (a day and time slot) or open tickets valid some days.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attraction } from '../shared/catalog-types.ts';
import { numberOrNull, textOrNull } from '../shared/fields.ts';
import {
  fromLocalizedValues,
  type LocalizedValues,
  toLocalizedValues,
  useLocalized,
} from '../shared/localized.ts';
import { RecordFormModal } from '../shared/RecordFormModal.tsx';
import { RecordListPage } from '../shared/RecordListPage.tsx';

export function AttractionsPage() {
  const { t } = useTranslation();
  const local = useLocalized();
  return (
    <RecordListPage<Attraction>
      resource="attractions"
      testId="attraction"
      title={t('catalog.attractions.title')}
      description={t('catalog.attractions.intro')}
      newLabel={t('catalog.attractions.new')}
      emptyText={t('catalog.attractions.empty')}
      searchable
      nameOf={(a) => local(a.name)}
      columns={[
        { header: t('catalog.name'), cell: (a) => local(a.name) },
        { header: t('catalog.place'), cell: (a) => `${a.city}, ${a.country}` },
        {
          header: t('catalog.attractions.tickets'),
          cell: (a) => (
            <Group gap={4}>
              {a.ticketTypes
                .filter((x) => !x.archived)
                .map((x) => (
                  <Badge key={x.id} size="sm" variant="light">
                    {local(x.name)}
                  </Badge>
                ))}
            </Group>
          ),
        },
        {
          header: t('catalog.attractions.validity'),
          cell: (a) =>
            a.dated
              ? t('catalog.attractions.datedValue', { count: a.timeSlots.length })
              : t('catalog.attractions.openValue', { count: a.validityDays ?? 0 }),
        },
      ]}
      renderForm={({ opened, onClose, item }) => (
        <RecordFormModal
          opened={opened}
          onClose={onClose}
          resource="attractions"
          id={item?.id}
          testId="attraction-form"
          title={item ? t('catalog.attractions.edit') : t('catalog.attractions.new')}
          fields={[
            { name: 'name', label: t('catalog.name'), type: 'localized', required: true },
            { name: 'city', label: t('catalog.city'), type: 'text', required: true },
            {
              name: 'country',
              label: t('catalog.country'),
              type: 'text',
              required: true,
              maxLength: 2,
              description: t('catalog.countryHint'),
            },
            { name: 'address', label: t('catalog.address'), type: 'text' },
            {
              name: 'advanceBookingDays',
              label: t('catalog.attractions.advanceDays'),
              type: 'number',
              min: 0,
              max: 365,
            },
            {
              name: 'dated',
              label: t('catalog.attractions.dated'),
              type: 'switch',
              description: t('catalog.attractions.datedHint'),
            },
            {
              name: 'validityDays',
              label: t('catalog.attractions.validityDays'),
              type: 'number',
              min: 1,
              max: 3650,
            },
            {
              name: 'timeSlots',
              label: t('catalog.attractions.timeSlots'),
              type: 'text',
              description: t('catalog.attractions.timeSlotsHint'),
            },
          ]}
          initialValues={{
            name: toLocalizedValues(item?.name),
            city: item?.city ?? '',
            country: item?.country ?? '',
            address: item?.address ?? '',
            advanceBookingDays: item?.advanceBookingDays ?? 0,
            dated: item?.dated ?? true,
            validityDays: item?.validityDays ?? '',
            timeSlots: item?.timeSlots.join(', ') ?? '',
          }}
          toBody={(v) => {
            const dated = Boolean(v.dated);
            const body = {
              name: fromLocalizedValues(v.name as LocalizedValues) ?? {},
              city: String(v.city).trim(),
              country: String(v.country).trim().toUpperCase(),
              address: textOrNull(String(v.address)),
              advanceBookingDays: numberOrNull(v.advanceBookingDays as number) ?? 0,
              dated,
              validityDays: dated ? null : numberOrNull(v.validityDays as number),
              timeSlots: String(v.timeSlots)
                .split(/[\s,;]+/)
                .filter(Boolean),
            };
            return item
              ? body
              : Object.fromEntries(Object.entries(body).filter(([, x]) => x !== null));
          }}
          savedName={(v) => fromLocalizedValues(v.name as LocalizedValues)?.en ?? String(v.city)}
        />
      )}
    />
  );
}
