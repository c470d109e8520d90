// Placeholder: being built.
import { ComingSoonPage } from '../ComingSoonPage.tsx';

export function NewBookingPage() {
  return <ComingSoonPage section="bookings" />;
}
