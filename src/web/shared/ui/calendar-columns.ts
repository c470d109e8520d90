// How many months a range picker shows side by side: two where they fit, one on a phone (two
// months are about 560 px wide, more than a phone's screen).
import { useMatches } from '@mantine/core';

export function useCalendarColumns(): number {
  return useMatches({ base: 1, sm: 2 });
}
