/** The meta element a page carries when it is served by the Lentera server: its API root. */
export const SERVER_META = 'lentera-server';

/**
 * The Lentera server's API root if this page came from it (`<meta name="lentera-server"
 * content="/api/v1/">`, written by the export for the server), else undefined: static files, an LMS.
 */
export function serverApi(doc: Pick<Document, 'querySelector' | 'baseURI'>): string | undefined {
  const content = doc.querySelector(`meta[name="${SERVER_META}"]`)?.getAttribute('content')?.trim();
  if (!content) return undefined;
  try {
    const url = new URL(content, doc.baseURI);
    return url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  } catch {
    return undefined;
  }
}
