/**
 * Puts text on the clipboard from a card in a web page. `navigator.clipboard` exists only in
 * secure contexts (an http:// news page has none) and a page's Permissions-Policy may block it;
 * there the older `execCommand('copy')` on a selected, off-screen textarea still works inside the
 * click that asked for it. The textarea lives in our shadow root, so the page never sees it.
 */
export async function copyText(text: string, root: ShadowRoot | Document): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (policy, focus): fall through to the selection-based copy.
  }
  const doc = root instanceof Document ? root : root.ownerDocument;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:-9999px;opacity:0';
  (root instanceof Document ? root.body : root).append(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
