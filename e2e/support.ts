import { expect, type Page, type TestInfo } from '@playwright/test';
import mqtt from 'mqtt';

/** Demo accounts (apps/bff/README.md, "Demo accounts"). */
export const DEMO_USERS = {
  operator: { username: 'operator', password: 'twinhelm-operator' },
  admin: { username: 'admin', password: 'twinhelm-admin' },
  planner: { username: 'planner', password: 'twinhelm-planner' },
  viewer: { username: 'viewer', password: 'twinhelm-viewer' },
  manager: { username: 'manager', password: 'twinhelm-manager' },
} as const;

/** The embedded broker's demo credentials (README, "Configuration"). */
const EMBEDDED_MQTT = { username: 'twinhelm', password: 'twinhelm-demo-broker' };

export async function signIn(
  page: Page,
  user: { username: string; password: string },
): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Publishes one QoS 1 message on a connected client; resolves to the time it was sent. */
export async function publishTelemetry(
  testInfo: TestInfo,
  siteId: string,
  assetId: string,
  values: Record<string, number>,
  tsMs: number,
): Promise<number> {
  const meta = testInfo.project.metadata as { mqttUrl: string; embedded: boolean };
  const client = await mqtt.connectAsync(meta.mqttUrl, {
    clientId: `e2e-${Date.now()}`,
    ...(meta.embedded ? EMBEDDED_MQTT : {}),
  });
  try {
    const sentAt = Date.now();
    await client.publishAsync(
      `twinhelm/v1/${siteId}/${assetId}/telemetry`,
      JSON.stringify({ ts: tsMs, seq: tsMs, values }),
      { qos: 1 },
    );
    return sentAt;
  } finally {
    await client.endAsync();
  }
}

/**
 * Reads the WebGL canvas back through a 2D canvas and counts distinct colours in a coarse grid:
 * a black or blank rectangle has one or two.
 */
export async function distinctCanvasColours(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    if (!canvas) return 0;
    const probe = document.createElement('canvas');
    probe.width = 160;
    probe.height = 90;
    const ctx = probe.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(canvas, 0, 0, probe.width, probe.height);
    const data = ctx.getImageData(0, 0, probe.width, probe.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      colours.add(((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3));
    }
    return colours.size;
  });
}
