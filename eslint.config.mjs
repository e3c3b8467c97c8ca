// One lint config for every workspace: type-aware rules, the import boundaries of
// docs/ARCHITECTURE.md, and the ban on reading process.env outside env modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const boundaries = {
  'packages/contracts': [
    '@twinhelm/solver',
    '@twinhelm/scene',
    '@twinhelm/simulator',
    '@twinhelm/bff',
    '@twinhelm/web',
    '@twinhelm/alarms',
  ],
  'packages/solver': [
    '@twinhelm/scene',
    '@twinhelm/simulator',
    '@twinhelm/bff',
    '@twinhelm/web',
    '@twinhelm/alarms',
  ],
  'packages/scene': [
    '@twinhelm/solver',
    '@twinhelm/simulator',
    '@twinhelm/bff',
    '@twinhelm/web',
    '@twinhelm/alarms',
  ],
  'packages/simulator': ['@twinhelm/scene', '@twinhelm/bff', '@twinhelm/web', '@twinhelm/alarms'],
  'packages/alarms': [
    '@twinhelm/solver',
    '@twinhelm/scene',
    '@twinhelm/simulator',
    '@twinhelm/bff',
    '@twinhelm/web',
    '@prisma/*',
    'pg',
    'mqtt',
  ],
  'apps/web': [
    '@twinhelm/bff',
    '@twinhelm/solver',
    '@twinhelm/simulator',
    '@prisma/*',
    'pg',
    'mqtt',
    'node:*',
  ],
  'apps/bff': ['@twinhelm/scene', '@twinhelm/web'],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/out/**',
      '**/dist/**',
      '**/generated/**',
      '**/next-env.d.ts',
      'data/**',
      'prisma.config.ts',
      'test-results/**',
      'playwright-report/**',
      '**/*.config.mjs',
      '**/vitest.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': ['error', { maxDepth: 4 }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in the app env module (env.ts) only.',
        },
      ],
    },
  },
  ...Object.entries(boundaries).map(([dir, banned]) => ({
    files: [`${dir}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: banned.map((group) => ({
            group: [group, `${group}/*`],
            message: `${dir} may not import ${group} (docs/ARCHITECTURE.md, "What may import what").`,
          })),
        },
      ],
    },
  })),
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: [
      '**/env.ts',
      '**/testing/**',
      '**/server-tests/**',
      '**/*.test.ts',
      '**/*.spec.ts',
      'e2e/**',
      '**/scripts/**',
      '**/bench/**',
      'playwright.config.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.spec.ts', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
