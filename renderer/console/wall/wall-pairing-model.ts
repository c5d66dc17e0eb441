// What the pairing panel shows of a wall page's link: its token hidden until asked for, since a console screen
// can be seen (or filmed) by more people than should hold a wall's token.
const MASK = '••••••';

/** The URL with its `token` parameter's value hidden; a URL without one is shown as it is. */
export function maskedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.searchParams.has('token')) return url;
  return url.replace(/([?&]token=)[^&#]*/, `$1${MASK}`);
}

/**
 * Puts `text` on the clipboard. The Clipboard API exists only in secure contexts (https, or this machine): a
 * presenter's tablet on plain http over the room's network falls back to the older copy command.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): try the older way.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.append(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
