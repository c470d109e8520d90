// One field of customer-facing text in every content language: the interface's language
// first, the others beside it.
import { Fieldset, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../../shared/i18n/languages.ts';
import { contentLanguages } from './localized.ts';

interface LocalizedFieldsProps<V> {
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's form is generic over the values shape
  form: UseFormReturnType<V, any>;
  /** The form path of a `LocalizedValues` object, e.g. `name`. */
  path: string;
  legend: string;
  multiline?: boolean;
  required?: boolean;
  testId?: string;
  autoFocus?: boolean;
}

export function LocalizedFields<V>(props: LocalizedFieldsProps<V>) {
  const { i18n } = useTranslation();
  const first = i18n.resolvedLanguage ?? 'en';
  const ordered = [...contentLanguages].sort((a, b) => Number(b === first) - Number(a === first));
  const error = props.form.errors[props.path];
  const Input = props.multiline ? Textarea : TextInput;
  return (
    <Fieldset legend={`${props.legend}${props.required ? ' *' : ''}`} variant="filled" p="sm">
      <SimpleGrid cols={{ base: 1, sm: props.multiline ? 1 : 2 }} spacing="xs">
        {ordered.map((language, index) => (
          <Input
            key={language}
            label={languageName(language)}
            size="xs"
            autosize={props.multiline ? true : undefined}
            minRows={props.multiline ? 2 : undefined}
            data-autofocus={props.autoFocus && index === 0 ? true : undefined}
            data-testid={props.testId ? `${props.testId}-${language}` : undefined}
            {...props.form.getInputProps(`${props.path}.${language}`)}
          />
        ))}
      </SimpleGrid>
      {error ? (
        <div
          role="alert"
          style={{ color: 'var(--mantine-color-error)', fontSize: 12, marginTop: 6 }}
        >
          {error}
        </div>
      ) : null}
    </Fieldset>
  );
}
