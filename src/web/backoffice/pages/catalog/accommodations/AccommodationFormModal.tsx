// Creating or changing an accommodation: its name, kind, address, stars, board and text.
import {
  Button,
  Chip,
  Group,
  Input,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../../../shared/api.ts';
import { useSaveRecord } from '../shared/catalog-queries.ts';
import {
  type Accommodation,
  type AccommodationKind,
  accommodationKinds,
  type BoardType,
  boardTypes,
} from '../shared/catalog-types.ts';
import { FormProblem } from '../shared/FormProblem.tsx';
import { textOrNull, withoutEmpty } from '../shared/fields.ts';
import { LocalizedFields } from '../shared/LocalizedFields.tsx';
import {
  fromLocalizedValues,
  type LocalizedValues,
  toLocalizedValues,
} from '../shared/localized.ts';
import { SupplierSelect } from '../shared/SupplierSelect.tsx';

interface Values {
  name: string;
  kind: AccommodationKind;
  supplierId: string | null;
  street: string;
  city: string;
  postalCode: string;
  country: string;
  stars: number | string;
  boardTypes: BoardType[];
  description: LocalizedValues;
}

function valuesOf(accommodation: Accommodation | null): Values {
  return {
    name: accommodation?.name ?? '',
    kind: accommodation?.kind ?? 'hotel',
    supplierId: accommodation?.supplierId ?? null,
    street: accommodation?.street ?? '',
    city: accommodation?.city ?? '',
    postalCode: accommodation?.postalCode ?? '',
    country: accommodation?.country ?? '',
    stars: accommodation?.stars ?? '',
    boardTypes: accommodation?.boardTypes ?? [],
    description: toLocalizedValues(accommodation?.description),
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** null: a new accommodation. */
  accommodation: Accommodation | null;
}

export function AccommodationFormModal({ opened, onClose, accommodation }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveRecord<Accommodation>('accommodations');
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(accommodation) });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens on a record
  useEffect(() => {
    if (opened) {
      form.setValues(valuesOf(accommodation));
      form.resetDirty();
      form.clearErrors();
      save.reset();
    }
  }, [opened, accommodation?.id]);

  function submit(values: Values) {
    const body = {
      name: values.name.trim(),
      kind: values.kind,
      supplierId: values.supplierId,
      street: textOrNull(values.street),
      city: values.city.trim(),
      postalCode: textOrNull(values.postalCode),
      country: values.country.trim().toUpperCase(),
      stars: values.stars === '' ? null : Number(values.stars),
      boardTypes: values.boardTypes,
      description: fromLocalizedValues(values.description),
    };
    save.mutate(
      { id: accommodation?.id, body: accommodation ? body : withoutEmpty(body) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('catalog.saved', { name: saved.name }) });
          onClose();
          if (!accommodation) void navigate(`/catalog/accommodations/${saved.id}`);
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={accommodation ? t('catalog.accommodations.edit') : t('catalog.accommodations.new')}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <TextInput
            label={t('catalog.name')}
            required
            data-autofocus
            data-testid="accommodation-name"
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('catalog.accommodations.kind')}
              allowDeselect={false}
              data={accommodationKinds.map((kind) => ({
                value: kind,
                label: t(`catalog.accommodationKinds.${kind}`),
              }))}
              {...form.getInputProps('kind')}
            />
            <NumberInput
              label={t('catalog.accommodations.stars')}
              min={0}
              max={5}
              step={0.5}
              decimalScale={1}
              {...form.getInputProps('stars')}
            />
          </SimpleGrid>
          <TextInput label={t('catalog.street')} {...form.getInputProps('street')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('catalog.city')}
              required
              data-testid="accommodation-city"
              {...form.getInputProps('city')}
            />
            <TextInput label={t('catalog.postalCode')} {...form.getInputProps('postalCode')} />
            <TextInput
              label={t('catalog.country')}
              description={t('catalog.countryHint')}
              required
              maxLength={2}
              data-testid="accommodation-country"
              {...form.getInputProps('country')}
            />
          </SimpleGrid>
          <SupplierSelect {...form.getInputProps('supplierId')} />
          <Input.Wrapper label={t('catalog.accommodations.board')} error={form.errors.boardTypes}>
            <Chip.Group multiple {...form.getInputProps('boardTypes')}>
              <Group gap="xs" mt={4}>
                {boardTypes.map((board) => (
                  <Chip key={board} value={board} size="sm">
                    {t(`catalog.boardTypes.${board}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
          <LocalizedFields
            form={form}
            path="description"
            legend={t('catalog.description')}
            multiline
          />
          <FormProblem
            error={save.error}
            fields={Object.keys(form.getValues())}
            title={t('catalog.saveFailed')}
            testId="accommodation-error"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="accommodation-submit">
              {t('catalog.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
