/**
 * The living demo (DEMO_LIVE=1, what `npm start` runs): the demo users' first screens show a
 * community in the middle of a lockdown, not an empty product. This file's server is started
 * with the living demo on; every other file keeps the bare demo seed and sets its own scene.
 *
 * Needs: `npm run build -w @linli/server` and `npm run build:h5 -w @linli/miniprogram`.
 */
import type { OrderView, ParcelTaskView, WindowView } from '@linli/shared-types';
import { api, devLogin, loggedInPhone, screenshot, useServerAndBrowser } from './support';

useServerAndBrowser({ DEMO_LIVE: '1' });

it('王秀兰 finds a window open to order from, and her orders on their way, delivered and cancelled', async () => {
  const { token } = await devLogin('resident');
  const open = (await api<WindowView[]>('GET', '/windows', token)).filter((w) => w.phase === 'OPEN' && w.mode === 'fcfs');
  expect(open).toHaveLength(1);
  const today = open[0] as WindowView;

  const phone = await loggedInPhone('resident');
  await phone.locator('#entry-windows').click();
  const card = phone.locator(`#window-${today.id}`);
  await card.getByText('正在订购').waitFor();
  await expect(card.innerText()).resolves.toContain(today.title);
  await expect(phone.getByText('现在没有可以订购的物资', { exact: false }).count()).resolves.toBe(0);
  await screenshot(phone, 'living-01-windows');

  await phone.goBack();
  await phone.locator('#entry-orders').click();
  const orders = await api<OrderView[]>('GET', '/orders/mine', token);
  const onItsWay = orders.find((o) => o.state === 'PACKED') as OrderView;
  await phone.locator(`#order-${onItsWay.id}`).getByText('已打包，待配送').waitFor();
  const labels = { DELIVERED: '已送达', CANCELLED: '已取消' } as const;
  for (const [state, label] of Object.entries(labels)) {
    const order = orders.find((o) => o.state === state) as OrderView;
    await phone.locator(`#order-${order.id}`).getByText(label).waitFor();
  }
  await screenshot(phone, 'living-02-orders');
  await phone.context().close();
});

it('李志强 opens his tasks: the parcel in hand for 1栋1单元101, and more to accept', async () => {
  const { token } = await devLogin('volunteer');
  const tasks = await api<ParcelTaskView[]>('GET', '/volunteer/tasks', token);
  const inHand = tasks.find((t) => t.state === 'PICKED_UP') as ParcelTaskView;
  const toAccept = tasks.filter((t) => t.state === 'ASSIGNED');
  expect(toAccept.length).toBeGreaterThan(0);

  const phone = await loggedInPhone('volunteer');
  await phone.locator('#entry-volunteer').click();
  await phone.locator(`#task-${inHand.id}`).waitFor();
  await expect(phone.locator(`#task-${inHand.id}`).innerText()).resolves.toContain('101');
  await phone.locator(`#task-${toAccept[0]?.id}-accept`).waitFor();
  await expect(phone.locator('#tasks-empty').count()).resolves.toBe(0);
  await screenshot(phone, 'living-03-volunteer-tasks');
  await phone.context().close();
});
