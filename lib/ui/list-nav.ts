/**
 * Arrow keys in a combobox's list: focus stays in the search box and `active` names the option
 * `aria-activedescendant` points at; -1 means none (the caret is in the box). Home and End are
 * left to the text box, as the ARIA combobox pattern asks.
 */
export function moveActive(active: number, key: string, count: number): number | null {
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return null;
  if (count <= 0) return -1;
  const at = clampActive(active, count);
  return key === 'ArrowDown' ? Math.min(at + 1, count - 1) : Math.max(at - 1, -1);
}

/** `active` kept inside a list that may have shrunk (-1 when it no longer points at an option). */
export function clampActive(active: number, count: number): number {
  return active >= 0 && active < count ? active : -1;
}
