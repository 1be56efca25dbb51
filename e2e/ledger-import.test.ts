import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Harness,
  screenshot,
  signInAs,
  startHarness,
  type TestUser,
} from './harness';

let h: Harness;
let george: TestUser;

beforeAll(async () => {
  h = await startHarness();
  george = await h.addUser({ username: 'george.gbr', nation: 'GBR', roles: ['coordinator'] });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

const HEADER =
  'external_id,kind,announced_on,capability_area,item,quantity,unit,value_amount,value_currency,marking';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\n') + '\n');

describe('the import wizard', () => {
  it('checks a file first and shows each problem at its line and column', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/pledges');
    await page.getByRole('link', { name: 'Import a file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a file' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Pledges' }).isChecked()).toBe(true);

    const file = page.getByLabel(/^File/);
    await file.setInputFiles({
      name: 'gbr-pledges.csv',
      mimeType: 'text/csv',
      buffer: csv(
        'GBR-2024-001,donation,2024-03-14,air-defence,Stormer HVM launchers,12,vehicles,45000000.00,GBP,GROUP',
        'GBR-2024-002,donation,2024-13-40,armour,Challenger 2 tanks,14,tanks,,,GROUP',
      ),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const report = page.getByTestId('import-report');
    await report.getByText('gbr-pledges.csv: nothing can be imported yet').waitFor();
    await screenshot(page, 'ledger-import-refused');
    const problem = page
      .getByTestId('import-problems')
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'announced_on', exact: true }) });
    await problem.getByRole('cell', { name: '3', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Import \d+ row/ }).count()).toBe(0);
    await expectAccessible(page, 'ledger-import-refused');
  });

  it('imports a clean file, all rows at once, and creates nothing twice', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/imports?kind=pledges');
    const file = page.getByLabel(/^File/);
    const report = page.getByTestId('import-report');
    await file.setInputFiles({
      name: 'gbr-pledges.csv',
      mimeType: 'text/csv',
      buffer: csv(
        'GBR-2024-001,donation,2024-03-14,air-defence,Stormer HVM launchers,12,vehicles,45000000.00,EUR,GROUP',
        'GBR-2024-002,donation,2024-01-15,armour,Challenger 2 tanks,14,tanks,,,GROUP',
      ),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await report.getByText('gbr-pledges.csv: ready to import').waitFor();
    await report.getByText('2 rows would be created. Nothing has been written yet.').waitFor();
    await expectAccessible(page, 'ledger-import-checked');
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByText('gbr-pledges.csv: imported').waitFor();
    await screenshot(page, 'ledger-import-done');
    await expectAccessible(page, 'ledger-import-done');

    await page.getByRole('link', { name: 'See the pledges' }).click();
    await page.getByTestId('pledges-total').getByText('2 pledges').waitFor();
    await page.getByRole('link', { name: 'Challenger 2 tanks' }).waitFor();

    // The same file again creates nothing twice.
    await page.goto('/imports?kind=pledges');
    await page.getByLabel(/^File/).setInputFiles({
      name: 'gbr-pledges.csv',
      mimeType: 'text/csv',
      buffer: csv(
        'GBR-2024-001,donation,2024-03-14,air-defence,Stormer HVM launchers,12,vehicles,45000000.00,EUR,GROUP',
        'GBR-2024-002,donation,2024-01-15,armour,Challenger 2 tanks,14,tanks,,,GROUP',
      ),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('gbr-pledges.csv: nothing to import').waitFor();
    await page.getByTestId('import-unchanged').getByText('2').waitFor();
  });
});
