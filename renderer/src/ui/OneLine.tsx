import { Text, type MantineSize } from '@mantine/core';

/**
 * A long value in a table cell (a model with its serial, a part's name, a customer): one line,
 * cut with an ellipsis, the whole of it shown on pointing. Rows stay one glance high instead of
 * wrapping a model like KFR-72LW/(72555)FNhAc-B1(WIFI) over three lines. `maw` is needed: a table
 * column grows to fit unbreakable text, so the cut must have a width to happen at.
 */
export function OneLine({ text, maw, size = 'sm', ff }: { text: string; maw: number; size?: MantineSize; ff?: 'monospace' }) {
  return (
    <Text size={size} ff={ff} truncate="end" maw={maw} title={text}>
      {text}
    </Text>
  );
}
