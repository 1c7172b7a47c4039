import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { isIsoDate } from '../../../shared/domain/dates';
import { tidyDate } from '../lib/dates';

interface Props {
  label: string;
  value: string | null;
  onChange: (day: string | null) => void;
  /** The hint on hover (the ways a day may be typed) and the message for one that is not a day. */
  hint: string;
  invalid: string;
  width: number;
}

/** A filter's day, typed the way the desk writes it (2026/3/1, 20260301 ...): applied once it reads as a date, flagged otherwise. */
export function DayInput({ label, value, onChange, hint, invalid, width }: Props) {
  const [typed, setTyped] = useState(value ?? '');
  const [bad, setBad] = useState(false);
  // Cleared or changed from outside (the "clear filters" buttons): show what is in force.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setTyped(value ?? '');
    setBad(false);
  }
  const commit = (text: string) => {
    const tidy = tidyDate(text);
    if (tidy === '') {
      setBad(false);
      onChange(null);
    } else if (isIsoDate(tidy)) {
      setTyped(tidy);
      setBad(false);
      onChange(tidy);
    } else {
      setBad(true);
    }
  };
  return (
    <TextInput
      w={width}
      aria-label={label}
      placeholder={label}
      title={hint}
      value={typed}
      error={bad ? invalid : undefined}
      onChange={(e) => setTyped(e.currentTarget.value)}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
    />
  );
}
