/** Drives the emulator's sign-in pages with plain fetch, as a browser would. */

/** The hidden fields of the authorize page's form, unescaped. */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)">/g)) {
    fields[match[1]] = match[2].replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  }
  return fields;
}

/** Posts the approve form of the authorize page: the answer, not followed. */
export async function postApprove(authUrl: string, fields: Record<string, string>, user: string, decision = 'approve'): Promise<Response> {
  return fetch(`${authUrl}/oauth2/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, user, decision }).toString(),
    redirect: 'manual',
  });
}

/**
 * A `navigate` for AuthorizationCodeCredentials: opens the authorize page, approves it as `user`,
 * and keeps the callback URL the emulator redirects to in `callbacks`.
 */
export function approvingNavigator(authUrl: string, user: string, callbacks: string[]): (url: string) => Promise<void> {
  return async (url) => {
    const page = await fetch(url, { redirect: 'manual' });
    if (page.status !== 200) throw new Error(`the authorize page answered ${page.status}: ${await page.text()}`);
    const answer = await postApprove(authUrl, hiddenFields(await page.text()), user);
    const location = answer.headers.get('location');
    if (answer.status !== 302 || location === null) throw new Error(`approving answered ${answer.status}: ${await answer.text()}`);
    callbacks.push(location);
  };
}
