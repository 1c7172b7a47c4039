import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { refreshesAfter, type Api, type ApiError, type Channel, type InputOf, type OutputOf, type Result } from '../../../shared/contract';

declare global {
  interface Window {
    api: Api;
  }
}

/** A failed call, carrying the backend's coded error for the UI to translate. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

/** Asks the person for the admin PIN and unlocks the desk; true once unlocked, false if they cancel. */
export type PinPrompt = () => Promise<boolean>;

let pinPrompt: PinPrompt | null = null;
let openPrompt: Promise<boolean> | null = null;

/** The PIN modal registers itself here when it mounts; returns the unregister function. */
export function registerPinPrompt(prompt: PinPrompt): () => void {
  pinPrompt = prompt;
  return () => {
    if (pinPrompt === prompt) pinPrompt = null;
  };
}

/** Calls that hit the lock together share one prompt: the clerk types the PIN once. */
export function askForPin(): Promise<boolean> {
  const prompt = pinPrompt;
  if (!prompt) return Promise.resolve(false);
  openPrompt ??= prompt().finally(() => {
    openPrompt = null;
  });
  return openPrompt;
}

function send<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
  const fn = window.api[channel] as unknown as (i: InputOf<C>) => Promise<Result<OutputOf<C>>>;
  return fn(input);
}

/**
 * A guarded action on a locked desk asks for the admin PIN and is then sent again, once, so
 * every page's own save or delete works unchanged; cancelling the prompt fails the call as before.
 */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  let result = await send(channel, input);
  if (!result.ok && result.error.code === 'PIN_REQUIRED' && (await askForPin())) result = await send(channel, input);
  // The check that runs after the start found the file damaged and closed it: the window starts
  // over, asks health:status first as at every start, and opens on the recovery screen.
  if (!result.ok && result.error.code === 'DB_DAMAGED' && result.error.details.message?.key === 'health.errors.notOpen') window.location.reload();
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as OutputOf<C>;
}

/** Query keys start with the channel name, so a mutation can invalidate a whole domain. */
export function useApiQuery<C extends Channel>(
  channel: C,
  input: InputOf<C>,
  options: Omit<UseQueryOptions<OutputOf<C>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<C>, ApiCallError>({
    queryKey: [channel, input],
    queryFn: () => call(channel, input),
    ...options,
  });
}

/**
 * A write; on success every query of the domains the contract says it changes (e.g. `customers`)
 * is refetched, so no page has to remember what else shows the record it saved.
 */
export function useApiMutation<C extends Channel>(channel: C) {
  const client = useQueryClient();
  return useMutation<OutputOf<C>, ApiCallError, InputOf<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: async () => {
      const domains = refreshesAfter(channel);
      if (domains.length === 0) return;
      await client.invalidateQueries({
        predicate: (q) => domains.some((domain) => String(q.queryKey[0]).startsWith(`${domain}:`)),
      });
    },
  });
}
