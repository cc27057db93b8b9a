export interface ChipsProps {
  label: string;
  items: readonly { key: string; text: string }[];
  onPick: (text: string, key: string) => void;
  class?: string;
}

/** A labelled row of buttons that each run a search (suggestions, "did you mean", suggested entities). */
export function Chips({ label, items, onPick, class: cls }: ChipsProps) {
  if (!items.length) return null;
  return (
    <div class={`chips${cls ? ` ${cls}` : ''}`} role="group" aria-label={label}>
      <span class="chips-label" aria-hidden="true">
        {label}
      </span>
      {items.map((it) => (
        <button key={it.key} type="button" class="chip" title={it.text} onClick={() => onPick(it.text, it.key)}>
          {it.text}
        </button>
      ))}
    </div>
  );
}
