import i18next, { type TFunction } from 'i18next';
import { app as enApp } from './en/app';
import { common as enCommon } from './en/common';
import { print as enPrint } from './en/print';
import { warranty as enWarranty } from './en/warranty';
import { importer as enImporter } from './en/importer';
import { ticketing as enTicketing } from './en/ticketing';
import { desk as enDesk } from './en/desk';
import { tickets as enTickets } from './en/tickets';
import { stock as enStock } from './en/stock';
import { service as enService } from './en/service';
import { repairPrint as enRepairPrint } from './en/repairPrint';
import { backup as enBackup } from './en/backup';
import { security as enSecurity } from './en/security';
import { audit as enAudit } from './en/audit';
import { health as enHealth } from './en/health';
import { ticketing as zhTicketing } from './zh-CN/ticketing';
import { desk as zhDesk } from './zh-CN/desk';
import { tickets as zhTickets } from './zh-CN/tickets';
import { stock as zhStock } from './zh-CN/stock';
import { service as zhService } from './zh-CN/service';
import { repairPrint as zhRepairPrint } from './zh-CN/repairPrint';
import { backup as zhBackup } from './zh-CN/backup';
import { security as zhSecurity } from './zh-CN/security';
import { audit as zhAudit } from './zh-CN/audit';
import { health as zhHealth } from './zh-CN/health';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages';
import { background as zhBackground } from './zh-CN/background';
import { background as enBackground } from './en/background';
import { app as zhApp } from './zh-CN/app';
import { common as zhCommon } from './zh-CN/common';
import { print as zhPrint } from './zh-CN/print';
import { warranty as zhWarranty } from './zh-CN/warranty';
import { importer as zhImporter } from './zh-CN/importer';
import { setup as zhSetup } from './zh-CN/setup';
import { setup as enSetup } from './en/setup';
import { printing as zhPrinting } from './zh-CN/printing';
import { printing as enPrinting } from './en/printing';
import { sample as zhSample } from './zh-CN/sample';
import { sample as enSample } from './en/sample';
import { maintenance as zhMaintenance } from './zh-CN/maintenance';
import { maintenance as enMaintenance } from './en/maintenance';
import { inspectionPrint as zhInspectionPrint } from './zh-CN/inspectionPrint';
import { inspectionPrint as enInspectionPrint } from './en/inspectionPrint';
import { maintenancePapers as zhMaintenancePapers } from './zh-CN/maintenancePapers';
import { maintenancePapers as enMaintenancePapers } from './en/maintenancePapers';
import { renewal as zhRenewal } from './zh-CN/renewal';
import { renewal as enRenewal } from './en/renewal';
import { renewalPrint as zhRenewalPrint } from './zh-CN/renewalPrint';
import { renewalPrint as enRenewalPrint } from './en/renewalPrint';
import { inspect as zhInspect } from './zh-CN/inspect';
import { inspect as enInspect } from './en/inspect';
import { hours as zhHours } from './zh-CN/hours';
import { hours as enHours } from './en/hours';
import { review as zhReview, survey as zhSurvey } from './zh-CN/review';
import { review as enReview, survey as enSurvey } from './en/review';
import { calls as zhCalls } from './zh-CN/calls';
import { calls as enCalls } from './en/calls';
import { installations as zhInstallations } from './zh-CN/installations';
import { installations as enInstallations } from './en/installations';
import { manuals as zhManuals } from './zh-CN/manuals';
import { manuals as enManuals } from './en/manuals';
import { attachments as zhAttachments } from './zh-CN/attachments';
import { attachments as enAttachments } from './en/attachments';
import { reports as zhReports } from './zh-CN/reports';
import { reports as enReports } from './en/reports';
import { sheets as zhSheets } from './zh-CN/sheets';
import { sheets as enSheets } from './en/sheets';
import { settle as zhSettle } from './zh-CN/settle';
import { settle as enSettle } from './en/settle';
import { makerReturns as zhMakerReturns } from './zh-CN/maker-returns';
import { makerReturns as enMakerReturns } from './en/maker-returns';
import { importGuard as zhImportGuard } from './zh-CN/import-guard';
import { importGuard as enImportGuard } from './en/import-guard';

export { DEFAULT_LANGUAGE, LANGUAGES, type Language };

/** One catalog per language, one namespace: screens and paper share the same words. */
export const resources = {
  'zh-CN': { translation: { ...zhCommon, app: zhApp, print: zhPrint, warranty: zhWarranty, importer: zhImporter, ticketing: zhTicketing, desk: zhDesk, tickets: zhTickets, stock: zhStock, service: zhService, repairPrint: zhRepairPrint, backup: zhBackup, security: zhSecurity, audit: zhAudit, health: zhHealth, setup: zhSetup, printing: zhPrinting, sample: zhSample, maintenance: zhMaintenance, inspectionPrint: zhInspectionPrint, maintenancePapers: zhMaintenancePapers, renewal: zhRenewal, renewalPrint: zhRenewalPrint, inspect: zhInspect, hours: zhHours, review: zhReview, survey: zhSurvey, calls: zhCalls, installations: zhInstallations, attachments: zhAttachments, manuals: zhManuals, reports: zhReports, sheets: zhSheets, background: zhBackground, settle: zhSettle, makerReturns: zhMakerReturns, importGuard: zhImportGuard } },
  en: { translation: { ...enCommon, app: enApp, print: enPrint, warranty: enWarranty, importer: enImporter, ticketing: enTicketing, desk: enDesk, tickets: enTickets, stock: enStock, service: enService, repairPrint: enRepairPrint, backup: enBackup, security: enSecurity, audit: enAudit, health: enHealth, setup: enSetup, printing: enPrinting, sample: enSample, maintenance: enMaintenance, inspectionPrint: enInspectionPrint, maintenancePapers: enMaintenancePapers, renewal: enRenewal, renewalPrint: enRenewalPrint, inspect: enInspect, hours: enHours, review: enReview, survey: enSurvey, calls: enCalls, installations: enInstallations, attachments: enAttachments, manuals: enManuals, reports: enReports, sheets: enSheets, background: enBackground, settle: enSettle, makerReturns: enMakerReturns, importGuard: enImportGuard } },
} as const;

/** A translator bound to one language, for code outside React (documents, the backend). */
export function translator(lang: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: lang,
    fallbackLng: DEFAULT_LANGUAGE,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance.t;
}
