import { Badge } from '@mantine/core';

/** Whether a record is in use (a technician on duty, a fee offered, a loaner to lend): green, or grey when retired. */
export function ActiveDot({ active, label }: { active: boolean; label: string }) {
  return (
    <Badge tt="none" variant="dot" color={active ? 'teal' : 'gray'} size="sm">
      {label}
    </Badge>
  );
}
