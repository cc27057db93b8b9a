import { useState } from 'preact/hooks';
import { formatCitation, type CitationFormat, type CitationSource } from '@/lib/cite/citation';
import type { CardText } from '@/lib/i18n/card';

export interface CiteButtonsProps {
  /** Read when a button is pressed, so the quote can be the reader's selection at that moment. */
  source: () => CitationSource;
  t: CardText;
  /** Puts text on the clipboard; false when the page or browser refused. */
  onCopy: (text: string) => Promise<boolean>;
}

/** "Copy citation · Markdown", with the outcome announced to screen readers. */
export function CiteButtons({ source, t, onCopy }: CiteButtonsProps) {
  const [status, setStatus] = useState<string | null>(null);
  const copy = async (format: CitationFormat) => setStatus((await onCopy(formatCitation(source(), format))) ? t('card_copied') : t('card_copyFailed'));
  return (
    <span class="cite-buttons">
      <button type="button" class="cite" aria-label={t('card_copyCitationLabel')} onClick={() => void copy('text')}>
        {t('card_copyCitation')}
      </button>
      {' · '}
      <button type="button" class="cite" aria-label={t('card_copyMarkdownLabel')} onClick={() => void copy('markdown')}>
        {t('card_copyMarkdown')}
      </button>
      <span class="copied" role="status">
        {status ? ` ${status}` : ''}
      </span>
    </span>
  );
}
