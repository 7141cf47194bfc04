/**
 * The review screen (examples/review) in a real browser: Debian's headless Chromium, driven by
 * playwright-core, against the page and the emulator that `npm run review` serves. Each test has
 * its own server (its own origin, so its own storage). A screenshot of each state, desktop and
 * phone, goes to `<tmpdir>/las-review-screenshots/` for a person to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startReviewServer, type ReviewServer } from '../../examples/review/serve.js';

const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium tries to reach Google at every start, and
// this machine's closed network refuses it.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const GENEROUS_MS = 60_000;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.join(tmpdir(), 'las-review-screenshots');

let browser: BrowserContext | undefined;
let profile: string | undefined;
const servers: ReviewServer[] = [];
/**
 * What each page reported: uncaught errors only. The page logs each failure it shows to the
 * console on purpose, so console errors are not failures here.
 */
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: this test needs Debian's Chromium (apt-get install chromium)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  profile = mkdtempSync(path.join(tmpdir(), 'las-review-chromium-'));
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: GENEROUS_MS, viewport: DESKTOP });
  browser.setDefaultTimeout(GENEROUS_MS);
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await Promise.all(servers.map((server) => server.close()));
  if (profile) rmSync(profile, { recursive: true, force: true });
}, 60_000);

afterEach(() => {
  expect(pageErrors).toEqual([]);
  pageErrors.length = 0;
});

async function serve(): Promise<ReviewServer> {
  const server = await startReviewServer();
  servers.push(server);
  return server;
}

async function open(): Promise<Page> {
  const page = await (browser as BrowserContext).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

test('signs in, confirms two documents (one field corrected, by keyboard), says so, keeps the focus, and signing out ends the session', async () => {
  const review = await serve();
  const { emulator, reviewer, executions, las, clientId } = review;
  const page = await open();
  await explained(page, async () => {
    await page.goto(review.url);
    await signIn(page, review);
    await page.locator('#document img').waitFor();
    expect(await imageWidth(page)).toBe(240);
    await screenshots(page, 'document-image');
    expect(await page.inputValue('input[name="total_amount"]')).toBe('12.57');
    await page.fill('input[name="total_amount"]', '12.75');
    // Enter in a field confirms, as in any form.
    await page.press('input[name="total_amount"]', 'Enter');

    // The second: a PDF in a frame, its bytes the document's; the focus on its first field, and the first said saved.
    await page.locator('#document iframe').waitFor();
    expect(await frameStart(page)).toBe('%PDF-');
    expect(await page.textContent('#message')).toMatch(/^Saved: the document is confirmed\./);
    expect(await focused(page)).toBe('field-supplier_name');
    await screenshots(page, 'saved-next-document-pdf');
    expect(await page.inputValue('input[name="due_date"]')).toBe('2021-10-31');
    await page.click('#confirm');

    await page.locator('#message', { hasText: 'No pending work.' }).waitFor();
    expect(await page.locator('#task').isHidden()).toBe(true);
    expect(await focused(page)).toBe('message');
    await screenshots(page, 'no-pending-work');
  });
  const [receipt, invoice] = await Promise.all(executions.map((execution) => execution.wait({ timeout: GENEROUS_MS })));
  expect(receipt.status).toBe('succeeded');
  expect(receipt.output).toEqual({
    documentId: receipt.input.documentId,
    fields: { supplier_name: 'Corner Cafe', date: '2021-10-02', total_amount: '12.75' },
  });
  expect(invoice.status).toBe('succeeded');
  expect(invoice.output).toEqual({
    documentId: invoice.input.documentId,
    fields: { supplier_name: 'Nordic Supply AS', due_date: '2021-10-31', total_amount: '1234.50' },
  });
  // Done as the person who signed in, not as an app client.
  const [user] = (await las.users.list()).items.filter((each) => each.email === reviewer);
  expect([receipt.completedBy, invoice.completedBy]).toEqual([[user.userId], [user.userId]]);

  // Signing out ends the session: the tokens the page had are refused by the emulator, and a new sign-in starts.
  const tokens = await storedTokens(page, clientId);
  await explained(page, async () => {
    await page.click('#sign-out');
    await page.waitForURL((at) => at.href.startsWith(`${emulator.url}/oauth2/authorize?`));
  });
  expect((await fetch(`${emulator.apiEndpoint}/datasets`, { headers: { authorization: `Bearer ${tokens.accessToken}` } })).status).toBe(401);
  expect((await refresh(review, tokens.refreshToken)).status).toBe(400);
  await page.close();
}, 180_000);

test('a reload and a second tab get back the execution on screen; Skip and sign-out hand it back (retry)', async () => {
  const review = await serve();
  const page = await open();
  await explained(page, async () => {
    await page.goto(review.url);
    await signIn(page, review);
    await page.locator('#document img').waitFor();
  });
  const first = await page.textContent('#task-title');
  const held = await keptExecution(page, review);
  await page.reload();
  await page.locator('#document img').waitFor();
  expect(await page.textContent('#task-title')).toBe(first);
  expect(await keptExecution(page, review)).toBe(held);

  // Another tab: its own sign-in (tokens stay in each tab), the same execution.
  const second = await open();
  await explained(second, async () => {
    await second.goto(review.url);
    await signIn(second, review);
    await second.locator('#document img').waitFor();
  });
  expect(await second.textContent('#task-title')).toBe(first);
  expect(await keptExecution(second, review)).toBe(held);
  await second.close();

  // Only that one was taken: the other document is still there for the page to take.
  await explained(page, async () => {
    await page.click('#skip');
    await page.locator('#document iframe').waitFor();
  });
  expect(await page.textContent('#message')).toMatch(/^Skipped: the document is handed back/);
  expect((await review.las.transitions.ref(review.transitionId).executions.get(held)).status).toBe('retry');
  await screenshots(page, 'skipped');

  const invoice = await keptExecution(page, review);
  await explained(page, async () => {
    await page.click('#sign-out');
    await page.waitForURL((at) => at.href.startsWith(`${review.emulator.url}/oauth2/authorize?`));
  });
  expect((await review.las.transitions.ref(review.transitionId).executions.get(invoice)).status).toBe('retry');
  await page.close();
}, 180_000);

test("two people on one browser each get their own execution back after a reload, and never the other's", async () => {
  const review = await serve();
  const sam = 'sam@example.com';
  await review.las.users.create(sam, { name: 'Sam Second' });
  const rileysPage = await open();
  await explained(rileysPage, async () => {
    await rileysPage.goto(review.url);
    await signIn(rileysPage, review);
    await rileysPage.locator('#document img').waitFor();
  });
  const rileys = await keptExecution(rileysPage, review);

  // Sam signs in in another tab of the same browser (the same localStorage) while Riley's execution is kept.
  const samsPage = await open();
  await explained(samsPage, async () => {
    await samsPage.goto(review.url);
    await signIn(samsPage, review, sam);
    await samsPage.locator('#document :is(img, iframe)').waitFor();
  });
  expect(await samsPage.locator('#document iframe').count()).toBe(1);
  const sams = await keptExecution(samsPage, review, sam);
  expect(sams).not.toBe(rileys);
  const samsTitle = await samsPage.textContent('#task-title');
  expect(samsTitle).not.toBe(await rileysPage.textContent('#task-title'));

  // Each reload gets back the execution of the person signed in in that tab.
  await samsPage.reload();
  await samsPage.locator('#document iframe').waitFor();
  expect(await samsPage.textContent('#task-title')).toBe(samsTitle);
  await rileysPage.reload();
  await rileysPage.locator('#document img').waitFor();
  expect([await keptExecution(rileysPage, review), await keptExecution(samsPage, review, sam)]).toEqual([rileys, sams]);
  const transition = review.las.transitions.ref(review.transitionId);
  expect([(await transition.executions.get(rileys)).status, (await transition.executions.get(sams)).status]).toEqual(['running', 'running']);
  await samsPage.close();
  await rileysPage.close();
}, 180_000);

test('a cancelled sign-in and a session revoked mid-review both offer "Sign in again", and the edits are kept', async () => {
  const review = await serve();
  const page = await open();
  await explained(page, async () => {
    await page.goto(review.url);
    await page.waitForURL((at) => at.href.startsWith(`${review.emulator.url}/oauth2/authorize?`));
    await page.click('button[value="deny"]');
    await page.waitForURL(review.url);
    await page.locator('#alert', { hasText: 'You cancelled the sign-in.' }).waitFor();
  });
  expect(await focused(page)).toBe('alert-action');
  expect(await page.textContent('#message')).toBe('');
  await screenshots(page, 'sign-in-cancelled');
  await explained(page, async () => {
    await page.click('#alert-action');
    await signIn(page, review);
    await page.locator('#document img').waitFor();
  });
  await page.fill('input[name="total_amount"]', '99.99');

  // The sign-in is revoked elsewhere (another device signed out, an admin): the next request is refused.
  const { refreshToken } = await storedTokens(page, review.clientId);
  const revoked = await fetch(`${review.emulator.url}/oauth2/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: refreshToken, client_id: review.clientId }).toString(),
  });
  expect(revoked.status).toBe(200);
  await explained(page, async () => {
    await page.click('#confirm');
    await page.locator('#alert', { hasText: 'Your sign-in has ended. Sign in again to carry on: your edits are kept.' }).waitFor();
  });
  expect(await page.textContent('#alert-action')).toBe('Sign in again');
  await screenshots(page, 'session-ended');
  await explained(page, async () => {
    await page.click('#alert-action');
    await signIn(page, review);
    await page.locator('#document img').waitFor();
  });
  expect(await page.inputValue('input[name="total_amount"]')).toBe('99.99');
  await page.click('#confirm');
  await page.locator('#document iframe').waitFor();
  const receipt = await review.executions[0].wait({ timeout: GENEROUS_MS });
  expect(receipt.output).toMatchObject({ fields: { total_amount: '99.99' } });
  await page.close();
}, 180_000);

test("checks the fields against the model's field config before sending, and rejects with the reviewer's reason", async () => {
  const review = await serve();
  const page = await open();
  await explained(page, async () => {
    await page.goto(review.url);
    await signIn(page, review);
    await page.locator('#document img').waitFor();
  });
  const held = await keptExecution(page, review);
  await page.fill('input[name="supplier_name"]', '  ');
  await page.fill('input[name="date"]', '2021-02-30');
  await page.fill('input[name="total_amount"]', '12,57 kr');
  await page.click('#confirm');
  await page.locator('#field-supplier_name-problem', { hasText: 'Fill this in: it is required.' }).waitFor();
  expect(await page.textContent('#field-date-problem')).toBe('This date does not exist.');
  expect(await page.textContent('#field-total_amount-problem')).toBe('Expected an amount like 1234.50 (a dot before the cents, no spaces).');
  expect(await focused(page)).toBe('field-supplier_name');
  await screenshots(page, 'field-problems');
  // Nothing was sent: the execution is still the reviewer's.
  expect((await review.las.transitions.ref(review.transitionId).executions.get(held)).status).toBe('running');

  await page.click('#reject');
  expect(await focused(page)).toBe('reason');
  await page.click('#send-reject');
  expect(await page.isVisible('#reason-problem')).toBe(true);
  await page.fill('#reason', 'The total is torn off');
  await screenshots(page, 'reject-reason');
  await explained(page, async () => {
    await page.click('#send-reject');
    await page.locator('#document iframe').waitFor();
  });
  expect(await page.textContent('#message')).toMatch(/^Rejected: /);
  const receipt = await review.executions[0].wait({ timeout: GENEROUS_MS });
  expect(receipt.status).toBe('rejected');
  expect(receipt.output).toMatchObject({ error: { message: 'The total is torn off' } });
  await page.close();
}, 180_000);

test('on a phone: no sideways scrolling, the PDF at full width, and a network failure said plainly with a way to try again', async () => {
  const review = await serve();
  const page = await open();
  await page.setViewportSize(PHONE);
  await explained(page, async () => {
    await page.goto(review.url);
    await signIn(page, review);
    await page.locator('#document img').waitFor();
  });
  expect(await sidewaysScroll(page)).toBe(0);
  await page.click('#confirm');
  await page.locator('#document iframe').waitFor();
  expect(await sidewaysScroll(page)).toBe(0);
  const frame = await page.locator('#document iframe').boundingBox();
  expect(frame?.width).toBeGreaterThan(PHONE.width * 0.9);
  expect(frame?.height).toBeGreaterThan(PHONE.height / 2);
  expect(await page.getAttribute('#document a', 'target')).toBe('_blank');

  // The API is out of reach: a plain sentence and "Try again", no URL; once it is back, the retry saves.
  await page.route(`${review.emulator.apiEndpoint}/**`, (route) => route.abort('internetdisconnected'));
  await explained(page, async () => {
    await page.click('#confirm');
    await page.locator('#alert', { hasText: 'Could not reach the server. Check your connection, then try again.' }).waitFor();
  });
  expect(await page.textContent('#alert')).not.toMatch(/https?:/);
  expect(await focused(page)).toBe('alert-action');
  expect(await sidewaysScroll(page)).toBe(0);
  await screenshots(page, 'network-failure');
  await page.unroute(`${review.emulator.apiEndpoint}/**`);
  await explained(page, async () => {
    await page.click('#alert-action');
    await page.locator('#message', { hasText: 'No pending work.' }).waitFor();
  });
  expect((await review.executions[1].wait({ timeout: GENEROUS_MS })).status).toBe('succeeded');
  await page.close();
}, 180_000);

/** On the emulator's sign-in page: signs in as `user` (the demo's reviewer) and waits to be back on the page. */
async function signIn(page: Page, review: ReviewServer, user = review.reviewer): Promise<void> {
  await page.waitForURL((at) => at.href.startsWith(`${review.emulator.url}/oauth2/authorize?`));
  await screenshots(page, 'emulator-sign-in');
  await page.fill('#user', user);
  await page.click('button[value="approve"]');
  await page.waitForURL(review.url);
}

/** The page in both sizes, full length, for a person to look at; the page is left at the size it had. */
async function screenshots(page: Page, state: string): Promise<void> {
  const size = page.viewportSize() ?? DESKTOP;
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${state}-${name}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

/** Runs `steps`; a failure says what the page showed and reported, not only which wait ran out. */
async function explained(page: Page, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    const shown = await page.locator('main').innerText({ timeout: 1000 }).catch(() => '(nothing)');
    const reported = pageErrors.length > 0 ? pageErrors.join('\n') : 'nothing';
    throw new Error(`${(error as Error).message}\nAt ${page.url()} the page shows: ${shown}\nIt reported: ${reported}`, { cause: error });
  }
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
}

async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The execution id the page keeps in localStorage for this user (by email) and transition. */
async function keptExecution(page: Page, review: ReviewServer, email = review.reviewer): Promise<string> {
  const [user] = (await review.las.users.list()).items.filter((each) => each.email === email);
  const key = `las-review:${user.userId}:${review.transitionId}:execution`;
  const id = await page.evaluate((name) => localStorage.getItem(name), key);
  if (id === null) throw new Error(`the page keeps no execution under ${key}`);
  return id;
}

async function storedTokens(page: Page, clientId: string): Promise<{ accessToken: string; refreshToken: string }> {
  const text = await page.evaluate((key) => sessionStorage.getItem(key), `las-sdk:${clientId}:tokens`);
  return JSON.parse(text ?? 'null') as { accessToken: string; refreshToken: string };
}

function refresh(review: ReviewServer, refreshToken: string): Promise<Response> {
  return fetch(`${review.emulator.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: review.clientId }).toString(),
  });
}

async function imageWidth(page: Page): Promise<number> {
  return page.$eval('#document img', async (img: HTMLImageElement) => {
    await img.decode();
    return img.naturalWidth;
  });
}

async function frameStart(page: Page): Promise<string> {
  return page.$eval('#document iframe', async (frame: HTMLIFrameElement) => (await (await fetch(frame.src)).text()).slice(0, 5));
}
