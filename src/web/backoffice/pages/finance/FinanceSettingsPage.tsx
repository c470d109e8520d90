// The finance settings: the agency's base currency, invoicing (seller, VAT, bank, numbering,
// auto-issue), payment terms and the supplier invoice tolerance. The admin edits them; the
// accountant reads them, except the tolerance, which the accountant (who reviews the flagged
// supplier invoices) sets too.
import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { BaseCurrencyForm } from './BaseCurrencyForm.tsx';
import { useInvoicingSettings, usePaymentTerms, useTolerance } from './finance-queries.ts';
import { InvoicingSettingsForm } from './InvoicingSettingsForm.tsx';
import { PaymentTermsForm } from './PaymentTermsForm.tsx';
import { financePermissionsOf } from './permissions.ts';
import { ToleranceForm } from './ToleranceForm.tsx';

export function FinanceSettingsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const can = financePermissionsOf(me.role);
  const invoicing = useInvoicingSettings(can.readSettings);
  const terms = usePaymentTerms(can.readSettings);
  const tolerance = useTolerance(can.supplierInvoices);

  return (
    <>
      <PageHeader title={t('finance.settings.title')} description={t('finance.settings.intro')} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" data-testid="base-currency-settings">
          <Title order={4} mb="sm">
            {t('finance.baseCurrency.title')}
          </Title>
          <BaseCurrencyForm currency={me.agency.baseCurrency} canEdit={can.editSettings} />
        </Paper>
        <Paper withBorder radius="md" p="md" data-testid="invoicing-settings">
          <Title order={4} mb="sm">
            {t('finance.settings.invoicingTitle')}
          </Title>
          {invoicing.isPending ? <CenteredLoader /> : null}
          {invoicing.isError ? <ProblemAlert error={invoicing.error} /> : null}
          {invoicing.data ? (
            <InvoicingSettingsForm settings={invoicing.data} canEdit={can.editSettings} />
          ) : null}
        </Paper>
        <Paper withBorder radius="md" p="md" data-testid="payment-terms">
          <Title order={4} mb="sm">
            {t('finance.terms.title')}
          </Title>
          {terms.isPending ? <CenteredLoader /> : null}
          {terms.isError ? <ProblemAlert error={terms.error} /> : null}
          {terms.data ? <PaymentTermsForm terms={terms.data} canEdit={can.editSettings} /> : null}
        </Paper>
        {can.supplierInvoices ? (
          <Paper withBorder radius="md" p="md" data-testid="tolerance-settings">
            <Title order={4} mb="sm">
              {t('finance.tolerance.title')}
            </Title>
            {tolerance.isPending ? <CenteredLoader /> : null}
            {tolerance.isError ? <ProblemAlert error={tolerance.error} /> : null}
            {tolerance.data ? (
              <ToleranceForm tolerance={tolerance.data} canEdit={can.editTolerance} />
            ) : null}
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
