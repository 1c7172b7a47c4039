import {
  exclusionInput,
  unitBySerialInput,
  unitCreateInput,
  unitGetInput,
  unitListInput,
  unitStatusInput,
  unitUpdateInput,
  type Unit,
  type UnitStatusChange,
} from '../schemas/unit';
import { read, returns, write, type QueryDomain } from './channel';

const UNIT_VIEWS: QueryDomain[] = ['units', 'customers', 'models', 'search', 'tickets'];

export const unitChannels = {
  'units:create': write(unitCreateInput, returns<Unit>(), { refreshes: UNIT_VIEWS }),
  'units:update': write(unitUpdateInput, returns<Unit>(), { refreshes: [...UNIT_VIEWS, 'documents'] }),
  'units:get': read(unitGetInput, returns<Unit>()),
  'units:listByCustomer': read(unitListInput, returns<Unit[]>()),
  'units:findBySerial': read(unitBySerialInput, returns<Unit[]>()),
  'units:setStatus': write(unitStatusInput, returns<Unit>(), { refreshes: UNIT_VIEWS }),
  'units:history': read(unitGetInput, returns<UnitStatusChange[]>()),
  'units:addExclusion': write(exclusionInput, returns<Unit>(), { refreshes: UNIT_VIEWS }),
};
