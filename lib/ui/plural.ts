import { fill } from './strings';

/** Plural forms of a counted phrase; `none` is used for zero when given. */
export interface PluralForms {
  none?: string;
  one: string;
  other: string;
}

/** "1 document" / "5 documents": the form for `n`, with `{n}` filled in. */
export function plural(forms: PluralForms, n: number): string {
  if (n === 0 && forms.none !== undefined) return fill(forms.none, { n });
  return fill(n === 1 ? forms.one : forms.other, { n });
}
