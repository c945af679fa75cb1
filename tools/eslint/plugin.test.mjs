// `node --test tools/eslint`: the project's lint rules refuse what they are for, on the real tree.
import { ESLint } from 'eslint';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

/** The messages of the project's own rules for `code` as if it were the file at `filePath`. */
async function problems(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId?.startsWith('qh/')).map((message) => message.ruleId);
}

test("a feature may not import another feature's repository", async () => {
  const code = "import { HouseholdsRepository } from '../households/households.repository';\nexport const x = HouseholdsRepository;\n";
  assert.deepEqual(await problems('apps/api/src/orders/probe.ts', code), ['qh/feature-boundaries']);
});

test("a feature may import another feature's service and DTOs", async () => {
  const code =
    "import { HouseholdsService } from '../households/households.service';\nimport { HouseholdDto } from '../households/dto/household.dto';\nexport const x = [HouseholdsService, HouseholdDto];\n";
  assert.deepEqual(await problems('apps/api/src/orders/probe.ts', code), []);
});

test('an import that leads back to the importing file is a cycle', async () => {
  const code = "import { OrdersService } from '../orders/orders.service';\nexport const x = OrdersService;\n";
  assert.deepEqual(await problems('apps/api/src/common/app-error.ts', code), ['qh/no-import-cycles']);
});

test("the storefront's API client does not import the session store that imports it", async () => {
  const code = "import { useSessionStore } from './stores/session';\nexport const x = useSessionStore;\n";
  assert.deepEqual(await problems('apps/storefront/src/api.ts', code), ['qh/no-import-cycles']);
});
