import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered card with a title and a line saying what it is for: the shape of every settings section. */
export function Section({ title, hint, maw, children }: { title: string; hint?: string; maw?: number; children: ReactNode }) {
  return (
    <Paper withBorder p="md" maw={maw}>
      <Title order={3} fz="md" fw={600}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}
