/**
 * A staff member the operator added from the command line signs in with the one-time code on
 * the login page (as on a computer's browser in production, where there is no demo login) and
 * finds the staff screens on 「我的」.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import { base, measure, MIN_BUTTON_PX, MIN_FONT_PX, operatorCli, phoneContext, screenshot, useServerAndBrowser } from './support';

useServerAndBrowser();

it('staff sign in with the code the operator printed, once; a wrong code is explained', async () => {
  const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const made = await operatorCli('staff:add', '--community', '滨湖和园', '--name', '何丽', '--phone', phone);
  expect(made.exitCode).toBe(0);
  // A refusal exits non-zero with the reason, and prints no code.
  const twice = await operatorCli('staff:add', '--community', '滨湖和园', '--name', '何丽', '--phone', phone);
  expect(twice.exitCode).toBe(1);
  expect(twice.stderr).toContain('STAFF_EXISTS');
  expect(twice.code).toBeNull();
  const code = made.code;
  if (!code) throw new Error(`the CLI printed no code:\n${made.stdout}\n${made.stderr}`);

  const context = await phoneContext();
  const page = await context.newPage();
  await page.goto(`${base()}/`);
  await page.locator('#code-login').getByText('用登录码登录').first().waitFor();
  const input = page.locator('#code-login-input input');
  expect((await measure(page, '#code-login-input input')).fontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect((await measure(page, '#code-login-submit')).height).toBeGreaterThanOrEqual(MIN_BUTTON_PX);
  await screenshot(page, 'code-login-01-page');

  // Too short: said in place, nothing sent.
  await input.fill('ABC');
  await page.locator('#code-login-submit').click();
  await page.getByText('登录码是 10 位字母和数字，请核对后再输入').waitFor();

  // A well-formed code that is not one: the server's words.
  await input.fill('ABCDE-FGH23');
  await page.locator('#code-login-submit').click();
  await page.getByText('登录码不对或已用过，请向社区工作人员要一个新的').waitFor();
  await screenshot(page, 'code-login-02-wrong');

  // The real one, typed in lower case.
  await input.fill(code.toLowerCase());
  await page.locator('#code-login-submit').click();
  await page.locator('#logout').waitFor();
  await page.getByText('何丽').first().waitFor();
  await page.locator('#entry-staff-households').waitFor();
  await page.locator('#entry-staff-bindings').waitFor();
  await screenshot(page, 'code-login-03-me-staff');

  // The staff screen opens.
  await page.locator('#entry-staff-households').click();
  await page.waitForURL(/staff\/households/);
  await context.close();

  // The code worked once: on another phone it is refused.
  const other = await phoneContext();
  const second = await other.newPage();
  await second.goto(`${base()}/`);
  await second.locator('#code-login-input input').fill(code);
  await second.locator('#code-login-submit').click();
  await second.getByText('登录码不对或已用过，请向社区工作人员要一个新的').waitFor();
  await other.close();
});
