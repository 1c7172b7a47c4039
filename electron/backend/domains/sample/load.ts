import type { z } from 'zod';
import { addDays, addMonths, localDay, localMoment } from '../../../../shared/domain/dates';
import { translator } from '../../../../shared/i18n';
import { customerCreateInput } from '../../../../shared/schemas/customer';
import { settingsUpdateInput } from '../../../../shared/schemas/settings';
import { partCreateInput, technicianCreateInput } from '../../../../shared/schemas/resources';
import { manualContentSaveInput } from '../../../../shared/schemas/manual';
import { modelCreateInput } from '../../../../shared/schemas/product';
import type { SampleStatus, sampleLoadInput } from '../../../../shared/schemas/sample';
import { complaintCreateInput } from '../../../../shared/schemas/service';
import {
  callbackRecordInput,
  ticketAppointInput,
  ticketAssignInput,
  ticketChargesInput,
  ticketCreateInput,
  ticketPartInput,
  ticketTransitionInput,
  ticketWorkInput,
} from '../../../../shared/schemas/ticket';
import { unitCreateInput } from '../../../../shared/schemas/unit';
import type { ServiceContext } from '../../app/context';
import { inOneTransaction } from '../../app/one-transaction';
import type { Db } from '../../db/schema';
import type { SampleTable } from '../../db/tables/registry';
import { refusal } from '../../lib/errors';
import { updateSettings } from '../admin/settings';
import { createCustomer } from '../customers/customers';
import { getManualContent, saveManualContent } from '../manuals/content';
import { SAMPLE_MANUAL_CONTENT } from '../manuals/sample-content';
import { addPresets } from '../products/presets';
import { createModel, findModel } from '../products/products';
import { createComplaint } from '../service-desk/complaints';
import { recordCallback } from '../service-desk/callbacks';
import { createPart } from '../stock/parts';
import { createTechnician } from '../stock/technicians';
import { appointTicket, assignTicket, recordWork, transitionTicket } from '../tickets/flow';
import { addPart, setCharges } from '../tickets/parts-charges';
import { createTicket } from '../tickets/tickets';
import { createUnit, getUnit } from '../units/units';
import { SAMPLE_CUSTOMERS, SAMPLE_MODELS, SAMPLE_PARTS, SAMPLE_PRESETS, SAMPLE_TECHNICIANS, SAMPLE_UNITS, type SampleModelKey } from './content';
import { sampleStatus } from './status';

const MINUTE = 60_000;
const keysOf = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as K[];

async function mark(db: Db, table: SampleTable, id: number): Promise<void> {
  await db.insertInto('sample_records').values({ table_name: table, row_id: id }).execute();
}

/**
 * Loads the sample set through the desk's own services (every rule they check, every search key
 * and audit row they write), as one transaction: all of it or none. Its clock is moved back for
 * the older tickets, so their times, deadlines and callbacks read as real ones would.
 */
export async function loadSample(ctx: ServiceContext, input: z.output<typeof sampleLoadInput>): Promise<SampleStatus> {
  const t = translator(input.language);
  const d = (key: string) => t(`sample.data.${key}`);
  const now = ctx.now();
  const today = localDay(now);
  const dayAt = (daysAgo: number, time: string) => new Date(localMoment(addDays(today, -daysAgo), time));
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);

  await inOneTransaction(ctx, async (at) => {
    const c = at();
    const db = c.db;
    if ((await db.selectFrom('sample_records').select('row_id').limit(1).executeTakeFirst()) !== undefined) {
      throw refusal('CONFLICT', 'sample.errors.alreadyLoaded');
    }

    for (const policy of await addPresets(c, { language: input.language, ids: [...SAMPLE_PRESETS] })) await mark(db, 'warranty_policies', policy.id);
    const presetNames = new Map(SAMPLE_PRESETS.map((id) => [id, t(`setup.presets.${id}.name`)]));
    const policies = new Map((await db.selectFrom('warranty_policies').select(['id', 'name']).execute()).map((p) => [p.name, p.id]));

    const models = new Map<SampleModelKey, number>();
    for (const key of keysOf(SAMPLE_MODELS)) {
      const spec = SAMPLE_MODELS[key];
      const brand = d(`brands.${key}`);
      // A model the desk already has is used as it is, and stays when the sample goes.
      const existing = await findModel(db, brand, spec.model);
      if (existing) {
        models.set(key, existing.id);
        continue;
      }
      const policyId = policies.get(presetNames.get(spec.preset)!)!;
      const model = await createModel(c, modelCreateInput.parse({ brand, model: spec.model, category: d(`categories.${spec.category}`), policyId }));
      models.set(key, model.id);
      await mark(db, 'product_models', model.id);
    }

    // Manual content for the sample's categories, so a manual issued for a sample site has its
    // chapters; never over content the desk already has for a category.
    for (const key of new Set(Object.values(SAMPLE_MODELS).map((m) => m.category))) {
      const category = d(`categories.${key}`);
      const own = await getManualContent(c, { modelId: null, category }, db);
      if (own.contentId !== null) continue;
      const saved = await saveManualContent(c, manualContentSaveInput.parse({ modelId: null, category, body: SAMPLE_MANUAL_CONTENT[key] }));
      await mark(db, 'manual_contents', saved.contentId!);
    }

    const customers = new Map<string, number>();
    for (const key of keysOf(SAMPLE_CUSTOMERS)) {
      const spec = SAMPLE_CUSTOMERS[key];
      const words = (field: string) => (t(`sample.data.customers.${key}.${field}`, { defaultValue: '' }) as string) || undefined;
      const customer = await createCustomer(
        c,
        customerCreateInput.parse({
          kind: spec.kind,
          name: words('name'),
          region: spec.region,
          phones: spec.phones.map((phone, i) => ({ phone, label: i === 0 ? (words('phoneLabel') ?? d('mobile')) : d('home') })),
          addresses: [{ address: words('address'), isDefault: true }],
          contacts: spec.contactPhone ? [{ name: words('contact'), role: words('role'), phone: spec.contactPhone }] : [],
          tags: [d('tag')],
          note: words('note'),
        }),
      );
      customers.set(key, customer.id);
      await mark(db, 'customers', customer.id);
    }

    const units = new Map<string, number>();
    for (const key of keysOf(SAMPLE_UNITS)) {
      const spec = SAMPLE_UNITS[key];
      const bought = addMonths(today, -spec.boughtMonthsAgo);
      const accepted = spec.acceptedMonthsAgo === undefined ? undefined : addMonths(today, -spec.acceptedMonthsAgo);
      const unit = await createUnit(
        c,
        unitCreateInput.parse({
          customerId: customers.get(spec.customer)!,
          modelId: models.get(spec.model)!,
          serial: spec.serial,
          purchaseDate: bought,
          installDate: accepted,
          acceptanceDate: accepted,
          locationNote: d(`units.${key}`),
        }),
      );
      units.set(key, unit.id);
      await mark(db, 'units', unit.id);
    }

    const technicians = new Map<string, number>();
    for (const key of keysOf(SAMPLE_TECHNICIANS)) {
      const technician = await createTechnician(
        c,
        technicianCreateInput.parse({ name: d(`technicians.${key}.name`), phone: SAMPLE_TECHNICIANS[key].phone, skills: d(`technicians.${key}.skills`).split(',') }),
      );
      technicians.set(key, technician.id);
      await mark(db, 'technicians', technician.id);
    }

    const parts = new Map<string, number>();
    for (const key of keysOf(SAMPLE_PARTS)) {
      const spec = SAMPLE_PARTS[key];
      const part = await createPart(c, partCreateInput.parse({ ...spec, name: d(`parts.${key}.name`), location: d(`parts.${key}.location`), componentKey: 'accessories' }));
      parts.set(key, part.id);
      await mark(db, 'parts', part.id);
    }

    // Tickets oldest first, so their numbers rise with their dates.
    const ticketOn = async (when: Date, unit: string, fault: string, extra: Partial<z.input<typeof ticketCreateInput>> = {}) => {
      const unitId = units.get(unit)!;
      const owner = await getUnit(c, unitId);
      const ticket = await createTicket(at(when), ticketCreateInput.parse({ customerId: owner.customerId, unitId, faultReported: d(`tickets.${fault}.fault`), ...extra }));
      await mark(db, 'tickets', ticket.id);
      return ticket.id;
    };
    const move = (when: Date, id: number, to: z.input<typeof ticketTransitionInput>['to']) => transitionTicket(at(when), ticketTransitionInput.parse({ id, to }));
    const assign = (when: Date, id: number, technician: string) => assignTicket(at(when), ticketAssignInput.parse({ id, technicianIds: [technicians.get(technician)!], leadId: technicians.get(technician)! }));

    // Closed a week ago: a disk replaced under warranty, the customer called back and pleased.
    const nvr = await ticketOn(dayAt(8, '09:30'), 'qimingNvr', 'nvr', { faultCategory: 'software', severity: 'major' });
    await move(dayAt(8, '09:40'), nvr, 'answered');
    await assign(dayAt(8, '09:45'), nvr, 'chen');
    await appointTicket(at(dayAt(8, '09:50')), ticketAppointInput.parse({ id: nvr, date: localDay(dayAt(7, '12:00')), from: '14:00', to: '16:00' }));
    await move(dayAt(7, '13:10'), nvr, 'dispatched');
    await move(dayAt(7, '14:20'), nvr, 'onSite');
    await recordWork(at(dayAt(7, '15:20')), ticketWorkInput.parse({ id: nvr, diagnosis: d('tickets.nvr.diagnosis'), action: d('tickets.nvr.action'), onSiteMinutes: 70 }));
    await addPart(at(dayAt(7, '15:25')), ticketPartInput.parse({ id: nvr, partId: parts.get('disk')!, quantity: 1 }));
    await move(dayAt(7, '15:30'), nvr, 'resolved');
    await recordCallback(at(dayAt(6, '10:05')), callbackRecordInput.parse({ ticketId: nvr, reached: true, satisfaction: 5, comments: d('tickets.nvr.comment') }));
    await move(dayAt(6, '10:06'), nvr, 'closed');

    // Fixed out of warranty and paid three days ago: the callback (three days after, by default) is due today.
    const remote = await ticketOn(dayAt(3, '10:00'), 'liAircon', 'remote', { faultCategory: 'electrical' });
    await move(dayAt(3, '10:05'), remote, 'answered');
    await assign(dayAt(3, '10:10'), remote, 'wang');
    await move(dayAt(3, '13:00'), remote, 'dispatched');
    await move(dayAt(3, '14:00'), remote, 'onSite');
    await recordWork(at(dayAt(3, '14:30')), ticketWorkInput.parse({ id: remote, diagnosis: d('tickets.remote.diagnosis'), action: d('tickets.remote.action'), onSiteMinutes: 30 }));
    await addPart(at(dayAt(3, '14:32')), ticketPartInput.parse({ id: remote, partId: parts.get('remote')!, quantity: 1 }));
    await setCharges(
      at(dayAt(3, '14:35')),
      ticketChargesInput.parse({ id: remote, labour: [{ name: d('tickets.remote.labour'), amountFen: 5000, quantity: 1 }], travelFen: 0, discountFen: 0, paidFen: 13000, paymentMethod: 'wechat', lifetimeMaintenance: false }),
    );
    await move(dayAt(3, '14:40'), remote, 'resolved');

    // Today: a lift with a technician on the way, a projector booked for tomorrow, a call just in.
    const lift = await ticketOn(ago(150), 'hotelElevator', 'elevator', { faultCategory: 'noise', severity: 'major' });
    await move(ago(145), lift, 'answered');
    await assign(ago(140), lift, 'li');
    await move(ago(135), lift, 'dispatched');
    const projector = await ticketOn(ago(60), 'schoolProjector1', 'projector', { faultCategory: 'display' });
    await move(ago(55), projector, 'answered');
    await assign(ago(52), projector, 'chen');
    await appointTicket(at(ago(50)), ticketAppointInput.parse({ id: projector, date: localDay(dayAt(-1, '12:00')), from: '09:00', to: '11:00' }));
    await ticketOn(ago(10), 'zhangAircon', 'aircon', { faultCategory: 'notCooling' });

    const complaint = await createComplaint(
      at(ago(30)),
      complaintCreateInput.parse({ channel: 'phone', content: d('complaint'), customerId: customers.get('li')!, ticketId: remote }),
    );
    await mark(db, 'complaints', complaint.id);
    // The desk is in use from here: removing the sample later must not bring the first start back.
    await updateSettings(c, settingsUpdateInput.parse({ setupDone: true }));
  });
  return sampleStatus(ctx);
}
