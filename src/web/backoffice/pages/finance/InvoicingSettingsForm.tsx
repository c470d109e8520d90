// The agency's invoicing settings as a form: the seller, the bank account, VAT (scheme,
// default rate, rates per line kind), numbering and when invoices issue by themselves. The
// admin edits them; the accountant reads them (every input read-only, no save).
import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import { FormProblem } from '../catalog/shared/FormProblem.tsx';
import { useSaveInvoicingSettings } from './finance-queries.ts';
import { autoIssuePolicies, type InvoicingSettings, vatSchemes } from './finance-types.ts';
import {
  type InvoicingSettingsValues,
  placeSettingsErrors,
  settingsFields,
  toSettingsBody,
  toSettingsValues,
} from './settings-form.ts';

const ratePattern = /^\d{1,2}(\.\d{1,2})?$/;
const kindPattern = /^[a-z_]{1,40}$/;

interface InvoicingSettingsFormProps {
  settings: InvoicingSettings;
  canEdit: boolean;
}

export function InvoicingSettingsForm({ settings, canEdit }: InvoicingSettingsFormProps) {
  const { t } = useTranslation();
  const save = useSaveInvoicingSettings();
  const form = useForm<InvoicingSettingsValues>({
    mode: 'controlled',
    initialValues: toSettingsValues(settings),
    validate: {
      legalName: (value) => (value.trim() ? null : t('finance.settings.required')),
      country: (value) =>
        /^[A-Za-z]{2}$/.test(value.trim()) ? null : t('finance.settings.countryHint'),
      accountingCurrency: (value) =>
        /^[A-Za-z]{3}$/.test(value.trim()) ? null : t('finance.settings.currencyHint'),
      defaultVatRate: (value) =>
        ratePattern.test(value.trim()) ? null : t('finance.settings.rateHint'),
      vatRates: {
        kind: (value) => (kindPattern.test(value.trim()) ? null : t('finance.settings.kindHint')),
        rate: (value) => (ratePattern.test(value.trim()) ? null : t('finance.settings.rateHint')),
      },
    },
  });
  const readOnly = !canEdit;

  const submit = (values: InvoicingSettingsValues) =>
    save.mutate(toSettingsBody(values), {
      onSuccess: (saved) => {
        form.setValues(toSettingsValues(saved));
        form.resetDirty(toSettingsValues(saved));
        notifications.show({ color: 'teal', message: t('finance.settings.saved') });
      },
      onError: (error) => form.setErrors(placeSettingsErrors(fieldErrors(error), values)),
    });

  const text = (name: keyof InvoicingSettingsValues, label: string, extra: object = {}) => (
    <TextInput
      label={label}
      readOnly={readOnly}
      data-testid={`settings-${name}`}
      {...extra}
      {...form.getInputProps(name)}
    />
  );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="invoicing-settings-form">
      <Stack>
        {settings.configured ? null : (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconInfoCircle aria-hidden />}
            data-testid="settings-not-configured"
          >
            {t('finance.settings.notConfigured')}
          </Alert>
        )}
        {readOnly ? (
          <Text size="sm" c="dimmed" data-testid="settings-read-only">
            {t('finance.settings.readOnly')}
          </Text>
        ) : null}
        <Fieldset legend={t('finance.settings.seller')} p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('legalName', t('finance.settings.legalName'), { required: !readOnly })}
            {text('email', t('finance.settings.email'), { type: 'email' })}
            {text('vatId', t('finance.settings.vatId'), { placeholder: 'CZ12345678' })}
            {text('registrationId', t('finance.settings.registrationId'))}
            {text('street', t('finance.settings.street'))}
            {text('city', t('finance.settings.city'))}
            {text('postalCode', t('finance.settings.postalCode'))}
            {text('country', t('finance.settings.country'), {
              required: !readOnly,
              maxLength: 2,
              placeholder: 'CZ',
            })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('finance.settings.bank')} p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('iban', t('finance.settings.iban'), {
              placeholder: 'CZ65 0800 0000 1920 0014 5399',
            })}
            {text('bic', t('finance.settings.bic'), { placeholder: 'GIBACZPX' })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('finance.settings.vat')} p="sm">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t('finance.settings.vatScheme')}
                readOnly={readOnly}
                allowDeselect={false}
                data={vatSchemes.map((s) => ({ value: s, label: t(`finance.vatSchemes.${s}`) }))}
                data-testid="settings-vatScheme"
                {...form.getInputProps('vatScheme')}
              />
              {text('defaultVatRate', t('finance.settings.defaultVatRate'), {
                rightSection: '%',
                required: !readOnly,
              })}
              {text('accountingCurrency', t('finance.settings.accountingCurrency'), {
                required: !readOnly,
                maxLength: 3,
              })}
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {form.values.vatScheme === 'margin'
                ? t('finance.settings.marginExplain')
                : t('finance.settings.standardExplain')}
            </Text>
            <VatRateRows form={form} readOnly={readOnly} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('finance.settings.issuing')} p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('finance.settings.autoIssue')}
              readOnly={readOnly}
              allowDeselect={false}
              data={autoIssuePolicies.map((p) => ({
                value: p,
                label: t(`finance.autoIssue.${p}`),
              }))}
              data-testid="settings-autoIssue"
              {...form.getInputProps('autoIssue')}
            />
            <NumberInput
              label={t('finance.settings.paymentTermsDays')}
              readOnly={readOnly}
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              data-testid="settings-paymentTermsDays"
              {...form.getInputProps('paymentTermsDays')}
            />
            {text('invoiceSeries', t('finance.settings.invoiceSeries'), { maxLength: 10 })}
            {text('creditNoteSeries', t('finance.settings.creditNoteSeries'), { maxLength: 10 })}
          </SimpleGrid>
        </Fieldset>
        <FormProblem
          error={save.error}
          fields={settingsFields}
          title={t('finance.settings.saveFailed')}
          testId="settings-error"
        />
        {canEdit ? (
          <Group justify="flex-end">
            <Button
              variant="default"
              disabled={!form.isDirty()}
              onClick={() => {
                form.reset();
                save.reset();
              }}
            >
              {t('finance.settings.undo')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="settings-save">
              {t('finance.settings.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

type SettingsForm = UseFormReturnType<InvoicingSettingsValues>;

/** The VAT rates of particular booking line kinds (the others take the default rate). */
function VatRateRows({ form, readOnly }: { form: SettingsForm; readOnly: boolean }) {
  const { t } = useTranslation();
  const rows = form.values.vatRates;
  return (
    <Stack gap="xs" data-testid="settings-vat-rates">
      <Text size="sm" fw={500}>
        {t('finance.settings.vatRates')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('finance.settings.vatRatesHint')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('finance.settings.noVatRates')}
        </Text>
      ) : null}
      {rows.map((_, index) => (
        // Rows have no id of their own; their place in the list is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={t('finance.settings.lineKind')}
            placeholder={t('finance.settings.lineKindPlaceholder')}
            readOnly={readOnly}
            style={{ flex: 2 }}
            data-testid={`settings-vat-kind-${index}`}
            {...form.getInputProps(`vatRates.${index}.kind`)}
          />
          <TextInput
            aria-label={t('finance.settings.rate')}
            readOnly={readOnly}
            rightSection="%"
            style={{ flex: 1 }}
            data-testid={`settings-vat-rate-${index}`}
            {...form.getInputProps(`vatRates.${index}.rate`)}
          />
          {readOnly ? null : (
            <Tooltip label={t('finance.settings.removeRate')}>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={4}
                aria-label={t('finance.settings.removeRate')}
                onClick={() => form.removeListItem('vatRates', index)}
              >
                <IconTrash size={16} stroke={1.5} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      ))}
      {readOnly ? null : (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('vatRates', { kind: '', rate: '' })}
            data-testid="settings-add-rate"
          >
            {t('finance.settings.addRate')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
