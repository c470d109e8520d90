// A text box whose value is written (to the address bar) a moment after typing stops, and
// which follows the value when it changes from outside (Clear filters, the back button).
import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

interface DebouncedTextInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  delay?: number;
}

export function DebouncedTextInput({
  value,
  onCommit,
  delay = 300,
  ...props
}: DebouncedTextInputProps) {
  const [text, setText] = useState(value ?? '');
  const committed = useRef(value ?? '');
  const commit = useDebouncedCallback((next: string) => {
    const trimmed = next.trim();
    if (trimmed === committed.current) return;
    committed.current = trimmed;
    onCommit(trimmed || undefined);
  }, delay);

  useEffect(() => {
    if ((value ?? '') !== committed.current) {
      committed.current = value ?? '';
      setText(value ?? '');
    }
  }, [value]);

  return (
    <TextInput
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        // Enter searches at once.
        if (event.key === 'Enter') {
          commit.cancel();
          const trimmed = text.trim();
          if (trimmed !== committed.current) {
            committed.current = trimmed;
            onCommit(trimmed || undefined);
          }
        }
        props.onKeyDown?.(event);
      }}
    />
  );
}
