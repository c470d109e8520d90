// Keyboard flow of a fast-typing form: Enter in a field moves to the next field (as Tab does),
// Enter in the last one — or Ctrl/Cmd+Enter anywhere — submits. A combobox that used the Enter
// to pick an option has prevented its default, and is left alone.
import type { KeyboardEvent } from 'react';

/** What Enter may move to: fields, date-picker buttons marked with `data-enter-stop`, submit. */
const stops = [
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled]):not([tabindex="-1"])',
  'button[data-enter-stop]:not([disabled])',
  'button[type=submit]:not([disabled])',
].join(', ');

export function moveOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
  const form = event.currentTarget;
  const target = event.target as HTMLElement;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    form.requestSubmit();
    return;
  }
  const isField =
    target instanceof HTMLInputElement ||
    (target instanceof HTMLButtonElement && 'enterStop' in target.dataset);
  if (!isField) return;
  event.preventDefault();
  const all = [...form.querySelectorAll<HTMLElement>(stops)].filter(
    (element) => element.offsetParent !== null,
  );
  const next = all[all.indexOf(target) + 1];
  if (!next || next.getAttribute('type') === 'submit') {
    form.requestSubmit();
    return;
  }
  next.focus();
}
