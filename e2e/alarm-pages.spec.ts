import { expect, test } from '@playwright/test';
import { DEMO_USERS, signIn } from './support';

test.describe('alarm rules and KPIs', () => {
  test('a planner changes a junction rule: a conflicting limit is refused with the reason, a good one saved as a new version, then reverted', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, DEMO_USERS.planner);
    await page.getByRole('link', { name: 'Alarm rules' }).click();
    await page.goto('/alarm-rules?site=ctown&asset=J221');
    await page.getByRole('button', { name: 'pressure-low-low', exact: true }).click();

    // The low-low limit above the low limit (20 m) is refused, with the sentence the server uses.
    const setpoint = page.getByRole('textbox', { name: 'Setpoint (m)' });
    await setpoint.fill('25');
    const problems = page.getByRole('alert', { name: 'Problems with the rule set' });
    await expect(problems).toContainText('must be below');
    await page.screenshot({ path: testInfo.outputPath('alarm-rules-refused-1366x768.png') });

    await setpoint.fill('8');
    await expect(problems).toBeHidden();
    await page.getByRole('button', { name: /^Save as version \d+$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /is now version \d+/ })).toBeVisible();

    await page.getByRole('button', { name: 'Revert to default' }).click();
    await page.getByRole('button', { name: 'Confirm: back to the default' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /Reverted to the default/ }),
    ).toBeVisible();
  });

  test('a manager reads the rules (read-only) and the alarm KPIs', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await signIn(page, DEMO_USERS.manager);
    await page.goto('/alarm-rules?site=ctown&asset=J221');
    await expect(page.getByText(/Read-only: your role \(manager\)/)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Save as version/ })).toHaveCount(0);

    await page.getByRole('link', { name: 'Alarm KPIs' }).click();
    await page.goto('/alarm-kpis?site=ctown&period=7d');
    await expect(page.getByRole('heading', { name: /Alarm KPIs/ })).toBeVisible();
    // Figures against their EEMUA 191 benchmarks, or (a fresh site) the empty state saying so.
    await expect(
      page
        .getByText('Alarms per operator-hour')
        .or(page.getByRole('status').filter({ hasText: 'No alarms in this period' })),
    ).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('alarm-kpis-1024x768.png'), fullPage: true });
  });
});
