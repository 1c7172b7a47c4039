import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates';
import type { FeedbackForm } from '../../../../shared/schemas/settle';
import { useApiMutation, useApiQuery } from '../../api/client';
import { notifyError } from '../../lib/notify';
import { QueryState } from '../../ui/QueryState';
import { usePaper } from './usePaper';

/** Information feedback forms to the maker: when the answer is due, overdue ones first, the answer when it comes. */
export function FeedbackTab() {
  const { t } = useTranslation();
  const forms = useApiQuery('feedback:list', {});
  const paper = usePaper('documents:feedbackForm');
  return (
    <Stack gap="sm">
      <QueryState isPending={forms.isPending} error={forms.error} />
      {forms.data && forms.data.length === 0 && <Text c="dimmed">{t('settle.screen.feedback.empty')}</Text>}
      {forms.data && forms.data.length > 0 && (
        <Table striped data-testid="feedback-table">
          <Table.Thead>
            <Table.Tr>
              {['number', 'maker', 'model', 'ticket', 'problem', 'raised', 'due', 'answer'].map((k) => (
                <Table.Th key={k}>{t(`settle.screen.feedback.columns.${k}`)}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {forms.data.map((f) => (
              <Row key={f.id} form={f} onPrint={() => paper.print({ id: f.id })} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {paper.preview}
    </Stack>
  );
}

function Row({ form, onPrint }: { form: FeedbackForm; onPrint: () => void }) {
  const { t } = useTranslation();
  const answer = useApiMutation('feedback:answer');
  const [text, setText] = useState('');
  return (
    <Table.Tr>
      <Table.Td fw={500}>{form.number}</Table.Td>
      <Table.Td>{form.makerName}</Table.Td>
      <Table.Td>{form.modelName}</Table.Td>
      <Table.Td>{form.ticketNumber ?? '—'}</Table.Td>
      <Table.Td maw={260}>{form.problem}</Table.Td>
      <Table.Td>{form.raisedOn}</Table.Td>
      <Table.Td>
        {form.overdue ? (
          <Badge color="red" variant="light">
            {t('settle.screen.feedback.overdue', { day: form.dueOn })}
          </Badge>
        ) : (
          form.dueOn
        )}
      </Table.Td>
      <Table.Td maw={260}>
        {form.answeredOn ? (
          `${form.answeredOn} ${form.answer ?? ''}`
        ) : (
          <Group gap={4} wrap="nowrap">
            <TextInput size="xs" w={180} value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder={t('settle.screen.feedback.answerPlaceholder')} />
            <Button size="compact-xs" variant="light" onClick={() => answer.mutate({ id: form.id, answer: text, answeredOn: todayIso() }, { onError: (e) => notifyError(t, e) })}>
              {t('settle.screen.feedback.record')}
            </Button>
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <Button size="compact-xs" variant="default" onClick={onPrint}>
          {t('settle.screen.print')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
