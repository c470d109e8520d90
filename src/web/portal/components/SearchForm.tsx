// The trip search: where, when (arrival and departure), who. Enter or the button searches.
import { Autocomplete, Button, Grid, Paper } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconMapPin, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateFormatter } from '../../shared/i18n/date-input.ts';
import { useCalendarColumns } from '../../shared/ui/calendar-columns.ts';
import type { TripSearch } from '../search-params.ts';
import { addDays } from '../search-params.ts';
import { PartyPicker } from './PartyPicker.tsx';

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function SearchForm({
  initial,
  destinations,
  onSearch,
}: {
  initial: TripSearch;
  destinations: string[];
  onSearch: (search: TripSearch) => void;
}) {
  const { t } = useTranslation();
  const calendarColumns = useCalendarColumns();
  const [destination, setDestination] = useState(initial.destination);
  const [dates, setDates] = useState<[string | null, string | null]>([initial.from, initial.to]);
  const [party, setParty] = useState({ adults: initial.adults, childAges: initial.childAges });
  const [datesError, setDatesError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [from, to] = dates;
    if (!from || !to || from >= to) {
      setDatesError(t('portal.search.pickDates'));
      return;
    }
    setDatesError(null);
    onSearch({ destination: destination.trim(), from, to, ...party });
  };

  return (
    <Paper
      component="form"
      onSubmit={submit}
      shadow="lg"
      radius="lg"
      p="md"
      data-testid="search-form"
    >
      <Grid gutter="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 3.5 }}>
          <Autocomplete
            label={t('portal.search.destination')}
            placeholder={t('portal.search.destinationPlaceholder')}
            data={destinations}
            value={destination}
            onChange={setDestination}
            leftSection={<IconMapPin size={16} stroke={1.5} />}
            data-testid="search-destination"
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3.5 }}>
          <DatePickerInput
            type="range"
            label={t('portal.search.dates')}
            placeholder={t('portal.search.datesPlaceholder')}
            value={dates}
            onChange={(value) => {
              setDates(value);
              setDatesError(null);
            }}
            minDate={addDays(todayIso(), 1)}
            numberOfColumns={calendarColumns}
            leftSection={<IconCalendar size={16} stroke={1.5} />}
            error={datesError}
            data-testid="search-dates"
            valueFormatter={localDateFormatter}
            ariaLabels={{
              nextMonth: t('portal.search.nextMonth'),
              previousMonth: t('portal.search.previousMonth'),
            }}
            popoverProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <PartyPicker value={party} onChange={setParty} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 2 }}>
          <Button
            type="submit"
            fullWidth
            leftSection={<IconSearch size={16} />}
            data-testid="search-submit"
          >
            {t('portal.search.submit')}
          </Button>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
