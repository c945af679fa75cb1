// Lint for the whole monorepo, with Nx-style project boundaries enforced from each project's tags
// (package.json "nx.tags"): shared libs depend on nothing of the apps, and the apps not on each other.
import js from '@eslint/js';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import qh from './tools/eslint/plugin.mjs';

const PROJECTS = ['libs/domain', 'libs/api-client', 'apps/api', 'apps/storefront'].map((root) => {
  const manifest = JSON.parse(readFileSync(new URL(`./${root}/package.json`, import.meta.url), 'utf8'));
  return { root, name: manifest.name, tags: manifest.nx?.tags ?? [] };
});
const ALLOWED = {
  'scope:shared': ['scope:shared'],
  'scope:api': ['scope:api', 'scope:shared'],
  'scope:web': ['scope:web', 'scope:shared'],
};

function boundaries(project) {
  const allowed = ALLOWED[project.tags[0]];
  const forbidden = PROJECTS.filter((other) => other !== project && !other.tags.some((tag) => allowed.includes(tag)));
  const frameworkFree =
    project.root === 'libs/domain'
      ? [{ group: ['@nestjs/*', 'typeorm', 'vue', 'pinia', 'pg', 'node:*'], message: 'libs/domain is pure TypeScript' }]
      : [];
  return {
    files: [`${project.root}/**/*.{ts,vue}`],
    ignores: project.root === 'libs/domain' ? [`${project.root}/**/*.spec.ts`] : [],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden.map((other) => ({
              group: [other.name, `${other.name}/*`, `**/${other.root}/*`],
              message: `${project.root} (${project.tags}) may not depend on ${other.root} (${other.tags})`,
            })),
            ...frameworkFree,
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', '.data/**', 'libs/api-client/src/schema.ts', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      // Prettier owns formatting.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  { files: ['apps/storefront/**/*.{ts,vue}'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['libs/domain/**/*.ts', 'apps/**/*.ts'], ignores: ['**/*.spec.ts'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  ...PROJECTS.map(boundaries),
  // No import cycles, in any project: type-only imports count too.
  { files: ['apps/**/*.{ts,vue}', 'libs/**/*.ts'], plugins: { qh }, rules: { 'qh/no-import-cycles': 'error' } },
  // The API's features (its top folders but the shared ones) reach into each other only through what they offer:
  // their module, services and DTOs, and the files they declare public here, each for a reason.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { qh },
    rules: {
      'qh/feature-boundaries': [
        'error',
        {
          root: 'apps/api/src',
          shared: ['common', 'config', 'database', 'audit'],
          public: {
            // Who is asking, and the role guard: every feature's controllers use them.
            auth: ['current-user', 'roles.decorator'],
            // Stock is the catalog's; orders take and give it back through its repository, in their transaction. Photos of a
            // shortfall on delivery are stored and checked as product images are.
            catalog: ['products.repository', 'product-sql', 'product-images'],
            // Cooperatives import their payouts to households from CSV files read as the household import reads them.
            households: ['csv'],
            // The ledger is written in the transaction of each payment and refund. A lot's test report is a PDF or a photo,
            // judged by its content as a cash receipt is.
            impact: ['ledger', 'payout-receipts'],
            // Notifications are written in the transaction of what they tell.
            notifications: ['outbox'],
            // Every change of an order's status (the one place), for the payment webhook and refunds.
            orders: ['order-transitions'],
            // The provider's name and publishable key, shown with an order that can still be paid.
            payments: ['payment-provider'],
          },
        },
      ],
    },
  },
  // One clock (apps/api/src/config/clock.ts): SQL reads qh_now() and qh_today(), TypeScript the Clock; the
  // server's now(), current_date and a UTC date taken as a day each tell another time.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/database/migrations/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['TemplateElement[value.raw', 'Literal[value'].map((node) => ({
          selector: `${node}=/\\bcurrent_date\\b|\\bCURRENT_DATE\\b|(^|[^\\w.])now\\(\\)/]`,
          message: 'SQL reads the one clock: qh_now() and qh_today() (the China day), never now() or current_date.',
        })),
        ...['TemplateElement[value.raw', 'Literal[value'].map((node) => ({
          selector: `${node}=/::float8\\b/]`,
          message: 'bigint and numeric arrive as numbers already (database/sql.ts): no ::float8 cast.',
        })),
        {
          selector: "CallExpression[callee.property.name='slice'][callee.object.callee.property.name='toISOString']",
          message: 'A UTC date is not the day in China: use the Clock (clock.today()) or chinaDay() from @qh/domain.',
        },
      ],
    },
  },
);
