// Everything the API keeps about a customer, as one form: the person's or the company's own
// fields, how to reach them, the postal address, language, marketing consent, labels and
// notes, and for a company its cost centres and travel policy. The API checks it; its field
// errors appear at the field, anything else above the save button.
import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import { useFormat } from '../../../shared/i18n/format.ts';
import { languageName } from '../../../shared/i18n/languages.ts';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { CompanySelect } from './CompanySelect.tsx';
import { useCountryOptions } from './country-options.ts';
import {
  type CustomerFormValues,
  customerBody,
  formValuesOf,
  placeFieldErrors,
} from './customer-form.ts';
import {
  type Customer,
  type CustomerKind,
  type CustomerLocale,
  customerKinds,
  customerLocales,
} from './customer-types.ts';
import { useSaveCustomer } from './customers-queries.ts';
import { type CustomerForm as Form, fieldProps } from './form-fields.ts';
import { TravelPolicyFields } from './TravelPolicyFields.tsx';

interface CustomerFormProps {
  /** The stored customer; null: a new one, a person unless `kind` says otherwise. */
  customer: Customer | null;
  kind?: CustomerKind;
  defaults: { locale: CustomerLocale; currency: string };
  readOnly: boolean;
  onSaved?: (customer: Customer) => void;
}

export function CustomerForm(props: CustomerFormProps) {
  const { customer, defaults, readOnly, onSaved } = props;
  const { t } = useTranslation();
  const save = useSaveCustomer();
  const form = useForm<CustomerFormValues>({
    mode: 'controlled',
    initialValues: formValuesOf(customer, { ...defaults, kind: props.kind ?? 'person' }),
  });
  const kind = form.getValues().kind;

  // A saved customer comes back in the API's normal form (trimmed, deduplicated): show that.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when another version arrives
  useEffect(() => {
    if (!customer) return;
    const values = formValuesOf(customer, { ...defaults, kind: customer.kind });
    form.setValues(values);
    form.resetDirty(values);
  }, [customer?.updatedAt]);

  function submit(values: CustomerFormValues) {
    const body = customerBody(values, {
      creating: customer === null,
      consentAnswered: form.isDirty('marketingConsent'),
    });
    save.mutate(
      { id: customer?.id, body },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t(customer ? 'customers.saved' : 'customers.created', { name: saved.name }),
          });
          onSaved?.(saved);
        },
        onError: (error) => form.setErrors(placeFieldErrors(fieldErrors(error)).placed),
      },
    );
  }

  const errors = fieldErrors(save.error);
  const unplaced =
    save.isError &&
    (Object.keys(errors).length === 0 || placeFieldErrors(errors).unplaced.length > 0);

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="customer-form">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          {customer === null ? (
            // The kind is chosen once: a person never becomes a company.
            <SegmentedControl
              aria-label={t('customers.field.kind')}
              data={customerKinds.map((value) => ({
                value,
                label: t(`customers.kinds.${value}`),
              }))}
              value={kind}
              onChange={(value) =>
                form.setFieldValue('kind', value === 'company' ? value : 'person')
              }
              data-testid="customer-field-kind"
            />
          ) : null}
          {kind === 'person' ? (
            <PersonSection form={form} employerName={customer?.employerName ?? null} />
          ) : (
            <CompanySection form={form} />
          )}
          <ContactSection form={form} customer={customer} />
          <AddressSection form={form} />
          <Section title={t('customers.section.notes')}>
            <TagsInput
              label={t('customers.field.tags')}
              description={t('customers.field.tagsHint')}
              {...fieldProps(form, 'tags')}
            />
            <Textarea
              label={t('customers.field.notes')}
              autosize
              minRows={3}
              maxRows={12}
              {...fieldProps(form, 'notes')}
            />
          </Section>
          {kind === 'company' ? (
            <Section title={t('customers.section.policy')}>
              <TagsInput
                label={t('customers.field.costCentres')}
                description={t('customers.field.costCentresHint')}
                {...fieldProps(form, 'costCentres')}
              />
              <TravelPolicyFields form={form} />
            </Section>
          ) : null}
          {unplaced ? (
            <ProblemAlert
              error={save.error}
              title={t('customers.saveFailed')}
              testId="customer-save-error"
            />
          ) : null}
          {readOnly ? (
            <Text size="sm" c="dimmed" data-testid="customer-read-only">
              {t('customers.readOnly')}
            </Text>
          ) : (
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={save.isPending}
                leftSection={<IconDeviceFloppy size={18} stroke={1.5} />}
                data-testid="customer-save"
              >
                {customer ? t('customers.save') : t('customers.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function PersonSection({ form, employerName }: { form: Form; employerName: string | null }) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  return (
    <Section title={t('customers.section.person')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('customers.field.firstName')}
          autoComplete="off"
          data-autofocus
          {...fieldProps(form, 'firstName')}
        />
        <TextInput
          label={t('customers.field.lastName')}
          required
          autoComplete="off"
          {...fieldProps(form, 'lastName')}
        />
        <TextInput
          label={t('customers.field.birthDate')}
          type="date"
          {...fieldProps(form, 'birthDate')}
        />
        <Select
          label={t('customers.field.nationality')}
          data={countries}
          searchable
          clearable
          {...fieldProps(form, 'nationality')}
          onChange={(value) => form.setFieldValue('nationality', value ?? '')}
        />
      </SimpleGrid>
      <CompanySelect form={form} employerName={employerName} />
    </Section>
  );
}

function CompanySection({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Section title={t('customers.section.company')}>
      <TextInput
        label={t('customers.field.companyName')}
        required
        autoComplete="off"
        data-autofocus
        {...fieldProps(form, 'companyName')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('customers.field.vatId')}
          description={t('customers.field.vatIdHint')}
          {...fieldProps(form, 'vatId')}
        />
        <TextInput
          label={t('customers.field.registrationId')}
          description={t('customers.field.registrationIdHint')}
          {...fieldProps(form, 'registrationId')}
        />
      </SimpleGrid>
    </Section>
  );
}

function ContactSection({ form, customer }: { form: Form; customer: Customer | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const consentLine = customer?.consentAt
    ? t('customers.field.consentAnswered', { date: format.dateTime(customer.consentAt) })
    : t('customers.field.consentNotAsked');
  return (
    <Section title={t('customers.section.contact')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('customers.field.email')}
          type="email"
          autoComplete="off"
          {...fieldProps(form, 'email')}
        />
        <TextInput
          label={t('customers.field.phone')}
          type="tel"
          autoComplete="off"
          {...fieldProps(form, 'phone')}
        />
        <Select
          label={t('customers.field.locale')}
          description={t('customers.field.localeHint')}
          data={customerLocales.map((code) => ({ value: code, label: languageName(code) }))}
          allowDeselect={false}
          {...fieldProps(form, 'locale')}
        />
      </SimpleGrid>
      <Switch
        label={t('customers.field.marketingConsent')}
        description={consentLine}
        {...fieldProps(form, 'marketingConsent', 'checkbox')}
      />
    </Section>
  );
}

function AddressSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  return (
    <Section title={t('customers.section.address')}>
      <TextInput label={t('customers.field.street')} {...fieldProps(form, 'address.street')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('customers.field.postalCode')}
          {...fieldProps(form, 'address.postalCode')}
        />
        <TextInput label={t('customers.field.city')} {...fieldProps(form, 'address.city')} />
        <Select
          label={t('customers.field.country')}
          data={countries}
          searchable
          clearable
          {...fieldProps(form, 'address.country')}
          onChange={(value) => form.setFieldValue('address.country', value ?? '')}
        />
      </SimpleGrid>
    </Section>
  );
}
