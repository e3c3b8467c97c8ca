import base from './playwright.config';
export default { ...base, testDir: '/tmp/w1-e2e' };
