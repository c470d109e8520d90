// A create/edit modal described by its fields, for the records whose forms are a plain list
// of inputs (suppliers, services, fees, codes, rules, promotions): field errors from the API
// land at the field of the same name.
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Fragment, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/api.ts';
import { type Resource, useSaveRecord } from './catalog-queries.ts';
import { FormProblem } from './FormProblem.tsx';
import { LocalizedFields } from './LocalizedFields.tsx';

export type FieldSpec =
  | {
      name: string;
      label: string;
      type: 'text' | 'textarea' | 'date' | 'time';
      required?: boolean;
      description?: string;
      maxLength?: number;
    }
  | {
      name: string;
      label: string;
      type: 'number';
      required?: boolean;
      min?: number;
      max?: number;
      description?: string;
    }
  | {
      name: string;
      label: string;
      type: 'select';
      required?: boolean;
      options: { value: string; label: string }[];
      clearable?: boolean;
      description?: string;
    }
  | {
      name: string;
      label: string;
      type: 'multiselect';
      options: { value: string; label: string }[];
      description?: string;
    }
  | { name: string; label: string; type: 'switch'; description?: string }
  | { name: string; label: string; type: 'localized'; required?: boolean; multiline?: boolean };

export type FormValues = Record<string, unknown>;

interface Props {
  opened: boolean;
  onClose: () => void;
  resource: Resource;
  /** The record's id when editing; absent: creating. */
  id?: string;
  /** The path the record is saved under when it differs from its id (promo codes: the code). */
  saveKey?: string;
  title: string;
  fields: FieldSpec[];
  /** Pairs of fields shown side by side. */
  initialValues: FormValues;
  toBody: (values: FormValues) => Record<string, unknown>;
  savedName: (values: FormValues) => string;
  testId: string;
}

export function RecordFormModal(props: Props) {
  const { t } = useTranslation();
  const save = useSaveRecord<unknown>(props.resource);
  const form = useForm<FormValues>({ mode: 'controlled', initialValues: props.initialValues });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens on a record
  useEffect(() => {
    if (props.opened) {
      form.setValues(props.initialValues);
      form.clearErrors();
      save.reset();
    }
  }, [props.opened, props.id]);

  function submit(values: FormValues) {
    save.mutate(
      { id: props.saveKey ?? props.id, body: props.toBody(values) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('catalog.saved', { name: props.savedName(values) }),
          });
          props.onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  }

  const renderInput = (field: FieldSpec, index: number) => {
    const common = {
      label: field.label,
      'data-autofocus': index === 0 ? true : undefined,
      'data-testid': `${props.testId}-${field.name}`,
    };
    switch (field.type) {
      case 'text':
      case 'date':
      case 'time':
        return (
          <TextInput
            {...common}
            type={field.type === 'text' ? undefined : field.type}
            required={field.required}
            description={field.description}
            maxLength={field.maxLength}
            {...form.getInputProps(field.name)}
          />
        );
      case 'textarea':
        return (
          <Textarea
            {...common}
            autosize
            minRows={2}
            description={field.description}
            {...form.getInputProps(field.name)}
          />
        );
      case 'number':
        return (
          <NumberInput
            {...common}
            required={field.required}
            min={field.min}
            max={field.max}
            description={field.description}
            {...form.getInputProps(field.name)}
          />
        );
      case 'select':
        return (
          <Select
            {...common}
            required={field.required}
            data={field.options}
            clearable={field.clearable}
            allowDeselect={field.clearable ?? false}
            searchable={field.options.length > 8}
            description={field.description}
            {...form.getInputProps(field.name)}
          />
        );
      case 'multiselect':
        return (
          <MultiSelect
            {...common}
            data={field.options}
            searchable
            description={field.description}
            {...form.getInputProps(field.name)}
          />
        );
      case 'switch':
        return (
          <Switch
            {...common}
            mt="md"
            description={field.description}
            {...form.getInputProps(field.name, { type: 'checkbox' })}
          />
        );
      case 'localized':
        return (
          <LocalizedFields
            form={form}
            path={field.name}
            legend={field.label}
            required={field.required}
            multiline={field.multiline}
            autoFocus={index === 0}
          />
        );
      default:
        return field satisfies never;
    }
  };

  const wide = props.fields
    .filter((f) => f.type === 'localized' || f.type === 'textarea' || f.type === 'multiselect')
    .map((f) => f.name);
  return (
    <Modal opened={props.opened} onClose={props.onClose} size="lg" title={props.title}>
      <form onSubmit={form.onSubmit(submit)} noValidate data-testid={`${props.testId}-form`}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {props.fields.map((field, index) =>
              wide.includes(field.name) ? (
                <div key={field.name} style={{ gridColumn: '1 / -1' }}>
                  {renderInput(field, index)}
                </div>
              ) : (
                <Fragment key={field.name}>{renderInput(field, index)}</Fragment>
              ),
            )}
          </SimpleGrid>
          <FormProblem
            error={save.error}
            fields={props.fields.map((f) => f.name)}
            title={t('catalog.saveFailed')}
            testId={`${props.testId}-error`}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid={`${props.testId}-submit`}>
              {t('catalog.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
