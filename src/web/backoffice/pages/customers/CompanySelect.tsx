// A person's employer: one of the agency's company customers, found by typing (the API
// searches; accents and case do not matter).
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompanyOptions } from './customers-queries.ts';
import { type CustomerForm, fieldProps } from './form-fields.ts';

interface CompanySelectProps {
  form: CustomerForm;
  /** The employer's name as stored, shown before any search. */
  employerName: string | null;
}

export function CompanySelect({ form, employerName }: CompanySelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const companies = useCompanyOptions(q);
  const selected = form.getValues().companyId;
  const options = (companies.data ?? []).map((company) => ({
    value: company.id,
    label: company.name,
  }));
  if (selected && !options.some((option) => option.value === selected)) {
    options.unshift({ value: selected, label: employerName ?? selected });
  }
  return (
    <Select
      label={t('customers.field.employer')}
      description={t('customers.field.employerHint')}
      placeholder={t('customers.field.employerPlaceholder')}
      data={options}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The API has already searched, accent-blind: the box must not filter its answer again.
      filter={({ options: all }) => all}
      nothingFoundMessage={t('customers.field.noCompany')}
      {...fieldProps(form, 'companyId')}
      onChange={(value) => form.setFieldValue('companyId', value ?? '')}
    />
  );
}
