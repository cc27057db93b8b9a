/**
 * Collects the readable text of a DOM subtree, as one string per batch with a map back to the
 * text nodes. Text inside one block is joined as the browser lays it out ("Marcelo <b>Ebrard</b>"
 * reads "Marcelo Ebrard"); blocks are separated by a blank line, which no name may cross.
 */

/** Subtrees never annotated: code, form fields, scripts, embedded documents, SVG and MathML. */
export const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'svg', 'MATH', 'math', 'IFRAME', 'OBJECT', 'EMBED',
  'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION', 'LEGEND', 'MENU', 'BR',
]);

/** Hosts of the extension's own UI carry this tag name prefix and are never annotated. */
export const OWN_UI_PREFIX = 'HLED-';

export const BLOCK_BREAK = '\n\n';

/** One batch of collected text: `text` and, for each text node in it, where it starts. */
export interface TextBatch {
  text: string;
  nodes: Text[];
  starts: number[];
  /** With `WalkOptions.sections`: each node's section, or -1 where the walk cannot tell. */
  sections: number[];
  /**
   * True when the first node was begun by the previous batch (a text node too long for one
   * batch): its start is then negative, the offset of the batch's text in it.
   */
  continues: boolean;
}

export interface WalkOptions {
  /** Stop the batch at the next block boundary once this many characters are collected. */
  maxChars?: number;
  /**
   * Inside a block, stop the batch at the next <br> once this many characters are collected, or
   * before the next text after a sentence (twice as many: after any word); a text node longer
   * than this is read in pieces (`pieceEnd`). Some pages are one block, or one text node, a whole
   * article or transcript long. Four times `maxChars` by default.
   */
  maxBlockChars?: number;
  /** Clock for `next(deadline)`; `performance.now` by default. */
  now?: () => number;
  /** Called for each open shadow root met, so the caller can walk it too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Elements that start a section, each with the section it starts: the walk meets them in
   * document order anyway, so it can tell each text node's section for free, where placing it
   * afterwards costs `compareDocumentPosition` calls across the whole page.
   */
  sections?: ReadonlyMap<Element, number>;
}

/**
 * True when `node` lies in a subtree the walk never enters (code, form fields, editable regions,
 * hidden elements, SVG, our own UI), looking through shadow roots to their hosts. Content that
 * changes inside such a subtree after load must stay unannotated too.
 */
export function isInSkippedSubtree(node: Node): boolean {
  if ((node.ownerDocument as Document | null)?.designMode === 'on') return true;
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType === 1 && isSkipped(n as Element)) return true;
  }
  return false;
}

/** The nearest block-level ancestor (or the node itself): what to re-read when text inside it changes. */
export function blockAncestor(node: Node): Node {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === 1 && BLOCK_TAGS.has((n as Element).tagName) && (n as Element).tagName !== 'BR') return n;
    if (n.nodeType === 11) return n;
  }
  return node;
}

/** Elements skipped for an attribute (hidden, editable), as a selector the browser matches natively. */
const SKIPPED_BY_ATTRIBUTE = '[hidden], [contenteditable]:not([contenteditable="false"])';

/** Elements skipped for their tag name alone: code, form fields, embedded content, our own UI. */
function isSkippedTag(tag: string): boolean {
  return SKIPPED_TAGS.has(tag) || tag.startsWith(OWN_UI_PREFIX);
}

function isSkipped(el: Element): boolean {
  if (isSkippedTag(el.tagName)) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/**
 * A resumable walk over `root`: each `next()` returns the next batch (or null at the end), so the
 * caller can spread a large page over several short tasks. Nodes below a skipped element are
 * never visited at all.
 */
export function createTextWalk(root: Node, opts: WalkOptions = {}) {
  const doc = root.ownerDocument ?? (root as Document);
  const maxChars = opts.maxChars ?? 4_000;
  const maxBlockChars = opts.maxBlockChars ?? maxChars * 4;
  const now = opts.now ?? (() => performance.now());
  // SHOW_ELEMENT | SHOW_TEXT: elements let us skip whole subtrees and notice blocks.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4);
  // Attribute checks on every element are most of a walk's cost; one native query finds the few
  // elements they would catch (read at the start of the walk: a walk is short-lived).
  const skippedByAttribute = new Set<Element>('querySelectorAll' in root ? (root as ParentNode).querySelectorAll(SKIPPED_BY_ATTRIBUTE) : []);
  // The block of each element that holds text, found by climbing to the nearest block once per
  // element; a text node with the same parent as the one before it (text around an image or a
  // <br>) skips even the lookup.
  // Recording every element's block as the walk entered it was slower: most elements hold no text.
  const blockOf = new Map<Node, Node>([[root, root]]);
  let lastParent: Node | null = null;
  const sectionStarts = opts.sections;
  // Before any heading of a walk over the whole document is section 0; a walk over a part of it
  // (added content, a shadow root) does not know its section until it meets a heading.
  let section = sectionStarts && (root === doc.body || root === doc.documentElement) ? 0 : -1;
  let done = false;
  let lastBlock: Node | null = null;

  /** Moves past the current node's subtree. */
  const skipChildren = (): Node | null => {
    for (;;) {
      const sib = walker.nextSibling();
      if (sib) return sib;
      if (!walker.parentNode()) return null;
    }
  };

  const start = (): Node | null => {
    const r = walker.currentNode;
    if (r.nodeType === 1 && r !== root && isSkipped(r as Element)) return null;
    return walker.nextNode();
  };
  let pending: Node | null | undefined;
  /** Where the next batch goes on reading the text node it begins with (see `pieceEnd`). */
  let nodeOffset = 0;

  return {
    /**
     * The next batch, or null at the end. A batch ends at a block boundary once it holds
     * `maxChars` characters or, with a `deadline` (on the `now` clock), once that time is past.
     */
    next(deadline = Infinity): TextBatch | null {
      if (done) return null;
      if (pending === undefined) pending = start();
      const continues = nodeOffset > 0;
      // Parts joined once at the end: growing one string and reading its end on every node
      // flattens it again and again (most text nodes of a real page are whitespace).
      const parts: string[] = [];
      const nodes: Text[] = [];
      const starts: number[] = [];
      const sections: number[] = [];
      let length = 0;
      let endsWithSpace = true;
      let visited = 0;
      let node = pending;
      while (node) {
        if (node.nodeType === 1) {
          const el = node as Element;
          const tag = el.tagName;
          if (isSkippedTag(tag) || skippedByAttribute.has(el)) {
            node = skipChildren();
            continue;
          }
          if (el.shadowRoot && opts.onShadowRoot) opts.onShadowRoot(el.shadowRoot);
          if (sectionStarts) section = sectionStarts.get(el) ?? section;
          // <br> ends a word even with no whitespace around it ("Ebrard<br>Ken Salazar"); a
          // single line break, which a name may still span.
          if (tag === 'BR' && length > 0) {
            // A block of a few megabytes of lines read as one batch made one task of over 100 ms.
            // Ending the batch here loses only a name broken across this very line.
            if (length >= maxBlockChars) break;
            parts.push('\n');
            length += 1;
            endsWithSpace = true;
          }
          node = walker.nextNode();
          continue;
        }
        const data = (node as Text).data;
        if (!hasNonSpace(data)) {
          if (!endsWithSpace) {
            parts.push(' ');
            length += 1;
            endsWithSpace = true;
          }
          node = walker.nextNode();
          continue;
        }
        const parent = node.parentNode!;
        let block: Node;
        if (parent === lastParent) block = lastBlock!;
        else {
          let b = blockOf.get(parent);
          if (b === undefined) {
            let el: Node | null = parent;
            while (el && el !== root && !(el.nodeType === 1 && BLOCK_TAGS.has((el as Element).tagName))) el = el.parentNode;
            b = el ?? root;
            blockOf.set(parent, b);
          }
          block = b;
        }
        if (block !== lastBlock) {
          // A batch ends between blocks, so no name is ever cut in two.
          if (length >= maxChars || (length > 0 && (++visited & 15) === 0 && now() > deadline)) break;
          if (length) {
            parts.push(BLOCK_BREAK);
            length += BLOCK_BREAK.length;
          }
          lastBlock = block;
        } else if (length >= maxBlockChars && endsWithSpace && (length >= maxBlockChars * 2 || endsSentence(parts))) {
          // Inside a block megabytes long (inline markup only: a <br> would have ended the batch),
          // after a sentence, or at least between words: only a name across this very point is lost.
          break;
        }
        lastParent = parent;
        // A text node megabytes long (a transcript or a log in one node) is read in pieces, each
        // ending at a paragraph, a line, a sentence or a word: as one piece it made one task of
        // about 100 ms. Its `start` is then before the batch's text, where the node begins.
        const from = nodeOffset;
        const to = data.length - from > maxBlockChars ? pieceEnd(data, from, maxBlockChars) : data.length;
        nodes.push(node as Text);
        starts.push(length - from);
        sections.push(section);
        parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
        length += to - from;
        endsWithSpace = isSpace(data.charCodeAt(to - 1));
        if (to < data.length) {
          nodeOffset = to;
          break;
        }
        nodeOffset = 0;
        node = walker.nextNode();
      }
      pending = node;
      if (!node) done = true;
      return nodes.length || !done ? { text: parts.join(''), nodes, starts, sections, continues } : null;
    },
  };
}

/**
 * Where a piece of a long text that starts at `from` ends, at most `max` characters on: after the
 * last paragraph break past its first quarter, else the last line break, else the last sentence,
 * else the last space; only a text with none of these (no name is in it) is cut anywhere.
 */
function pieceEnd(data: string, from: number, max: number): number {
  const limit = from + max;
  const floor = from + (max >> 2);
  for (const mark of ['\n\n', '\n', '. ', ' ']) {
    const at = data.lastIndexOf(mark, limit - mark.length);
    if (at >= floor) return at + mark.length;
  }
  return limit;
}

/** Whether the collected parts end with a sentence's punctuation and then whitespace. */
function endsSentence(parts: readonly string[]): boolean {
  let spaced = false;
  for (let p = parts.length - 1; p >= 0 && p >= parts.length - 3; p--) {
    const part = parts[p]!;
    for (let i = part.length - 1; i >= 0; i--) {
      const c = part.charCodeAt(i);
      if (isSpace(c)) {
        spaced = true;
        continue;
      }
      return spaced && (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a);
    }
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

const NON_SPACE = /[^ \t\n\r\f]/;

/**
 * True when the text has a character other than ASCII whitespace. The first character decides
 * most nodes; the rest (long indentation runs between tags) go to the native regex engine.
 */
function hasNonSpace(data: string): boolean {
  return data.length > 0 && (!isSpace(data.charCodeAt(0)) || NON_SPACE.test(data));
}
