import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, describe, expect } from 'vitest';
import { ADMIN_KEY, type TestApp } from '../support/app.ts';
import { appTest } from '../support/context.ts';
import { rawGraphQL } from '../support/graphql.ts';

/** Debian's chromium package; CI installs it (.ci/run). Without it this test fails: it never skips. */
const CHROMIUM = '/usr/bin/chromium';

const test = appTest({ SWITCHBOARD_GRAPHIQL: 'true' });
let app: TestApp;
let browser: Browser;
let profile: string;
test.beforeAll(async ({ app: a }) => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (the GraphiQL browser test needs it)`);
  app = a;
  profile = mkdtempSync(join(tmpdir(), 'switchboard-chromium-'));
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // No route out: every host name but our own address fails to resolve.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Opens a page on which every request that leaves 127.0.0.1 fails, and is recorded. */
async function offlinePage(): Promise<{ page: Page; outside: string[] }> {
  const page = await browser.newPage();
  const outside: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return void request.continue();
    outside.push(request.url());
    void request.abort('internetdisconnected');
  });
  return { page, outside };
}

/** The text a Monaco editor shows. */
const editorText = (page: Page, selector: string) =>
  page.$eval(selector, (el) => [...el.querySelectorAll('.view-line')].map((l) => l.textContent!.replaceAll('\u00a0', ' ')).join('\n'));

describe('GraphiQL', () => {
  test('works with no network route out: it loads the schema with its placeholder key, takes the admin key typed in the headers pane, and runs CreateWorkspace', async () => {
    const { page, outside } = await offlinePage();
    const introspection = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('__schema'));
    introspection.catch(() => undefined); // awaited below; a page that never asks fails there, not as an unhandled rejection
    await page.goto(`${app.url}/graphql`, { waitUntil: 'load' });
    expect(outside, 'requests that needed the internet').toEqual([]);
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    // It asks for the schema with the placeholder key it opens with, and gets it.
    const response = await introspection;
    expect(response.request().headers().authorization).toBe('Bearer <your API key>');
    const schema = (await response.json()) as { data?: { __schema?: unknown }; errors?: unknown };
    expect(schema.errors).toBeUndefined();
    expect(schema.data?.__schema).toBeTruthy();

    // The headers pane opens with a placeholder; replace it with the admin key, as a user types it.
    const headers = '[data-uri$="request-headers.json"] .view-lines';
    await page.click(headers);
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(`{"Authorization": "Bearer ${ADMIN_KEY}"}`);
    expect(await editorText(page, headers)).toBe(`{"Authorization": "Bearer ${ADMIN_KEY}"}`);

    // The editor holds two operations (the README's): the run button asks which one.
    await page.click('.graphiql-execute-button');
    const choice = await page.waitForSelector('::-p-xpath(//*[contains(@class, "graphiql-dropdown-item")][normalize-space() = "CreateWorkspace"])');
    await choice!.click();

    const result = 'section[aria-label="Result Window"] .view-lines';
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('locationId'), { timeout: 60_000 }, result);
    const answer = JSON.parse(await editorText(page, result)) as { data: { createWorkspace: { id: number; locationId: string } } };
    expect(answer.data.createWorkspace.locationId).toMatch(/^[0-9a-f]{20}$/);

    // It is a real workspace, made with the key typed in the pane.
    const made = await rawGraphQL<{ workspace: { name: string } }>(app.url, { query: `{ workspace(id: ${answer.data.createWorkspace.id}) { name } }` });
    expect(made.data?.workspace.name).toBe('Acme CRM');
    expect(outside).toEqual([]);
  }, 180_000);
});
