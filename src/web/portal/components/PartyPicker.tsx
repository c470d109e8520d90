// Who travels: adults and children with each child's age (prices and rooms depend on it),
// in a popover under one summary field, keyboard-friendly.
import {
  ActionIcon,
  Button,
  Group,
  Input,
  NumberInput,
  Popover,
  Select,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconMinus, IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Party {
  adults: number;
  childAges: number[];
}

const ageOptions = Array.from({ length: 18 }, (_, age) => ({
  value: String(age),
  label: String(age),
}));

function Counter({
  label,
  value,
  min,
  max,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  testId: string;
}) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text fw={500}>{label}</Text>
      <Group gap={6} wrap="nowrap">
        <ActionIcon
          variant="default"
          radius="xl"
          aria-label={`${label} −`}
          disabled={value <= min}
          onClick={() => onChange(value - 1)}
          data-testid={`${testId}-minus`}
        >
          <IconMinus size={14} />
        </ActionIcon>
        <NumberInput
          aria-label={label}
          value={value}
          min={min}
          max={max}
          clampBehavior="strict"
          allowDecimal={false}
          hideControls
          w={48}
          styles={{ input: { textAlign: 'center' } }}
          onChange={(next) => typeof next === 'number' && onChange(next)}
          data-testid={testId}
        />
        <ActionIcon
          variant="default"
          radius="xl"
          aria-label={`${label} +`}
          disabled={value >= max}
          onClick={() => onChange(value + 1)}
          data-testid={`${testId}-plus`}
        >
          <IconPlus size={14} />
        </ActionIcon>
      </Group>
    </Group>
  );
}

export function PartyPicker({
  value,
  onChange,
  label,
}: {
  value: Party;
  onChange: (party: Party) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const setChildren = (count: number) => {
    const ages = value.childAges.slice(0, count);
    while (ages.length < count) ages.push(8);
    onChange({ ...value, childAges: ages });
  };
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-start"
      shadow="md"
      width={300}
      trapFocus
      withinPortal
    >
      <Popover.Target>
        <Input.Wrapper label={label ?? t('portal.search.travellers')}>
          <UnstyledButton
            onClick={() => setOpened((o) => !o)}
            data-testid="party-picker"
            aria-haspopup="dialog"
            aria-expanded={opened}
            w="100%"
            style={{
              border: '1px solid var(--mantine-color-gray-4)',
              borderRadius: 'var(--mantine-radius-md)',
              height: 36,
              padding: '0 12px',
              display: 'flex',
              alignItems: 'center',
              gap: 8,
              background: 'white',
            }}
          >
            <IconUsers size={16} stroke={1.5} color="var(--mantine-color-gray-6)" aria-hidden />
            <Text size="sm" truncate>
              {t('portal.search.partySummary', {
                adults: value.adults,
                children: value.childAges.length,
              })}
            </Text>
          </UnstyledButton>
        </Input.Wrapper>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Counter
            label={t('portal.search.adults')}
            value={value.adults}
            min={1}
            max={12}
            onChange={(adults) => onChange({ ...value, adults })}
            testId="party-adults"
          />
          <Counter
            label={t('portal.search.children')}
            value={value.childAges.length}
            min={0}
            max={8}
            onChange={setChildren}
            testId="party-children"
          />
          {value.childAges.length > 0 ? (
            <>
              <Text size="xs" c="dimmed">
                {t('portal.search.childAgeHint')}
              </Text>
              <SimpleGrid cols={2} spacing="xs">
                {value.childAges.map((age, index) => (
                  <Select
                    // biome-ignore lint/suspicious/noArrayIndexKey: a child is its position here
                    key={index}
                    label={t('portal.search.childAge', { n: index + 1 })}
                    data={ageOptions}
                    value={String(age)}
                    allowDeselect={false}
                    onChange={(next) => {
                      const ages = [...value.childAges];
                      ages[index] = Number(next ?? 0);
                      onChange({ ...value, childAges: ages });
                    }}
                    comboboxProps={{ withinPortal: false }}
                    data-testid={`party-child-age-${index}`}
                  />
                ))}
              </SimpleGrid>
            </>
          ) : null}
          <Button onClick={() => setOpened(false)} data-testid="party-done">
            {t('common.done')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
