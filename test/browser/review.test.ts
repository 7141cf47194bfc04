/**
 * The review screen (examples/review) in a real browser: Debian's headless Chromium, driven by
 * playwright-core, against the page and the emulator that `npm run review` serves. A person signs
 * in through the emulator's authorize page, confirms two documents (correcting one field), and
 * the workflow executions behind them end succeeded with what was submitted, as the SDK in Node
 * sees them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

let review: ReviewServer | undefined;
let browser: BrowserContext | undefined;
let profile: string | undefined;
/**
 * What the page reported: uncaught errors and its console errors (it logs each failure it shows),
 * not Chromium's line for each 4xx answer: "no pending work" is a 404.
 */
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: this test needs Debian's Chromium (apt-get install chromium)`);
  profile = mkdtempSync(path.join(tmpdir(), 'las-review-chromium-'));
  review = await startReviewServer();
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: GENEROUS_MS });
  browser.setDefaultTimeout(GENEROUS_MS);
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await review?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
}, 60_000);

test('signs in, confirms two documents (one field corrected), and their workflow executions end succeeded with that output', async () => {
  const { emulator, reviewer, executions, las } = review as ReviewServer;
  const page = await (browser as BrowserContext).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (entry) => void (entry.type() === 'error' && !entry.text().startsWith('Failed to load resource') && pageErrors.push(entry.text())));
  await explained(page, () => signInAndConfirm(page));
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

  // Signing out ends the session: back on the page, nobody is signed in and a new sign-in starts.
  await explained(page, async () => {
    await page.click('#sign-out');
    await page.waitForURL((at) => at.href.startsWith(`${emulator.url}/oauth2/authorize?`));
  });
  expect(pageErrors).toEqual([]);
}, 120_000);

/** Signs in on the page and confirms the two documents of the demo. */
async function signInAndConfirm(page: Page): Promise<void> {
  const { url, emulator, reviewer } = review as ReviewServer;
  // Not signed in: the page sends the browser to the emulator's sign-in page.
  await page.goto(url);
  await page.waitForURL((at) => at.href.startsWith(`${emulator.url}/oauth2/authorize?`));
  await page.fill('#user', reviewer);
  await page.click('button[value="approve"]');

  // Back with a code: exchanged, dropped from the address bar, and the first document is shown.
  await page.waitForURL(url);
  await page.locator('#document img').waitFor();
  expect(await imageWidth(page)).toBe(240);
  expect(await page.inputValue('input[name="total_amount"]')).toBe('12.57');
  await page.fill('input[name="total_amount"]', '12.75');
  await page.click('#confirm');

  // The second: a PDF in a frame, its bytes the document's.
  await page.locator('#document iframe').waitFor();
  expect(await frameStart(page)).toBe('%PDF-');
  expect(await page.inputValue('input[name="due_date"]')).toBe('2021-10-31');
  await page.click('#confirm');

  await page.locator('#message', { hasText: 'No pending work.' }).waitFor();
  expect(await page.locator('#task').isHidden()).toBe(true);
}

/** Runs `steps`; a failure says what the page showed and reported, not only which wait ran out. */
async function explained(page: Page, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    const shown = await page.locator('#message').textContent({ timeout: 1000 }).catch(() => '(no message)');
    const reported = pageErrors.length > 0 ? pageErrors.join('\n') : 'nothing';
    throw new Error(`${(error as Error).message}\nAt ${page.url()} the page shows: ${shown}\nIt reported: ${reported}`, { cause: error });
  }
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
