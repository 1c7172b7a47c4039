import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap" gap="sm">
      <Title order={2} fz="xl" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {title}
      </Title>
      <Group gap="xs" wrap="nowrap">
        {children}
      </Group>
    </Group>
  );
}
