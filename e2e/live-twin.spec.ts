import { expect, test } from '@playwright/test';
import { DEMO_USERS, distinctCanvasColours, publishTelemetry, signIn } from './support';

test.describe('live twin', () => {
  test('sign in, see C-Town in 3D, find T1, and watch a published level arrive', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, DEMO_USERS.operator);

    await page.getByRole('link', { name: /C-Town/ }).click();
    await expect(page).toHaveURL(/\/console\?site=ctown/);
    await expect(page.getByRole('status', { name: /live data/i })).toHaveText(/live/i);

    const canvas = page.locator('canvas').first();
    await expect(canvas).toBeVisible();
    await expect
      .poll(() => distinctCanvasColours(page), {
        message: 'the 3D scene draws more than a blank rectangle',
      })
      .toBeGreaterThan(12);
    await page.screenshot({ path: testInfo.outputPath('console-1366x768.png') });

    const search = page.getByRole('searchbox', { name: 'Search assets' });
    await search.fill('T1');
    await search.press('Enter');
    const panel = page.getByRole('region', { name: 'T1' });
    await expect(panel).toBeVisible();
    await expect(page).toHaveURL(/asset=T1/);
    const level = panel.getByRole('button', { name: /^Level/ });
    await expect(level).toContainText(/\d+\.\d+ m/);

    // A sample stamped slightly ahead of the simulator's own stays the latest state for a while.
    const now = Date.now();
    const sentAt = await publishTelemetry(testInfo, 'ctown', 'T1', { level: 4.321 }, now + 30_000);
    // Poll the DOM every 50 ms (not Playwright's back-off) to time publish → visible value.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[role="region"][aria-label="T1"] button')].some(
          (b) => b.textContent?.startsWith('Level') && b.textContent.includes('4.32 m'),
        ),
      undefined,
      { polling: 50, timeout: 5_000 },
    );
    const publishToPanelMs = Date.now() - sentAt;
    await expect(level).toContainText('4.32 m');
    testInfo.annotations.push({
      type: 'publish-to-panel-ms',
      description: String(publishToPanelMs),
    });
    console.log(
      `[${testInfo.project.name}] MQTT publish → value in the asset panel: ${publishToPanelMs} ms`,
    );

    await page.reload();
    await expect(page.getByRole('region', { name: 'T1' })).toBeVisible();
  });

  test('the console is legible on a wall screen', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 3840, height: 2160 });
    await signIn(page, DEMO_USERS.operator);
    await page.goto('/sites/ctown/assets/PU1');
    await expect(page).toHaveURL(/\/console\?site=ctown&asset=PU1/);
    await expect(page.getByRole('region', { name: 'PU1' })).toBeVisible();
    await expect.poll(() => distinctCanvasColours(page)).toBeGreaterThan(12);
    await page.screenshot({ path: testInfo.outputPath('console-3840x2160.png') });
  });

  test('an unauthenticated visitor is sent to sign in, and the API refuses without a session', async ({
    page,
    request,
  }) => {
    await page.goto('/console?site=ctown');
    await expect(page).toHaveURL(/\/login/);
    const res = await request.get('/api/sites');
    expect(res.status()).toBe(401);
    const health = await request.get('/api/health');
    expect(health.ok()).toBe(true);
  });
});
