import { formatDate, formatRange, roleTitle } from '@/lib/ui/format';
import type { ResultList as List, ResultOption } from '@/lib/ui/popup-results';
import { cardText } from '@/lib/i18n/card';
import type { UiLanguage } from '@/lib/i18n/language';
import { pageText } from '@/lib/i18n/page';
import { popupText } from '@/lib/i18n/popup';
import { Snippet } from '../Snippet';

export const LISTBOX_ID = 'results';
/** DOM id of the option at `index` of the flat list (what `aria-activedescendant` names). */
export const optionId = (index: number) => `opt-${index}`;

export interface ResultListProps {
  list: List;
  lang: UiLanguage;
  /** Index in `list.flat` of the option the arrow keys are on, or -1. */
  active: number;
  label: string;
  onChoose: (index: number) => void;
}

/**
 * The results as one listbox for the search box (ARIA combobox pattern): focus stays in the box,
 * the arrow keys move `active`, and groups carry the headings: entities, then one group per
 * document labelled with its date and title.
 */
export function ResultList({ list, lang, active, label, onChoose }: ResultListProps) {
  const index = new Map(list.flat.map((o, i) => [o.key, i]));
  const option = (o: ResultOption) => {
    const i = index.get(o.key)!;
    return (
      <li
        key={o.key}
        id={optionId(i)}
        role="option"
        aria-selected={i === active}
        class={`option ${o.kind}${i === active ? ' active' : ''}`}
        lang={o.kind === 'passage' ? o.passage.language : undefined}
        // Keep focus (and the caret) in the search box while the pointer chooses.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onChoose(i)}
      >
        <OptionBody option={o} lang={lang} />
      </li>
    );
  };
  return (
    <div role="listbox" id={LISTBOX_ID} aria-label={label} class="listbox">
      {list.entities.length ? (
        <ul role="group" aria-labelledby="g-entities" class="group">
          <li role="presentation" id="g-entities" class="group-label">
            {pageText(lang)('page_entities')}
          </li>
          {list.entities.map(option)}
        </ul>
      ) : null}
      {list.groups.map(({ group, options }, g) => (
        <ul key={group.documentId} role="group" aria-labelledby={`g-doc-${g}`} class="group">
          <li role="presentation" id={`g-doc-${g}`} class="group-label doc" lang={group.language}>
            <time dateTime={group.date} lang={lang}>
              {formatDate(group.date, lang)}
            </time>
            <span class="title">{group.title}</span>
          </li>
          {options.map(option)}
        </ul>
      ))}
    </div>
  );
}

function OptionBody({ option: o, lang }: { option: ResultOption; lang: UiLanguage }) {
  if (o.kind === 'entity') {
    const e = o.entity;
    return (
      <>
        <span class="line">
          <span class="name">{e.name[lang]}</span> <span class="kind">{cardText(lang)(`card_types_${e.type}`)}</span>
        </span>
        {e.role ? (
          <span class="role">
            {roleTitle(e.role, lang)} · {formatRange(e.role.from, e.role.to, lang)}
          </span>
        ) : null}
      </>
    );
  }
  if (o.kind === 'passage') {
    return (
      <span class="snippet">
        <Snippet snippet={o.passage.snippet} />
      </span>
    );
  }
  return <span class="more-label">{popupText(lang).plural('popup_moreInDocument', o.count)}</span>;
}
