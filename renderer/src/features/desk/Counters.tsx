import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../../shared/schemas/ticket';

export type CounterKey = 'open' | 'overdue' | 'atRisk' | 'callbacks' | 'loans' | 'complaints' | 'lowStock';

/** Only a number that asks for action gets a colour; a zero stays calm. */
const ALERT_COLOR: Partial<Record<CounterKey, string>> = {
  overdue: 'red',
  atRisk: 'orange',
  callbacks: 'blue',
  complaints: 'orange',
  lowStock: 'orange',
};

/** `visitCallbacks`: the scheduled callbacks due, counted with the tickets' own. */
export function counts(board: Board, visitCallbacks = 0): Record<CounterKey, number> {
  return {
    open: board.openTickets,
    overdue: board.overdue.length,
    atRisk: board.atRisk.length,
    callbacks: board.callbacksDue.length + visitCallbacks,
    loans: board.loansOut.length,
    complaints: board.openComplaints,
    lowStock: board.lowStockParts,
  };
}

const ORDER: CounterKey[] = ['open', 'overdue', 'atRisk', 'callbacks', 'loans', 'complaints', 'lowStock'];

/** The day at a glance; each number opens the place that lists what it counts. */
export function Counters({ board, visitCallbacks = 0, onOpen }: { board: Board; visitCallbacks?: number; onOpen: (key: CounterKey) => void }) {
  const { t } = useTranslation();
  const values = counts(board, visitCallbacks);
  return (
    <SimpleGrid cols={7} spacing="xs" mb="md" data-testid="desk-counters">
      {ORDER.map((key) => {
        const value = values[key];
        const color = value > 0 ? ALERT_COLOR[key] : undefined;
        return (
          <UnstyledButton key={key} onClick={() => onOpen(key)} data-counter={key}>
            <Paper withBorder px="sm" py={6} style={color ? { borderColor: `var(--mantine-color-${color}-4)` } : undefined}>
              <Text fz={22} fw={700} lh={1.2} c={color ?? undefined}>
                {value}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {t(`desk.board.counters.${key}`)}
              </Text>
            </Paper>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
