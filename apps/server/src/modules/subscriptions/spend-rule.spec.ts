import type { SubscribeTemplates } from '../../config/subscribe-templates';
import { maySpend, priorityOf, spendPlan, templatesToAsk } from './spend-rule';

const t = (templateId: string) => ({ templateId, fields: { thing1: 'title' as const } });

describe('the spending rule', () => {
  it('puts a medicine quote and a failed delivery before a picked-up parcel', () => {
    expect(priorityOf('medicine.quoted')).toBe(3);
    expect(priorityOf('parcel.failed')).toBe(3);
    expect(priorityOf('parcel.picked_up')).toBe(0);
    expect(priorityOf('parcel.picked_up')).toBeLessThan(priorityOf('order.confirmed'));
  });

  it('keeps a kind without a template in the app (no plan)', () => {
    expect(spendPlan('parcel.picked_up', { 'medicine.quoted': t('Q') })).toBeNull();
    expect(spendPlan('medicine.quoted', {})).toBeNull();
  });

  it('lets the highest kind of a template spend down to the last allowance', () => {
    const templates: SubscribeTemplates = { 'medicine.quoted': t('P'), 'parcel.picked_up': t('P') };
    const plan = spendPlan('medicine.quoted', templates);
    expect(plan).toEqual({ templateId: 'P', reserve: 0 });
    expect(maySpend(1, plan!)).toBe(true);
    expect(maySpend(0, plan!)).toBe(false);
  });

  it('a low kind leaves the last allowance of a template a high kind also uses', () => {
    const templates: SubscribeTemplates = { 'parcel.failed': t('P'), 'parcel.picked_up': t('P') };
    const plan = spendPlan('parcel.picked_up', templates);
    expect(plan).toEqual({ templateId: 'P', reserve: 1 });
    expect(maySpend(1, plan!)).toBe(false);
    expect(maySpend(2, plan!)).toBe(true);
  });

  it('keeps one allowance per higher priority sharing the template, and none for kinds of other templates', () => {
    const templates: SubscribeTemplates = {
      'parcel.failed': t('P'), // 3
      'order.cancelled': t('P'), // 2
      'order.confirmed': t('P'), // 1
      'parcel.picked_up': t('P'), // 0
      'medicine.quoted': t('Q'), // 3, another template: no reserve for it here
      'task.assigned': t('P'), // 3 again: the same level counts once
    };
    expect(spendPlan('parcel.picked_up', templates)?.reserve).toBe(3);
    expect(spendPlan('order.confirmed', templates)?.reserve).toBe(2);
    expect(spendPlan('order.cancelled', templates)?.reserve).toBe(1);
    expect(spendPlan('parcel.failed', templates)?.reserve).toBe(0);
    expect(spendPlan('medicine.quoted', templates)).toEqual({ templateId: 'Q', reserve: 0 });
  });

  it('kinds of equal priority on one template keep nothing for each other', () => {
    const templates: SubscribeTemplates = { 'medicine.quoted': t('P'), 'parcel.failed': t('P') };
    expect(spendPlan('parcel.failed', templates)?.reserve).toBe(0);
  });

  it('asks at a tap for at most 3 distinct templates, most important first', () => {
    const templates: SubscribeTemplates = {
      'parcel.picked_up': t('LOW'),
      'order.confirmed': t('MID'),
      'parcel.failed': t('TOP'),
      'order.expiring': t('TOP'),
      'order.cancelled': t('HIGH'),
      'medicine.quoted': t('MED'),
    };
    expect(templatesToAsk('order', templates)).toEqual(['TOP', 'HIGH', 'MID']);
    expect(templatesToAsk('medicine', templates)).toEqual(['MED']);
    expect(templatesToAsk('duty', templates)).toEqual([]);
  });
});
