// A new customer, person or company, typed in by staff; saved, it opens on its own page.
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { BackLink } from '../catalog/shared/BackLink.tsx';
import { CustomerForm } from './CustomerForm.tsx';
import { customerDefaults } from './customer-defaults.ts';

export function NewCustomerPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <>
      <BackLink to="/customers" label={t('customers.backToList')} />
      <PageHeader title={t('customers.newTitle')} />
      <CustomerForm
        customer={null}
        kind={params.get('kind') === 'company' ? 'company' : 'person'}
        defaults={customerDefaults(me.agency)}
        readOnly={false}
        onSaved={(saved) => void navigate(`/customers/${saved.id}`, { replace: true })}
      />
    </>
  );
}
