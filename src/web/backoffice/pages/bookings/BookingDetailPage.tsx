// Placeholder: being built.
import { ComingSoonPage } from '../ComingSoonPage.tsx';

export function BookingDetailPage() {
  return <ComingSoonPage section="bookings" />;
}
