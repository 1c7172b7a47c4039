import { todayIso } from '../../../../shared/domain/dates';
import type { VisitKind } from '../../../../shared/domain/visit-plan';
import { manualBody, type ManualVersionUsed } from '../../../../shared/schemas/manual';
import type { Unit } from '../../../../shared/schemas/unit';
import type { ServiceContext } from '../../app/context';
import type { ManualModel, ManualSnapshot, ManualUnit } from '../../documents/manual/manual-data';
import { settingsForPaper } from '../archive/archive';
import { getCustomer } from '../customers/customers';
import { getInstallation } from '../installations/installations';
import { checklistForUnits } from '../maintenance/checklists';
import { defaultServiceLevel, listServiceLevels } from '../service-desk/service-levels';
import { getUnit } from '../units/units';
import { contentForModel } from './content';
import { unitSetValues } from './values';

/** The maintenance contract a unit is under on `day` (the latest-starting one not cancelled), with its visits. */
async function scheduleOf(ctx: ServiceContext, unit: Unit, day: string, checklists: Awaited<ReturnType<typeof checklistForUnits>>): Promise<ManualUnit['schedule']> {
  const contract = await ctx.db
    .selectFrom('maintenance_contracts as c')
    .innerJoin('contract_units as cu', 'cu.contract_id', 'c.id')
    .select(['c.id', 'c.number', 'c.starts_on', 'c.ends_on'])
    .where('cu.unit_id', '=', unit.id)
    .where('c.cancelled_at', 'is', null)
    .where('c.ends_on', '>=', day)
    .orderBy('c.starts_on', 'asc')
    .executeTakeFirst();
  if (!contract) return null;
  const visits = await ctx.db
    .selectFrom('visits')
    .select(['kind', 'due_on'])
    .where('contract_id', '=', contract.id)
    .where((eb) => eb.or([eb('unit_id', 'is', null), eb('unit_id', '=', unit.id)]))
    .where('status', '!=', 'cancelled')
    .orderBy('due_on')
    .execute();
  const checklist = checklists.get(unit.id) ?? null;
  return {
    contractNumber: contract.number,
    startsOn: contract.starts_on,
    endsOn: contract.ends_on,
    visits: visits.map((v) => ({ kind: v.kind as VisitKind, dueOn: v.due_on })),
    checklist: checklist?.name ?? null,
    items: checklist?.items ?? [],
  };
}

/** Parts whose "fits" names one of the models (as typed in the catalogue: "KFR-35GW, KFR-26GW"). */
async function partsFor(ctx: ServiceContext, models: string[]): Promise<ManualSnapshot['parts']> {
  const parts = await ctx.db.selectFrom('parts').select(['part_number', 'name', 'fits']).where('active', '=', 1).orderBy('part_number').execute();
  const wanted = models.map((m) => m.toLowerCase());
  return parts
    .filter((p) => p.fits.split(/[,，、;；/\s]+/).some((f) => f.length > 0 && wanted.some((m) => m === f.toLowerCase() || m.startsWith(f.toLowerCase()))))
    .map((p) => ({ partNumber: p.part_number, name: p.name, fits: p.fits }));
}

/**
 * What a site's manual is printed from, decided here once: the customer and the site, each unit
 * with its dates, set values, warranty per component and maintenance schedule, each model's
 * content at its current version (its own, else its category's, else none), the parts that fit,
 * and the service promises. Kept with the issued manual, so a reprint prints the same.
 */
export async function manualSnapshot(ctx: ServiceContext, installationId: number): Promise<{ snapshot: ManualSnapshot; versions: ManualVersionUsed[] }> {
  const installation = await getInstallation(ctx, installationId);
  const day = todayIso(ctx.now());
  const [customer, settings] = await Promise.all([getCustomer(ctx, installation.customerId), settingsForPaper(ctx)]);
  const units: Unit[] = [];
  for (const u of installation.units) units.push(await getUnit(ctx, u.id));
  const checklists = await checklistForUnits(ctx.db, units.map((u) => u.id));
  const manualUnits: ManualUnit[] = [];
  for (const unit of units) {
    const english = new Map(unit.policy.components.map((c) => [c.key, c.nameEn ?? null]));
    manualUnits.push({
      modelId: unit.modelId,
      brand: unit.brand,
      model: unit.model,
      category: unit.category,
      serial: unit.serial,
      locationNote: unit.locationNote,
      installDate: unit.installDate,
      acceptanceDate: unit.acceptanceDate,
      values: await unitSetValues(ctx, unit.id),
      warranty: unit.warranty.components.map((c) => ({ name: c.name, nameEn: english.get(c.key) ?? null, months: c.months, end: c.end, state: c.state })),
      schedule: await scheduleOf(ctx, unit, day, checklists),
    });
  }
  const models: ManualModel[] = [];
  const versions: ManualVersionUsed[] = [];
  for (const unit of units) {
    if (models.some((m) => m.modelId === unit.modelId)) continue;
    const label = `${unit.brand} ${unit.model}`;
    const found = await contentForModel(ctx.db, { id: unit.modelId, category: unit.category });
    const row = found ? await ctx.db.selectFrom('manual_content_versions').select('body').where('id', '=', found.versionId).executeTakeFirstOrThrow() : null;
    models.push({ modelId: unit.modelId, label, source: found?.source ?? 'none', version: found?.version ?? null, body: row ? manualBody.parse(JSON.parse(row.body)) : null });
    versions.push({ modelId: unit.modelId, modelLabel: label, source: found?.source ?? 'none', contentId: found?.contentId ?? null, versionId: found?.versionId ?? null, version: found?.version ?? null });
  }
  // The promises printed are the level the site's contract gives, else the desk's default.
  const levelId = (await ctx.db
    .selectFrom('maintenance_contracts as c')
    .innerJoin('contract_units as cu', 'cu.contract_id', 'c.id')
    .select('c.service_level_id')
    .where('cu.unit_id', 'in', units.length > 0 ? units.map((u) => u.id) : [0])
    .where('c.cancelled_at', 'is', null)
    .where('c.service_level_id', 'is not', null)
    .orderBy('c.starts_on', 'desc')
    .executeTakeFirst())?.service_level_id;
  const level = (levelId ? (await listServiceLevels(ctx)).find((l) => l.id === levelId) : null) ?? (await defaultServiceLevel(ctx));
  return {
    snapshot: {
      settings,
      customer: { name: customer.name, phone: customer.phone || null, address: customer.address },
      installation: { number: installation.number, siteAddress: installation.siteAddress, appointmentOn: installation.appointmentOn, acceptedOn: installation.acceptedOn },
      units: manualUnits,
      models,
      parts: await partsFor(ctx, [...new Set(units.map((u) => u.model))]),
      serviceLevel: level?.terms ?? null,
    },
    versions,
  };
}
