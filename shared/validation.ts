import type { z } from 'zod';
import type { Message } from './result';

/**
 * Schemas carry catalog keys (`validation.*`, `<domain>.errors.*`) as their messages; zod's own English messages
 * are mapped to keys here, so the form and the backend show the same translated sentence.
 */
/** A catalog key a schema wrote: `validation.*`, or a domain's own `<domain>.errors.*`. */
const CATALOG_KEY = /^(validation\.[A-Za-z.]+|[A-Za-z]+\.errors\.[A-Za-z]+)$/;

export function issueMessage(issue: z.core.$ZodIssue): Message {
  if (CATALOG_KEY.test(issue.message)) {
    // A custom issue may carry the values its sentence names (the date, the days in its month).
    const params = issue.code === 'custom' ? (issue.params as Message['params']) : undefined;
    return params ? { key: issue.message, params } : { key: issue.message };
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.tooShort', params: { min: Number(issue.minimum) } };
      }
      return { key: 'validation.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'validation.tooLong', params: { max: Number(issue.maximum) } }
        : { key: 'validation.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? { key: 'validation.required' }
        : { key: 'validation.invalidType' };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField', params: { fields: issue.keys.join(', ') } };
    default:
      return { key: 'validation.invalid' };
  }
}

export function fieldErrors(error: z.ZodError): Record<string, Message[]> {
  const out: Record<string, Message[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    (out[path] ??= []).push(issueMessage(issue));
  }
  return out;
}
