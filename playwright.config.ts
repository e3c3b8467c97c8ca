import { defineConfig } from '@playwright/test';

// Debian's Chromium (Playwright cannot download browsers here); software WebGL via SwiftShader.
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

// E2E_CONFIG=embedded|external runs one configuration (and starts only its server); unset: both.
const only = process.env.E2E_CONFIG;
const embeddedPort = Number(process.env.E2E_EMBEDDED_PORT ?? 3100);
const externalPort = Number(process.env.E2E_EXTERNAL_PORT ?? 3200);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { ...chromium, screenshot: 'only-on-failure', trace: 'retain-on-failure' },
  projects: [
    {
      name: 'embedded' as const,
      use: { ...chromium, baseURL: `http://127.0.0.1:${embeddedPort}` },
      metadata: {
        mqttUrl: `mqtt://127.0.0.1:${process.env.E2E_EMBEDDED_MQTT_PORT ?? 18830}`,
        embedded: true,
      },
    },
    {
      name: 'external' as const,
      use: { ...chromium, baseURL: `http://127.0.0.1:${externalPort}` },
      metadata: { mqttUrl: 'mqtt://127.0.0.1:1883', embedded: false },
    },
  ].filter((p) => only === undefined || p.name === only),
  webServer: [
    {
      name: 'embedded',
      command: 'bash scripts/e2e-server.sh embedded',
      url: `http://127.0.0.1:${embeddedPort}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
    },
    {
      name: 'external',
      command: 'bash scripts/e2e-server.sh external',
      url: `http://127.0.0.1:${externalPort}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
    },
  ]
    .filter((server) => only === undefined || server.name === only)
    .map(({ name: _name, ...server }) => server),
});
