import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from './staticServer.js';
import type { StaticServer } from './staticServer.js';
import { testsByRequirement, verdictFor } from '../src/data/conformanceResults.js';
import { loadConformanceResults } from '../src/plugins/openstageData.js';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(siteDir, '..');
/** A requirement that both committed reports test; its row must show both verdicts. */
const MATRIX_REQUIREMENT = 'BACK-014';
const buildDir = path.join(siteDir, 'build');
const screenshotDir = path.join(siteDir, 'test/screenshots');
const chromiumPath = process.env['OPENSTAGE_CHROMIUM'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const inCi = Boolean(process.env['CI']);

// Locally a missing browser only skips this file; in CI it is a failure (see the test below).
const skipReason = `${chromiumPath} not found and CI is unset (install Debian's chromium to run it)`;
if (!hasChromium && !inCi) console.warn(`[website] browser test skipped: ${skipReason}`);

// The network is closed here and in CI: without these flags Chromium keeps trying to reach
// Google services and logs refused connections.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.runIf(inCi && !hasChromium)('website in a real browser', () => {
  it('needs Chromium in CI', () => {
    expect.fail(`${chromiumPath} is missing; .ci/run installs it with apt-get install chromium`);
  });
});

describe.skipIf(!hasChromium)(
  `website in a real browser${hasChromium ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    let server: StaticServer;
    let context: BrowserContext;
    let page: Page;
    let userDataDir: string;
    /** Console errors, uncaught page errors and failed same-origin requests, per step. */
    const problems: string[] = [];

    beforeAll(async () => {
      if (!existsSync(path.join(buildDir, 'index.html'))) {
        throw new Error(`${buildDir} has no index.html: run \`npm run docs\` before this test`);
      }
      mkdirSync(screenshotDir, { recursive: true });
      server = await startStaticServer(buildDir);
      userDataDir = await mkdtemp(path.join(os.tmpdir(), 'openstage-chromium-'));
      // A fresh profile per run: playwright passes it to Chromium as --user-data-dir.
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 900 },
      });
      page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.url().startsWith(server.url) && response.status() >= 400) {
          problems.push(`HTTP ${response.status()} for ${response.url()}`);
        }
      });
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? '?';
        // Chromium aborts the chunk requests still in flight when the test navigates away; that is
        // the navigation, not the site. A missing file shows up in the response handler above.
        if (reason === 'net::ERR_ABORTED') return;
        problems.push(`request failed: ${request.url()} (${reason})`);
      });
    });

    afterAll(async () => {
      await context?.close();
      await server?.close();
      if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    });

    /** Every step ends by asserting that the page logged nothing wrong while it ran. */
    function expectNoProblems(): void {
      const found = problems.splice(0);
      expect(found, found.join('\n')).toEqual([]);
    }

    const screenshot = (name: string) =>
      page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

    /** Waits until the element is on screen (not just in the DOM) after a jump to an anchor. */
    async function expectInViewport(selector: string): Promise<void> {
      await page.waitForFunction((sel) => {
        const el = document.querySelector(sel);
        if (!el) return false;
        const box = el.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
      }, selector);
    }

    /** Waits for the page's title; the URL changes before a lazily loaded route renders. */
    async function expectTitle(text: string | RegExp): Promise<void> {
      await page.locator('article h1', { hasText: text }).first().waitFor({ state: 'visible' });
    }

    it('opens the home page', async () => {
      await page.goto(server.url);
      await expect(page.locator('h1').first().textContent()).resolves.toBe('Openstage');
      await page.locator('nav.navbar').getByRole('link', { name: 'Spec', exact: true }).waitFor();
      await screenshot('home');
      expectNoProblems();
    });

    it('follows the navigation to a spec chapter', async () => {
      await page.locator('nav.navbar').getByRole('link', { name: 'Spec', exact: true }).click();
      await page.waitForURL(/\/spec\/reading-the-spec$/);
      await expectTitle('Reading the specification');
      const sidebar = page.locator('nav[aria-label="Docs sidebar"]');
      await sidebar.getByRole('link', { name: 'Startup order and failure policy' }).click();
      await page.waitForURL(/\/spec\/startup$/);
      await expectTitle('Startup order and failure policy');
      // Requirement paragraphs carry their self-link; error suffixes link to the catalog.
      await expect(page.locator('article a.requirement-anchor#INIT-004').count()).resolves.toBe(1);
      await expect(
        page.locator('article a.error-code-link[href="/spec/errors#INIT_INTERNAL_ERROR"]').count(),
      ).resolves.toBeGreaterThan(0);
      expectNoProblems();
    });

    it('jumps to a requirement anchor from its self-link', async () => {
      await page.locator('article a#INIT-004').click();
      await page.waitForURL(/\/spec\/startup#INIT-004$/);
      await expectInViewport('#INIT-004');
      await expect(page.locator('#INIT-004').isVisible()).resolves.toBe(true);
      await screenshot('spec-requirement-anchor');
      expectNoProblems();
    });

    it('follows an error code to its row in the error catalog', async () => {
      await page
        .locator('article a.error-code-link[href="/spec/errors#INIT_INTERNAL_ERROR"]')
        .first()
        .click();
      await page.waitForURL(/\/spec\/errors#INIT_INTERNAL_ERROR$/);
      await expectInViewport('#INIT_INTERNAL_ERROR');
      expectNoProblems();
    });

    it('opens an API reference page', async () => {
      await page
        .locator('nav.navbar')
        .getByRole('link', { name: 'Reference', exact: true })
        .click();
      await page.waitForURL(/\/reference$/);
      await expectTitle(/^Reference$/);
      await page.locator('article').getByRole('link', { name: '@openstage/spec' }).click();
      await page.waitForURL(/\/reference\/api\/spec$/);
      await expectTitle('@openstage/spec');
      await page
        .locator('article')
        .getByRole('link', { name: 'CacheService', exact: true })
        .click();
      await page.waitForURL(/\/reference\/api\/spec\/interfaces\/CacheService$/);
      await expectTitle('CacheService');
      await screenshot('api-page');
      expectNoProblems();
    });

    it('filters the requirement index and links each row to its anchor', async () => {
      await page
        .locator('nav.navbar')
        .getByRole('link', { name: 'Requirements', exact: true })
        .click();
      await page.waitForURL(/\/requirements$/);
      const rows = page.locator('[data-testid="requirement-table"] tbody tr');
      // The page's chunk (with the index data) loads after the route change.
      await rows.first().waitFor();
      const total = await rows.count();
      expect(total).toBeGreaterThan(100);

      await page.locator('select[name="chapter"]').selectOption('startup');
      const inChapter = await rows.count();
      expect(inChapter).toBeGreaterThan(0);
      expect(inChapter).toBeLessThan(total);
      const ids = await rows.evaluateAll((trs) =>
        trs.map((tr) => tr.getAttribute('data-requirement')),
      );
      expect(ids.every((id) => id?.startsWith('INIT-'))).toBe(true);

      await page.locator('select[name="level"]').selectOption('SHOULD');
      const levels = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent));
      expect(levels.length).toBeGreaterThan(0);
      expect(levels.every((level) => level?.startsWith('SHOULD'))).toBe(true);

      await page.locator('input[name="q"]').fill('unhandledRejection');
      await expect.poll(() => rows.count()).toBe(1);
      expect(page.url()).toContain('chapter=startup');
      expect(page.url()).toContain('q=unhandledRejection');
      await screenshot('requirements-filtered');

      await rows.first().getByRole('link', { name: 'INIT-004' }).click();
      await page.waitForURL(/\/spec\/startup#INIT-004$/);
      await expectInViewport('#INIT-004');
      expectNoProblems();
    });

    it('finds a page with the local search', async () => {
      const input = page.locator('input.navbar__search-input');
      await input.click();
      await input.pressSequentially('shutdown', { delay: 20 });
      const suggestion = page.locator('[role="option"]').first();
      await suggestion.waitFor({ state: 'visible' });
      await screenshot('search');
      const before = page.url();
      await suggestion.click();
      await page.waitForURL((url) => url.toString() !== before);
      await page.locator('article h1').waitFor();
      expectNoProblems();
    });

    it('opens a guide whose code sample is filled from its source file', async () => {
      await page.locator('nav.navbar').getByRole('link', { name: 'Guides', exact: true }).click();
      await page.waitForURL(/\/guides$/);
      await expectTitle(/^Guides$/);
      const sidebar = page.locator('nav[aria-label="Docs sidebar"]');
      await sidebar.getByRole('link', { name: 'Writing a plugin', exact: true }).click();
      await page.waitForURL(/\/guides\/plugin$/);
      await expectTitle('Writing a plugin');
      // The fence is empty in the Markdown: its text must be the sample file's.
      const sample = readFileSync(
        path.join(siteDir, 'guides/samples/plugin/bookmarksPlugin.ts'),
        'utf8',
      );
      const code = (await page.locator('article pre code').first().textContent()) ?? '';
      expect(code).toContain("pluginId: 'bookmarks'");
      expect(code.replace(/\s+/g, '')).toBe(
        sample
          .split('\n')
          .filter((line) => !/^\s*\/\/\s*#(end)?region\b/.test(line))
          .join('\n')
          .replace(/\s+/g, ''),
      );
      await screenshot('guide-plugin');
      expectNoProblems();
    });

    it('shows the results matrix with both implementations for a known requirement', async () => {
      await page
        .locator('nav.navbar')
        .getByRole('link', { name: 'Conformance', exact: true })
        .click();
      await page.waitForURL(/\/conformance$/);
      await expectTitle(/^Conformance$/);
      await page
        .locator('nav[aria-label="Docs sidebar"]')
        .getByRole('link', { name: 'Results', exact: true })
        .click();
      await page.waitForURL(/\/conformance\/results$/);
      await expectTitle(/^Results$/);
      const summary = page.locator('[data-testid="results-summary"] tbody tr');
      await summary.first().waitFor();
      await expect(
        summary.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-adapter'))),
      ).resolves.toEqual(['reference', 'backstage']);

      // The row's verdicts are the ones the committed reports give.
      const results = loadConformanceResults(path.join(repoRoot, 'conformance/results'));
      const tests = testsByRequirement(results).get(MATRIX_REQUIREMENT) ?? [];
      expect(tests.length, `no committed test lists ${MATRIX_REQUIREMENT}`).toBeGreaterThan(0);
      const row = page.locator(
        `[data-testid="results-matrix"] tr[data-requirement="${MATRIX_REQUIREMENT}"]`,
      );
      await row.waitFor();
      for (const adapter of ['reference', 'backstage']) {
        const expected = verdictFor(tests.map((t) => t.outcomes[adapter]));
        expect(expected).not.toBe('untested');
        const cell = row.locator(`td[data-adapter="${adapter}"]`);
        await expect(cell.getAttribute('data-verdict')).resolves.toBe(expected);
        for (const test of tests) {
          const reason = test.outcomes[adapter]?.reason;
          if (test.outcomes[adapter]?.status === 'expected-failure' && reason) {
            await expect(cell.textContent()).resolves.toContain(reason);
          }
        }
      }
      await row.scrollIntoViewIfNeeded();
      await screenshot('conformance-results');
      expectNoProblems();
    });

    it('links a requirement in the spec to its row in the results', async () => {
      await page.goto(`${server.url}/spec/backend-instance#${MATRIX_REQUIREMENT}`);
      const link = page.locator(`p.requirement:has(a#${MATRIX_REQUIREMENT}) a.requirement-results`);
      await link.click();
      await page.waitForURL(
        new RegExp(`/conformance/results\\?requirement=${MATRIX_REQUIREMENT}$`),
      );
      const rows = page.locator('[data-testid="results-matrix"] tbody tr');
      await expect.poll(() => rows.count()).toBe(1);
      await expect(rows.first().getAttribute('data-requirement')).resolves.toBe(MATRIX_REQUIREMENT);
      await expect(rows.first().locator('td').last().textContent()).resolves.toMatch(
        /backend-instance\//,
      );
      expectNoProblems();
    });

    it('shows the coverage per chapter, or says the traceability file is missing', async () => {
      await page
        .locator('nav[aria-label="Docs sidebar"]')
        .getByRole('link', { name: 'Coverage', exact: true })
        .click();
      await page.waitForURL(/\/conformance\/coverage$/);
      await expectTitle(/^Coverage$/);
      if (existsSync(path.join(repoRoot, 'conformance/traceability.json'))) {
        const rows = page.locator('[data-testid="coverage-table"] tbody tr');
        await rows.first().waitFor();
        expect(await rows.count()).toBeGreaterThan(1);
      } else {
        await page.locator('[data-testid="coverage-missing"]').waitFor();
      }
      await screenshot('conformance-coverage');
      expectNoProblems();
    });

    it('shows the committed benchmark results, or says they are missing', async () => {
      await page
        .locator('nav.navbar')
        .getByRole('link', { name: 'Benchmarks', exact: true })
        .click();
      await page.waitForURL(/\/benchmarks$/);
      await page.locator('main h1', { hasText: 'Benchmarks' }).waitFor();
      if (existsSync(path.join(repoRoot, 'bench/results/latest.md'))) {
        await expect(page.locator('main table').count()).resolves.toBeGreaterThan(0);
      } else {
        await expect(page.locator('main').textContent()).resolves.toContain(
          'bench/results/latest.md did not exist',
        );
      }
      await screenshot('benchmarks');
      expectNoProblems();
    });
  },
);
