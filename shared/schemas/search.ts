import { z } from 'zod';
import type { WarrantyEvaluation } from '../domain/warranty-engine';
import type { TicketStatus } from '../domain/ticket-status';
import type { ContractState } from '../domain/contract-state';
import type { VisitKind } from '../domain/visit-plan';
import type { InstallationStatus } from './installation';
import type { Region } from './customer';
import type { VisitStatus } from './maintenance';
import type { TicketRow } from './ticket';

/** An open repair at a glance: the caller is often ringing about it. */
export type OpenTicketGlance = Pick<TicketRow, 'id' | 'number' | 'status' | 'technicians' | 'worst'>;

export const searchInput = z.strictObject({
  query: z.string().trim().min(1).max(100),
  limit: z.number().int().min(1).max(50).default(20),
});

export type SearchHit =
  | {
      kind: 'customer';
      id: number;
      name: string;
      phone: string;
      region: Region;
      archived: boolean;
      /** Each unit's warranty state, for a glance at the caller's equipment. */
      units: { id: number; label: string; summary: WarrantyEvaluation['summary'] }[];
      /** The newest few open tickets, and how many are open in all. */
      openTickets: OpenTicketGlance[];
      openCount: number;
    }
  | {
      kind: 'unit';
      id: number;
      brand: string;
      model: string;
      serial: string;
      customerId: number;
      customerName: string;
      summary: WarrantyEvaluation['summary'];
      end: string | null;
      /** The newest few open tickets, and how many are open in all. */
      openTickets: OpenTicketGlance[];
      openCount: number;
    }
  | { kind: 'document'; id: number; number: string; title: string; documentKind: string }
  | { kind: 'ticket'; id: number; number: string; status: TicketStatus; customerName: string; unitLabel: string; technicians: string[] }
  | { kind: 'visit'; id: number; number: string; visitKind: VisitKind; dueOn: string; status: VisitStatus; customerName: string; contractNumber: string | null }
  | { kind: 'contract'; id: number; number: string; state: ContractState; startsOn: string; endsOn: string; customerName: string; unitCount: number }
  | { kind: 'installation'; id: number; number: string; status: InstallationStatus; appointmentOn: string; customerName: string; unitCount: number };
