import { useCallback, useSyncExternalStore } from 'react';

/**
 * The app's places, kept in the URL hash so a reload lands where the clerk was. No router
 * library: four sections do not need one.
 */
export type Route =
  | { section: 'customers' }
  | { section: 'customer'; id: number }
  | { section: 'documents' }
  | { section: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  switch (parts[0]) {
    case 'customers': {
      const id = Number(parts[1]);
      return Number.isInteger(id) && id > 0 ? { section: 'customer', id } : { section: 'customers' };
    }
    case 'documents':
      return { section: 'documents' };
    case 'settings':
      return { section: 'settings' };
    default:
      return { section: 'customers' };
  }
}

export function routeHash(route: Route): string {
  return route.section === 'customer' ? `#/customers/${route.id}` : `#/${route.section}`;
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
