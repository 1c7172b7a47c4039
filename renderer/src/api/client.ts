import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Api, ApiError, Channel, InputOf, OutputOf, Result } from '../../../shared/contract';

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

export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const fn = window.api[channel] as unknown as (i: InputOf<C>) => Promise<Result<OutputOf<C>>>;
  const result = await fn(input);
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

/** A write; on success every query of the listed domains (e.g. 'customers') is refetched. */
export function useApiMutation<C extends Channel>(channel: C, invalidates: string[] = []) {
  const client = useQueryClient();
  return useMutation<OutputOf<C>, ApiCallError, InputOf<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: async () => {
      await client.invalidateQueries({
        predicate: (q) => invalidates.some((domain) => String(q.queryKey[0]).startsWith(`${domain}:`)),
      });
    },
  });
}
