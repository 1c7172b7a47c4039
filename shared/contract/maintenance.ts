import {
  contractCancelInput,
  contractCreateInput,
  contractListInput,
  contractUpdateInput,
  visitAssignInput,
  visitCloseInput,
  visitIdInput,
  visitListInput,
  visitMoveInput,
  type ContractDetail,
  type ContractSummary,
  type Visit,
} from '../schemas/maintenance';
import { read, returns, write } from './channel';

/** What a change to contracts or visits may show on: the lists, the Desk's due visits, a technician's day. */
const VISIT_VIEWS = ['contracts', 'visits', 'desk', 'technicians'] as const;

/** Scheduled service: maintenance contracts (维保合同) and the visits their plans make. */
export const maintenanceChannels = {
  'contracts:list': read(contractListInput, returns<ContractSummary[]>()),
  'contracts:get': read(visitIdInput, returns<ContractDetail>()),
  'contracts:create': write(contractCreateInput, returns<ContractDetail>(), { refreshes: VISIT_VIEWS }),
  'contracts:update': write(contractUpdateInput, returns<ContractDetail>(), { refreshes: VISIT_VIEWS }),
  'contracts:cancel': write(contractCancelInput, returns<ContractDetail>(), { refreshes: VISIT_VIEWS }),
  'visits:list': read(visitListInput, returns<Visit[]>()),
  'visits:get': read(visitIdInput, returns<Visit>()),
  'visits:move': write(visitMoveInput, returns<Visit>(), { refreshes: VISIT_VIEWS }),
  'visits:assign': write(visitAssignInput, returns<Visit>(), { refreshes: VISIT_VIEWS }),
  'visits:close': write(visitCloseInput, returns<Visit>(), { refreshes: VISIT_VIEWS }),
};
