import { useState } from 'preact/hooks';
import { formatCitation, type CitationFormat, type CitationSource } from '@/lib/cite/citation';
import type { Strings } from '@/lib/ui/strings';

export interface CiteButtonsProps {
  /** Read when a button is pressed, so the quote can be the reader's selection at that moment. */
  source: () => CitationSource;
  s: Pick<Strings, 'copyCitation' | 'copyMarkdown' | 'copyCitationLabel' | 'copyMarkdownLabel' | 'copied' | 'copyFailed'>;
  /** Puts text on the clipboard; false when the page or browser refused. */
  onCopy: (text: string) => Promise<boolean>;
}

/** "Copy citation · Markdown", with the outcome announced to screen readers. */
export function CiteButtons({ source, s, onCopy }: CiteButtonsProps) {
  const [status, setStatus] = useState<string | null>(null);
  const copy = async (format: CitationFormat) => setStatus((await onCopy(formatCitation(source(), format))) ? s.copied : s.copyFailed);
  return (
    <span class="cite-buttons">
      <button type="button" class="cite" aria-label={s.copyCitationLabel} onClick={() => void copy('text')}>
        {s.copyCitation}
      </button>
      {' · '}
      <button type="button" class="cite" aria-label={s.copyMarkdownLabel} onClick={() => void copy('markdown')}>
        {s.copyMarkdown}
      </button>
      <span class="copied" role="status">
        {status ? ` ${status}` : ''}
      </span>
    </span>
  );
}
