// The seat map's questions: hold a free seat (with a note) or give a held one back, and go on
// with a move that splits a party.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSeat } from './seat-map.ts';

interface HoldSeatModalProps {
  seat: MapSeat | null;
  busy: boolean;
  onClose: () => void;
  onSubmit: (held: string | null) => void;
}

export function HoldSeatModal({ seat, busy, onClose, onSubmit }: HoldSeatModalProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  useEffect(() => {
    if (seat) setNote('');
  }, [seat]);
  const releasing = seat?.state === 'held';
  return (
    <Modal
      opened={seat !== null}
      onClose={onClose}
      title={
        releasing
          ? t('catalog.seatMap.releaseTitle', { label: seat?.label })
          : t('catalog.seatMap.holdTitle', { label: seat?.label })
      }
    >
      {releasing ? (
        <Stack>
          <Text size="sm" data-testid="held-note">
            {t('catalog.seatMap.heldBecause', { note: seat?.held })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} onClick={() => onSubmit(null)} data-testid="release-seat">
              {t('catalog.seatMap.release')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (note.trim()) onSubmit(note.trim());
          }}
        >
          <Stack>
            <TextInput
              label={t('catalog.seatMap.holdNote')}
              description={t('catalog.seatMap.holdHint')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={200}
              required
              data-autofocus
              data-testid="hold-note"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} disabled={!note.trim()} data-testid="hold-seat">
                {t('catalog.seatMap.hold')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

interface SplitConfirmModalProps {
  numbers: string[] | null;
  busy: boolean;
  onClose: () => void;
  onConfirm: () => void;
}

export function SplitConfirmModal({ numbers, busy, onClose, onConfirm }: SplitConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={numbers !== null} onClose={onClose} title={t('catalog.seatMap.confirmTitle')}>
      <Stack>
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('catalog.seatMap.splitWarning', {
            numbers: numbers?.join(', ') ?? '',
          })}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="yellow" loading={busy} onClick={onConfirm} data-testid="confirm-split">
            {t('catalog.seatMap.confirmMove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
