// A company's travel policy (B9): price caps, the room types and transport classes it pays
// for, how far ahead to book and whether every booking needs an approver. Switched off, the
// company has no policy and its bookings never wait for approval.
import {
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { minorDigits } from '../../../shared/i18n/format.ts';
import { type CustomerForm, fieldProps } from './form-fields.ts';

const commonCurrencies = ['CZK', 'EUR', 'PLN', 'TRY', 'CNY', 'USD', 'GBP', 'CHF', 'HUF'];

function CapInput({
  form,
  name,
}: {
  form: CustomerForm;
  name: 'maxPricePerNight' | 'maxPricePerTrip';
}) {
  const { t } = useTranslation();
  const path = `travelPolicy.${name}`;
  const currency = form.getValues().travelPolicy[name].currency;
  const currencies = useMemo(
    () =>
      currency && !commonCurrencies.includes(currency)
        ? [currency, ...commonCurrencies]
        : commonCurrencies,
    [currency],
  );
  const digits = minorDigits(currency || 'EUR');
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <NumberInput
        label={t(`customers.policy.${name}`)}
        description={t('customers.policy.capHint')}
        min={0}
        decimalScale={digits}
        thousandSeparator=" "
        style={{ flex: 1 }}
        {...fieldProps(form, `${path}.amount`)}
      />
      <Select
        label={t('customers.policy.currency')}
        description=" "
        data={currencies}
        searchable
        allowDeselect={false}
        w={100}
        {...fieldProps(form, `${path}.currency`)}
      />
    </Group>
  );
}

export function TravelPolicyFields({ form }: { form: CustomerForm }) {
  const { t } = useTranslation();
  const enabled = form.getValues().hasTravelPolicy;
  return (
    <Stack gap="sm">
      <Switch
        label={t('customers.policy.enabled')}
        description={t('customers.policy.enabledHint')}
        {...fieldProps(form, 'hasTravelPolicy', 'checkbox')}
      />
      {enabled ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CapInput form={form} name="maxPricePerNight" />
            <CapInput form={form} name="maxPricePerTrip" />
            <TagsInput
              label={t('customers.policy.roomTypes')}
              description={t('customers.policy.roomTypesHint')}
              placeholder="DBL, SGL"
              splitChars={[',', ' ']}
              {...fieldProps(form, 'travelPolicy.allowedRoomTypeCodes')}
            />
            <TagsInput
              label={t('customers.policy.transportClasses')}
              description={t('customers.policy.transportClassesHint')}
              placeholder="Y, 2, STD"
              splitChars={[',', ' ']}
              {...fieldProps(form, 'travelPolicy.allowedTransportClasses')}
            />
            <NumberInput
              label={t('customers.policy.minAdvanceDays')}
              description={t('customers.policy.minAdvanceDaysHint')}
              min={0}
              max={365}
              allowDecimal={false}
              {...fieldProps(form, 'travelPolicy.minAdvanceDays')}
            />
          </SimpleGrid>
          <Switch
            label={t('customers.policy.requireApproval')}
            description={t('customers.policy.requireApprovalHint')}
            {...fieldProps(form, 'travelPolicy.requireApproval', 'checkbox')}
          />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('customers.policy.none')}
        </Text>
      )}
    </Stack>
  );
}
