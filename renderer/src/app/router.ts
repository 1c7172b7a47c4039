import { useCallback, useSyncExternalStore } from 'react';

/**
 * The app's places, kept in the URL hash so a reload lands where the clerk was. No router
 * library: a handful of sections do not need one.
 */
export type Route =
  | { section: 'desk' }
  | { section: 'tickets' }
  | { section: 'ticket'; id: number }
  | { section: 'maintenance' }
  | { section: 'contract'; id: number }
  | { section: 'visit'; id: number }
  | { section: 'technicians' }
  | { section: 'parts' }
  | { section: 'complaints' }
  | { section: 'customers' }
  | { section: 'customer'; id: number }
  | { section: 'unit'; id: number }
  | { section: 'products' }
  | { section: 'documents' }
  | { section: 'import' }
  | { section: 'settings' }
  | { section: 'audit' }
  | { section: 'calls' }
  | { section: 'installations' }
  | { section: 'installation'; id: number }
  | { section: 'manuals' }
  | { section: 'reports' }
  | { section: 'settle' };

function recordId(part: string | undefined): number | null {
  const id = Number(part);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const id = recordId(parts[1]);
  switch (parts[0]) {
    case 'desk':
      return { section: 'desk' };
    case 'tickets':
      return id ? { section: 'ticket', id } : { section: 'tickets' };
    case 'maintenance':
      return id ? { section: 'contract', id } : { section: 'maintenance' };
    case 'visit':
      return id ? { section: 'visit', id } : { section: 'maintenance' };
    case 'technicians':
      return { section: 'technicians' };
    case 'parts':
      return { section: 'parts' };
    case 'complaints':
      return { section: 'complaints' };
    case 'customers':
      return id ? { section: 'customer', id } : { section: 'customers' };
    case 'units':
      return id ? { section: 'unit', id } : { section: 'customers' };
    case 'products':
      return { section: 'products' };
    case 'documents':
      return { section: 'documents' };
    case 'import':
      return { section: 'import' };
    case 'settings':
      return { section: 'settings' };
    case 'audit':
      return { section: 'audit' };
    case 'calls':
      return { section: 'calls' };
    case 'installations':
      return id ? { section: 'installation', id } : { section: 'installations' };
    case 'manuals':
      return { section: 'manuals' };
    case 'reports':
      return { section: 'reports' };
    case 'settle':
      return { section: 'settle' };
    default:
      return { section: 'desk' };
  }
}

export function routeHash(route: Route): string {
  switch (route.section) {
    case 'customer':
      return `#/customers/${route.id}`;
    case 'unit':
      return `#/units/${route.id}`;
    case 'ticket':
      return `#/tickets/${route.id}`;
    case 'contract':
      return `#/maintenance/${route.id}`;
    case 'visit':
      return `#/visit/${route.id}`;
    case 'installation':
      return `#/installations/${route.id}`;
    default:
      return `#/${route.section}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const go = useCallback((route: Route) => navigate(route), []);
  return [parseRoute(hash), go];
}
