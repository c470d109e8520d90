// Placeholder: being built.
import { ComingSoonPage } from '../ComingSoonPage.tsx';

export function BookingsPage() {
  return <ComingSoonPage section="bookings" />;
}
