import { IconBook2, IconBox, IconCalendarRepeat, IconTruckDelivery, IconFileImport, IconFileText, IconHistory, IconLayoutDashboard, IconMessageReport, IconPackage, IconSettings, IconTool, IconUserCog, IconUsers, IconChartBar, IconReceiptRefund } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Route } from './router';

/** The left navigation's places; the search box offers the same places by name. */
export type Section = 'desk' | 'customers' | 'tickets' | 'maintenance' | 'installations' | 'manuals' | 'technicians' | 'parts' | 'complaints' | 'products' | 'documents' | 'import' | 'audit' | 'settings' | 'reports' | 'settle';

export const NAV: { section: Section; icon: ReactNode }[] = [
  { section: 'desk', icon: <IconLayoutDashboard size={18} stroke={1.6} /> },
  { section: 'customers', icon: <IconUsers size={18} stroke={1.6} /> },
  { section: 'tickets', icon: <IconTool size={18} stroke={1.6} /> },
  { section: 'maintenance', icon: <IconCalendarRepeat size={18} stroke={1.6} /> },
  { section: 'installations', icon: <IconTruckDelivery size={18} stroke={1.6} /> },
  { section: 'manuals', icon: <IconBook2 size={18} stroke={1.6} /> },
  { section: 'technicians', icon: <IconUserCog size={18} stroke={1.6} /> },
  { section: 'parts', icon: <IconBox size={18} stroke={1.6} /> },
  { section: 'complaints', icon: <IconMessageReport size={18} stroke={1.6} /> },
  { section: 'products', icon: <IconPackage size={18} stroke={1.6} /> },
  { section: 'settle', icon: <IconReceiptRefund size={18} stroke={1.6} /> },
  { section: 'documents', icon: <IconFileText size={18} stroke={1.6} /> },
  { section: 'import', icon: <IconFileImport size={18} stroke={1.6} /> },
  { section: 'audit', icon: <IconHistory size={18} stroke={1.6} /> },
  { section: 'settings', icon: <IconSettings size={18} stroke={1.6} /> },
  { section: 'reports', icon: <IconChartBar size={18} stroke={1.6} /> },
];

export function sectionOf(route: Route): Section {
  if (route.section === 'customer' || route.section === 'unit') return 'customers';
  if (route.section === 'ticket') return 'tickets';
  if (route.section === 'contract' || route.section === 'visit') return 'maintenance';
  // The week's calls are the Desk's own summary.
  if (route.section === 'calls') return 'desk';
  if (route.section === 'installation') return 'installations';
  return route.section;
}

/** The catalog key naming a section (the import's and maintenance's names live with their own texts). */
export function sectionLabelKey(section: Section): string {
  if (section === 'import') return 'importer.nav';
  if (section === 'maintenance') return 'maintenance.nav';
  if (section === 'installations') return 'installations.nav';
  if (section === 'manuals') return 'manuals.nav';
  if (section === 'reports') return 'reports.nav';
  if (section === 'settle') return 'settle.screen.nav';
  return `app.nav.${section}`;
}
