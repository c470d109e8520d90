// The customer enters (or corrects) the travellers' details — passports and ID cards too. The
// server marks the required actions these details complete as done in the same save.
import { Button, Card, Grid, Group, Modal, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useSaveTravellers } from '../../api/portal-queries.ts';
import type { PortalBooking } from '../../api/types.ts';
import { usePortal } from '../../portal-context.ts';

export function TravellersModal({
  booking,
  opened,
  onClose,
}: {
  booking: PortalBooking;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { slug, lang } = usePortal();
  const save = useSaveTravellers(slug, lang);
  const form = useForm({
    initialValues: {
      travellers: booking.travellers.map((traveller) => ({
        firstName: traveller.firstName,
        lastName: traveller.lastName,
        birthDate: traveller.birthDate,
        nationality: traveller.nationality ?? '',
        documentType: traveller.documentType ?? '',
        documentNumber: traveller.documentNumber ?? '',
        documentExpiry: traveller.documentExpiry ?? '',
      })),
    },
    validate: {
      travellers: {
        firstName: (v) => (v.trim() ? null : t('portal.checkout.required')),
        lastName: (v) => (v.trim() ? null : t('portal.checkout.required')),
        birthDate: (v) => (v ? null : t('portal.checkout.required')),
        nationality: (v) =>
          v === '' || /^[A-Za-z]{2}$/.test(v.trim()) ? null : t('portal.account.nationalityHint'),
      },
    },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        bookingId: booking.id,
        travellers: values.travellers.map((traveller, index) => ({
          firstName: traveller.firstName.trim(),
          lastName: traveller.lastName.trim(),
          birthDate: traveller.birthDate,
          nationality: traveller.nationality.trim().toUpperCase() || null,
          documentType: (traveller.documentType || null) as 'passport' | 'id_card' | null,
          documentNumber: traveller.documentNumber.trim() || null,
          documentExpiry: traveller.documentExpiry || null,
          email: booking.travellers[index]?.email ?? null,
          phone: booking.travellers[index]?.phone ?? null,
        })),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('portal.account.travellersSaved') });
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    ),
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('portal.account.travellersTitle', { number: booking.number })}
      size="xl"
    >
      <form onSubmit={submit} data-testid="travellers-modal-form">
        <Stack gap="md">
          {form.values.travellers.map((_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a traveller is their position
            <Card withBorder key={index}>
              <Title order={4} size="h6" mb="xs">
                {t('portal.checkout.traveller', { n: index + 1 })}
              </Title>
              <Grid gutter="xs">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('portal.checkout.firstName')}
                    {...form.getInputProps(`travellers.${index}.firstName`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('portal.checkout.lastName')}
                    {...form.getInputProps(`travellers.${index}.lastName`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    type="date"
                    label={t('portal.checkout.birthDate')}
                    {...form.getInputProps(`travellers.${index}.birthDate`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput
                    label={t('portal.account.nationality')}
                    placeholder="CZ"
                    maxLength={2}
                    data-testid={`edit-traveller-${index}-nationality`}
                    {...form.getInputProps(`travellers.${index}.nationality`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <Select
                    label={t('portal.account.documentType')}
                    data={[
                      { value: 'passport', label: t('portal.account.passport') },
                      { value: 'id_card', label: t('portal.account.idCard') },
                    ]}
                    clearable
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps(`travellers.${index}.documentType`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput
                    label={t('portal.account.documentNumber')}
                    {...form.getInputProps(`travellers.${index}.documentNumber`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput
                    type="date"
                    label={t('portal.account.documentExpiry')}
                    {...form.getInputProps(`travellers.${index}.documentExpiry`)}
                  />
                </Grid.Col>
              </Grid>
            </Card>
          ))}
          {save.error && Object.keys(fieldErrors(save.error)).length === 0 ? (
            <ProblemAlert error={save.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="travellers-save">
              {t('portal.account.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
