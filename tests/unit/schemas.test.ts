import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../shared/schemas/common';
import { customerCreateInput } from '../../shared/schemas/customer';
import { unitCreateInput } from '../../shared/schemas/unit';
import { ticketCreateInput } from '../../shared/schemas/ticket';
import { translator } from '../../shared/i18n';
import { fieldErrors } from '../../shared/validation';

describe('phone numbers as the desk types them', () => {
  it.each([
    ['138 1234 5678', '13812345678', true],
    ['138-1234-5678', '13812345678', true],
    ['0571-88886666', '0571-88886666', true],
    ['010-12345678-123', '010-12345678-123', true],
    ['400-800-1234', '4008001234', true],
    ['1381234567', '1381234567', false],
    ['12812345678', '12812345678', false],
    ['88886666', '88886666', false],
    ['abc', 'abc', false],
  ])('%s → %s (valid: %s)', (typed, stored, valid) => {
    expect(normalizePhone(typed)).toBe(stored);
    const parsed = customerCreateInput.safeParse({ name: '张三', phones: [{ phone: typed }] });
    expect(parsed.success).toBe(valid);
    if (parsed.success) expect(parsed.data.phones[0]!.phone).toBe(stored);
    else expect(fieldErrors(parsed.error)['phones.0.phone']).toEqual([{ key: 'validation.phone' }]);
  });
});

describe('customer and unit inputs', () => {
  it('trims names and turns empty optional text into null', () => {
    const parsed = customerCreateInput.parse({ name: '  张三  ', phones: [{ phone: '13812345678', label: ' ' }], note: '' });
    expect(parsed).toEqual({
      kind: 'person',
      name: '张三',
      region: 'urban',
      phones: [{ phone: '13812345678', label: null }],
      addresses: [],
      contacts: [],
      tags: [],
      note: null,
    });
  });
  it('names each bad field with a catalog key', () => {
    const parsed = customerCreateInput.safeParse({ name: ' ', phones: [{ phone: '123' }], extra: 1 });
    expect(parsed.success).toBe(false);
    const fields = fieldErrors(parsed.error!);
    expect(fields.name).toEqual([{ key: 'validation.required' }]);
    expect(fields['phones.0.phone']).toEqual([{ key: 'validation.phone' }]);
    expect(fields['']).toEqual([{ key: 'validation.unknownField', params: { fields: 'extra' } }]);
  });
  const unit = { customerId: 1, modelId: 1, serial: 'GL001', purchaseDate: '2026-03-01' };
  it('accepts a unit without acceptance date', () => {
    expect(unitCreateInput.parse(unit).acceptanceDate).toBeNull();
  });
  it('refuses acceptance before purchase, on the acceptance field', () => {
    const parsed = unitCreateInput.safeParse({ ...unit, acceptanceDate: '2026-02-28' });
    expect(fieldErrors(parsed.error!).acceptanceDate).toEqual([{ key: 'validation.acceptanceBeforePurchase' }]);
  });
  it('refuses impossible dates, future purchases and spaced serials', () => {
    const bad = unitCreateInput.safeParse({ ...unit, purchaseDate: '2026-02-30', serial: 'GL 001' });
    const fields = fieldErrors(bad.error!);
    expect(fields.purchaseDate).toEqual([{ key: 'validation.dateNoSuchDay', params: { date: '2026-02-30', month: 2, days: 28 } }]);
    expect(fields.serial).toEqual([{ key: 'validation.serialSpaces' }]);
    const future = unitCreateInput.safeParse({ ...unit, purchaseDate: '2999-01-01' });
    expect(fieldErrors(future.error!).purchaseDate).toEqual([{ key: 'validation.dateInFuture' }]);
  });
});

describe('dates the desk types on a unit (issue 13)', () => {
  const zh = translator('zh-CN');
  const en = translator('en');
  const errorsOf = (dates: Record<string, string>) => {
    const parsed = unitCreateInput.safeParse({ customerId: 1, modelId: 1, serial: 'GL2026A0001', ...dates });
    if (parsed.success) return {};
    return Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([path, messages]) => [path, messages.map((m) => zh(m.key, m.params ?? {}))]));
  };

  it('says a day not in the calendar does not exist, not that it is badly written', () => {
    expect(errorsOf({ purchaseDate: '2026-02-30' })).toEqual({ purchaseDate: ['2026-02-30 不存在：2 月只有 28 天'] });
    expect(errorsOf({ purchaseDate: '2024-02-30' })).toEqual({ purchaseDate: ['2024-02-30 不存在：2 月只有 29 天'] });
    expect(errorsOf({ purchaseDate: '2026-04-31' })).toEqual({ purchaseDate: ['2026-04-31 不存在：4 月只有 30 天'] });
    expect(errorsOf({ purchaseDate: '2026-13-01' })).toEqual({ purchaseDate: ['2026-13-01 不存在：一年只有 12 个月'] });
    expect(errorsOf({ purchaseDate: '3月1日' })).toEqual({ purchaseDate: ['日期格式不对，应为 年-月-日（如 2026-03-20）'] });
    const parsed = unitCreateInput.safeParse({ customerId: 1, modelId: 1, serial: 'A1', purchaseDate: '2026-02-30' });
    const [message] = parsed.success ? [] : fieldErrors(parsed.error).purchaseDate!;
    expect(en(message!.key, message!.params ?? {})).toBe('2026-02-30 does not exist: month 2 has only 28 days that year');
  });

  it('puts each date’s one error under its own field, never two run together', () => {
    expect(errorsOf({ purchaseDate: '2026-13-01', acceptanceDate: '2026-02-30' })).toEqual({
      purchaseDate: ['2026-13-01 不存在：一年只有 12 个月'],
      acceptanceDate: ['2026-02-30 不存在：2 月只有 28 天'],
    });
    const order = errorsOf({ purchaseDate: '2026-05-01', installDate: '2026-04-15', acceptanceDate: '2026-04-01' });
    expect(Object.keys(order).sort()).toEqual(['acceptanceDate', 'installDate']);
    expect(order.acceptanceDate).toHaveLength(1);
    expect(order.installDate).toHaveLength(1);
  });
});

describe('a choice left empty', () => {
  it('says the fault category is required, and a category that does not exist is invalid', () => {
    const errorsFor = (faultCategory: unknown) => {
      const parsed = ticketCreateInput.safeParse({ customerId: 1, unitId: 1, faultReported: '不制冷', faultCategory });
      return parsed.success ? [] : (fieldErrors(parsed.error).faultCategory ?? []);
    };
    expect(errorsFor(null)).toEqual([{ key: 'validation.required' }]);
    expect(errorsFor(undefined)).toEqual([{ key: 'validation.required' }]);
    expect(errorsFor('cracked')).toEqual([{ key: 'validation.invalid' }]);
    expect(errorsFor('notCooling')).toEqual([]);
    expect(translator('zh-CN')('validation.required')).toBe('必填');
  });
});
