// How every input of the customer form is wired: its value and error from the form, a test id
// for the input and one for its error line (`customer-field-address.city-error`).
import type { UseFormReturnType } from '@mantine/form';
import type { CustomerFormValues } from './customer-form.ts';

export type CustomerForm = UseFormReturnType<CustomerFormValues>;

export function fieldProps(form: CustomerForm, path: string, type?: 'checkbox') {
  const props = {
    ...form.getInputProps(path, type ? { type } : undefined),
    'data-testid': `customer-field-${path}`,
  };
  // Switches and checkboxes take no errorProps: React would put it on the DOM element.
  if (type === 'checkbox') return props;
  return { ...props, errorProps: { 'data-testid': `customer-field-${path}-error` } };
}
