import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support';

/** Opens C-Town's console and waits for the live feed. */
async function openCtown(page: Page): Promise<void> {
  await page.getByRole('link', { name: /C-Town/ }).click();
  await expect(page).toHaveURL(/\/console\?site=ctown/);
  await expect(page.getByRole('status', { name: /live data/i })).toHaveText(/live/i);
}

test.describe('what-if', () => {
  test('a planner runs a pump outage with an ensemble, reads the results, scrubs the prediction and approves a recommendation', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await signIn(page, DEMO_USERS.planner);
    await openCtown(page);

    await page.getByRole('button', { name: 'What-if' }).click();
    const drawer = page.getByRole('complementary', { name: 'What-if' });
    await expect(drawer).toBeVisible();
    const form = drawer.getByRole('form', { name: 'Compose a what-if' });

    // PU1 (C-Town's first pump, filling T1) out of service for the next 4 hours.
    const find = form.getByRole('searchbox', { name: 'Find an asset to perturb' });
    await find.fill('PU1');
    await find.press('Enter');
    const outage = form.getByRole('group', { name: /Perturbation 1: PU1/ });
    await expect(outage.getByLabel('What happens')).toHaveValue('asset-outage');
    await outage.getByLabel(/^From/).fill('0');
    await outage.getByLabel(/^Until/).fill('4');
    await form.getByLabel(/^Ensemble/).fill('5');
    await expect(form.getByLabel(/Bind live state/)).toBeChecked();
    await expect(form.getByLabel(/Recommend actions/)).toBeChecked();

    // A window past the horizon is refused next to its field, before anything is sent.
    await form.getByLabel(/^Horizon/).fill('2');
    await form.getByRole('button', { name: 'Run scenario' }).click();
    await expect(outage.getByText(/after the 2 h horizon/)).toBeVisible();
    await form.getByLabel(/^Horizon/).fill('24');
    await page.screenshot({ path: testInfo.outputPath('what-if-composer-1920x1080.png') });

    // Record whether the progress bar ever shows: a fast run may finish between two polls.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('progress.whatif__bar')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await form.getByRole('button', { name: 'Run scenario' }).click();
    const scenario = drawer.getByRole('article', { name: /Scenario PU1/ });
    await expect(scenario).toBeVisible();

    const figures = scenario.getByRole('region', { name: 'Key figures' });
    await expect(figures).toBeVisible({ timeout: 180_000 });
    expect(
      await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress),
    ).toBe(true);
    await expect(figures).toContainText('Minimum pressure');
    await expect(figures).toContainText(/Pumping energy/);
    await expect(figures).toContainText(/P5–P95/);
    const violations = scenario.getByRole('region', { name: 'Violations' });
    await expect(
      violations.getByRole('table').or(violations.getByText('No violations')),
    ).toBeVisible();

    // The perturbed pump's chart, with the ensemble's band.
    const charts = scenario.getByRole('region', { name: 'Predicted time series' });
    await expect(charts.getByRole('figure', { name: /Predicted PU1/ })).toBeVisible();
    await expect(charts.locator('.recharts-area').first()).toBeAttached();

    // Scrub to t+3 h: the scene paints the prediction and says so.
    const slider = scenario.getByRole('slider', { name: 'Simulated time' });
    await slider.fill('12');
    const banner = page.getByRole('status').filter({ hasText: 'PREDICTION — not live' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('t+3 h (PU1');
    await page.screenshot({ path: testInfo.outputPath('what-if-results-1920x1080.png') });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: testInfo.outputPath('what-if-results-1024x768.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });

    // C-Town breaks service pressure somewhere, so recommendations were searched: approve one.
    const recommendations = scenario.getByRole('region', { name: 'Recommendations' });
    await expect(recommendations).toBeVisible();
    const first = recommendations.getByRole('listitem', { name: /^Recommendation 1/ });
    await expect(first).toBeVisible();
    await first.getByRole('button', { name: 'View in 3D' }).click();
    await first.getByLabel('Comment on recommendation 1').fill('e2e: approved');
    await first.getByRole('button', { name: 'Approve' }).click();
    await expect(first.getByRole('status')).toContainText(/Approved by .+: “e2e: approved”/);
    await page.screenshot({ path: testInfo.outputPath('what-if-recommendation-1920x1080.png') });

    // The scenario has a link of its own (for a wall screen, a colleague): it opens the panel on it.
    const link = scenario.getByRole('link', { name: 'link to this scenario' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/console\?site=ctown&scenario=[0-9a-f-]{36}$/);
    const colleague = await browser.newContext();
    const colleaguePage = await colleague.newPage();
    await signIn(colleaguePage, DEMO_USERS.admin);
    await colleaguePage.goto(href ?? '');
    const linked = colleaguePage.getByRole('article', { name: /^Scenario / });
    await expect(linked.getByRole('region', { name: 'Recommendations' })).toBeVisible();
    await expect(linked).toContainText(/Approved by .+: “e2e: approved”/);
    await colleague.close();

    // Leaving the results gives the scene back to live values.
    await drawer.getByRole('button', { name: 'Close what-if' }).click();
    await expect(banner).toBeHidden();

    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIn(adminPage, DEMO_USERS.admin);
    const audit = await adminPage.request.get('/api/audit?action=recommendation.approve');
    expect(audit.ok()).toBe(true);
    const body = (await audit.json()) as { entries: { action: string }[] };
    expect(body.entries.some((e) => e.action === 'recommendation.approve')).toBe(true);
    await admin.close();
  });

  test('the composer fits a tablet', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await signIn(page, DEMO_USERS.operator);
    await openCtown(page);
    await page.getByRole('button', { name: 'What-if' }).click();
    const form = page.getByRole('form', { name: 'Compose a what-if' });
    const find = form.getByRole('searchbox', { name: 'Find an asset to perturb' });
    await find.fill('PU4');
    await find.press('Enter');
    await expect(form.getByRole('group', { name: /Perturbation 1: PU4/ })).toBeVisible();
    const submit = form.getByRole('button', { name: 'Run scenario' });
    await submit.scrollIntoViewIfNeeded();
    await expect(submit).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath('what-if-composer-1024x768.png') });
    await form.getByLabel(/^Name/).focus();
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();
  });

  test('a viewer reads scenarios and the nowcast but has no composer', async ({
    page,
  }, testInfo) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, DEMO_USERS.viewer);
    await openCtown(page);
    await page.getByRole('button', { name: 'What-if' }).click();
    const drawer = page.getByRole('complementary', { name: 'What-if' });
    await expect(drawer.getByText(/Your role can read scenarios/)).toBeVisible();
    await expect(drawer.getByRole('button', { name: 'New scenario' })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Compose a what-if' })).toHaveCount(0);
    const refused = await page.request.post('/api/sites/ctown/scenarios', {
      data: { scenario: { perturbations: [] } },
    });
    expect(refused.status()).toBe(403);

    // Reading includes the nowcast: modelled values paint where nothing is measured, marked so.
    await drawer.getByRole('button', { name: 'Close what-if' }).click();
    const modelled = page.getByRole('checkbox', { name: /Modelled values/ });
    await modelled.check();
    const banner = page.getByRole('status').filter({ hasText: 'MODELLED — not measured' });
    await expect(banner).toBeVisible({ timeout: 90_000 });
    await expect(banner).toContainText(/Nowcast of \d\d:\d\d:\d\d/);
    await page.screenshot({ path: testInfo.outputPath('modelled-1366x768.png') });
    await modelled.uncheck();
    await expect(banner).toBeHidden();
  });
});
