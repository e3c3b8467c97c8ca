import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support';

/** The demo plant's pump whose trip cuts T5's zone off (packages/simulator/README.md). */
const PUMP = 'PU8';

/** An admin's page, for the simulator control and the audit log. */
async function adminPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.admin);
  return { page, close: () => context.close() };
}

test.describe('alarms', () => {
  test('the simulator trips a pump: the operator sees the grouped alarm, acknowledges it, asks for actions and approves one, audited', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(360_000);
    const admin = await adminPage(browser);
    // A trip left by an earlier run of this test would keep the alarm latched: start clean.
    await admin.page.request.delete(`/api/sites/ctown/simulator/faults/${PUMP}`);
    const tripped = await admin.page.request.post('/api/sites/ctown/simulator/faults', {
      data: { kind: 'pump_trip', assetId: PUMP },
    });
    expect(tripped.status()).toBe(202);
    // Only an admin drives the simulator.
    const refused = await page.request.post('/api/sites/ctown/simulator/faults', {
      data: { kind: 'pump_trip', assetId: PUMP },
    });
    expect(refused.status()).toBe(401);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await signIn(page, DEMO_USERS.operator);
    await page.getByRole('link', { name: /C-Town/ }).click();
    await expect(page.getByRole('status', { name: /live data/i })).toHaveText(/live/i);

    await page
      .getByRole('button', { name: /^Alarms/ })
      .first()
      .click();
    const drawer = page.getByRole('complementary', { name: 'Alarms' });
    await expect(drawer).toBeVisible();

    // The pump's mismatch alarm with the zone's low pressures grouped under it, not a flood of equals.
    const group = drawer.getByRole('listitem', {
      name: new RegExp(`^${PUMP} pump-mismatch, High, Unacknowledged, \\+\\d+ downstream`),
    });
    await expect(group).toBeVisible({ timeout: 240_000 });
    await group.getByRole('button', { name: /downstream/ }).click();
    const children = drawer.getByRole('list', { name: `Grouped under ${PUMP}/pump-mismatch` });
    await expect(children.getByRole('listitem').first()).toBeVisible();
    await expect(children).toContainText(/pressure-low|level-low/);
    await page.screenshot({ path: testInfo.outputPath('alarms-grouped-1920x1080.png') });

    // Open it: the panel has the response text and the trend; A acknowledges it.
    await group
      .getByRole('button', { name: new RegExp(PUMP) })
      .first()
      .click();
    const panel = page.getByRole('article', { name: `Alarm ${PUMP} · pump-mismatch` });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('Start the standby pump');
    await expect(panel).toContainText('Unacknowledged');
    // The open alarm is in the URL: a wall screen or a colleague opens the same panel from it.
    await expect(page).toHaveURL(/alarm=PU8%2Fpump-mismatch/);
    const colleague = await browser.newContext();
    const colleaguePage = await colleague.newPage();
    await signIn(colleaguePage, DEMO_USERS.viewer);
    await colleaguePage.goto(page.url().replace(/^https?:\/\/[^/]+/, ''));
    await expect(
      colleaguePage.getByRole('article', { name: `Alarm ${PUMP} · pump-mismatch` }),
    ).toContainText('Start the standby pump');
    await colleague.close();
    await page.keyboard.press('a');
    await expect(panel.getByText('Acknowledged by operator').first()).toBeVisible();
    await expect(panel.getByRole('region', { name: 'History' })).toContainText(
      'Unacknowledged → Acknowledged',
    );

    // Recommended actions, simulated from the current state.
    const advice = panel.getByRole('region', { name: 'Recommended actions' });
    await advice.getByRole('button', { name: /Find actions/ }).click();
    const first = advice.getByRole('listitem', { name: /^Recommendation 1/ });
    await expect(first).toBeVisible({ timeout: 180_000 });
    await expect(first).toContainText('Doing nothing');
    await expect(first).toContainText(/P5–P95/);
    await first.getByLabel('Comment on recommendation 1').fill('e2e: start the standby');
    await first.getByRole('button', { name: 'Approve' }).click();
    await expect(first.getByRole('status').first()).toContainText(/Approved/);
    await page.screenshot({ path: testInfo.outputPath('alarms-advice-1920x1080.png') });

    // The audit log has the acknowledgement and the approval with the alarm and its scenario.
    const audit = async (action: string) => {
      const response = await admin.page.request.get(`/api/audit?action=${action}`);
      expect(response.ok()).toBe(true);
      return ((await response.json()) as { entries: { target: string; detail: unknown }[] })
        .entries;
    };
    expect((await audit('alarm.acknowledge')).some((e) => e.target.includes(PUMP))).toBe(true);
    // …and the approval, tied to the alarm and to the scenario that justified it.
    const approval = (await audit('alarm.advice.approve')).find((e) =>
      JSON.stringify(e.detail).includes(`"alarmKey":"${PUMP}/pump-mismatch"`),
    );
    expect(approval).toBeDefined();
    const { scenarioId } = approval?.detail as { scenarioId: string };
    expect((await audit('recommendation.approve')).some((e) => e.target === scenarioId)).toBe(true);

    await admin.page.request.delete(`/api/sites/ctown/simulator/faults/${PUMP}`);
    await admin.close();
  });
});
