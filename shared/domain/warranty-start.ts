import { say, type Explanation } from './warranty-explain';
import type { StartBasis, UnitWarrantyFacts, WarrantyStart } from './warranty-types';

/**
 * When the policy's own date is missing, the nearest date from the site is used: acceptance and
 * installation stand in for each other (both mark the unit going into service), then purchase.
 */
const FALLBACKS: Record<StartBasis, StartBasis[]> = {
  acceptance: ['acceptance', 'install', 'purchase'],
  install: ['install', 'acceptance', 'purchase'],
  purchase: ['purchase'],
};

/** The day the terms count from, and in words which date was used and why. */
export function warrantyStart(unit: UnitWarrantyFacts, basis: StartBasis): WarrantyStart {
  const reasons: Explanation[] = [];
  for (const candidate of FALLBACKS[basis]) {
    if (candidate === 'purchase') return fromPurchase(unit, reasons);
    const date = candidate === 'acceptance' ? unit.acceptanceDate : unit.installDate;
    if (date) {
      reasons.push(say(candidate === 'acceptance' ? 'warranty.start.fromAcceptance' : 'warranty.start.fromInstall', { date }));
      return { basis: candidate, date, reasons };
    }
    reasons.push(say(candidate === 'acceptance' ? 'warranty.start.noAcceptanceDate' : 'warranty.start.noInstallDate'));
  }
  return { basis: null, date: null, reasons };
}

/** Products count from the invoice date; without an invoice, from the production date. */
function fromPurchase(unit: UnitWarrantyFacts, reasons: Explanation[]): WarrantyStart {
  const { purchaseDate, productionDate, hasInvoice } = unit;
  if (purchaseDate && hasInvoice) {
    reasons.push(say('warranty.start.fromPurchase', { date: purchaseDate }));
    return { basis: 'purchase', date: purchaseDate, reasons };
  }
  if (productionDate) {
    if (purchaseDate) reasons.push(say('warranty.start.noInvoice', { date: productionDate }));
    else reasons.push(say('warranty.start.noPurchaseDate'), say('warranty.start.fromProduction', { date: productionDate }));
    return { basis: 'production', date: productionDate, reasons };
  }
  if (purchaseDate) {
    // The customer's word is all there is; counting from it beats refusing at the counter.
    reasons.push(say('warranty.start.purchaseUnproven', { date: purchaseDate }));
    return { basis: 'purchase', date: purchaseDate, reasons };
  }
  reasons.push(say('warranty.start.unknown'));
  return { basis: null, date: null, reasons };
}
