import { type GeneratedDocument } from '../schemas/document';
import {
  acceptanceCertificateInput,
  cardIssueInput,
  installationAcceptInput,
  installationCreateInput,
  installationIdInput,
  installationListInput,
  installationNoticeInput,
  installationTrialInput,
  installationUpdateInput,
  slipReturnInput,
  slipScanInput,
  unitCardsInput,
  type Installation,
  type InstallationDesk,
  type InstallationSummary,
  type WarrantyCardLife,
} from '../schemas/installation';
import { none, read, returns, write, type QueryDomain } from './channel';

/** What an installation may show on: its list, the Desk's notices, the units it accepts. */
const INSTALLATION_VIEWS: QueryDomain[] = ['installations', 'desk', 'units', 'customers', 'search'];
/** What a card's life shows on: the unit page and the Desk's lists. */
const CARD_VIEWS: QueryDomain[] = ['cards', 'installations', 'desk', 'units', 'documents'];

/** Installation jobs (安装) to acceptance (验收), and the warranty card's life after it is printed. */
export const installationChannels = {
  'installations:list': read(installationListInput, returns<InstallationSummary[]>()),
  'installations:get': read(installationIdInput, returns<Installation>()),
  'installations:create': write(installationCreateInput, returns<Installation>(), { refreshes: INSTALLATION_VIEWS }),
  'installations:update': write(installationUpdateInput, returns<Installation>(), { refreshes: INSTALLATION_VIEWS }),
  'installations:notice': write(installationNoticeInput, returns<Installation>(), { refreshes: INSTALLATION_VIEWS }),
  'installations:trial': write(installationTrialInput, returns<Installation>(), { refreshes: INSTALLATION_VIEWS }),
  // One step: who accepted and when, every unit's acceptance date (its warranty start) with it.
  'installations:accept': write(installationAcceptInput, returns<Installation>(), { refreshes: [...INSTALLATION_VIEWS, 'documents'] }),
  'installations:cancel': write(installationIdInput, returns<Installation>(), { refreshes: INSTALLATION_VIEWS }),
  'installations:desk': read(none, returns<InstallationDesk>()),
  'documents:acceptanceCertificate': write(acceptanceCertificateInput, returns<GeneratedDocument>(), { refreshes: ['documents', 'search'] }),
  'cards:ofUnit': read(unitCardsInput, returns<WarrantyCardLife[]>()),
  'cards:issue': write(cardIssueInput, returns<WarrantyCardLife>(), { refreshes: CARD_VIEWS }),
  'cards:slipBack': write(slipReturnInput, returns<WarrantyCardLife>(), { refreshes: CARD_VIEWS }),
  // What a 2D scanner typed from the slip's QR code: the card's number.
  'cards:scanSlip': write(slipScanInput, returns<WarrantyCardLife>(), { refreshes: CARD_VIEWS }),
};
