import { Badge, Group, Paper, Stepper, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketSteps, type PanelState, type TicketPanel } from '../../../../shared/domain/ticket-stage';
import type { TicketDetail } from '../../../../shared/schemas/ticket';

/** Where the ticket is on its way from the call to the closed callback (with the supervisor's approval where it had one). */
export function StageStepper({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { steps, current } = ticketSteps(ticket.status, ticket.review?.state ?? 'none');
  if (current === null) {
    return (
      <Badge color="gray" variant="light" tt="none" mb="sm" data-testid="ticket-stage" data-stage="cancelled">
        {t('tickets.stage.cancelled')}
      </Badge>
    );
  }
  // A closed ticket has done every step: the stepper shows them all complete.
  const active = ticket.status === 'closed' ? steps.length : steps.indexOf(current);
  return (
    <Stepper active={active} size="xs" iconSize={22} mb="sm" allowNextStepsSelect={false} data-testid="ticket-stage" data-stage={current}>
      {steps.map((stage) => (
        <Stepper.Step key={stage} label={stage === 'approved' ? t('review.stage') : t(`tickets.stage.steps.${stage}`)} />
      ))}
    </Stepper>
  );
}

/** A panel by its stage: shown, folded to a one-line bar that opens it, or not yet there. */
export function StagePanel({ panel, state, children }: { panel: TicketPanel; state: PanelState; children: ReactNode }) {
  const { t } = useTranslation();
  const [unfolded, setUnfolded] = useState(false);
  if (state === 'hidden') return null;
  if (state === 'open' || unfolded) return <>{children}</>;
  return (
    <Paper withBorder px="sm" py={6} data-testid={`folded-${panel}`}>
      <UnstyledButton onClick={() => setUnfolded(true)} w="100%" aria-expanded={false}>
        <Group gap={6} wrap="nowrap">
          <IconChevronRight size={14} stroke={1.8} />
          <Text size="sm" fw={600}>
            {t(`tickets.stage.panels.${panel}`)}
          </Text>
          <Text size="xs" c="dimmed" ml="auto">
            {t('tickets.stage.unfold')}
          </Text>
        </Group>
      </UnstyledButton>
    </Paper>
  );
}
