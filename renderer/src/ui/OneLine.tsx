import { Text, type MantineSize } from '@mantine/core';

/**
 * A long value in a table cell (a model with its serial, a part's name, a customer): one line,
 * cut with an ellipsis, the whole of it shown on pointing. Rows stay one glance high instead of
 * wrapping a model like KFR-72LW/(72555)FNhAc-B1(WIFI) over three lines. `maw` is needed unless the
 * cell is a `FILL_CELL`: a table column grows to fit unbreakable text, so the cut must have a width
 * to happen at.
 */
export function OneLine({ text, maw, size = 'sm', ff }: { text: string; maw?: number; size?: MantineSize; ff?: 'monospace' }) {
  return (
    <Text size={size} ff={ff} truncate="end" maw={maw} title={text}>
      {text}
    </Text>
  );
}

/**
 * The style of a table cell that takes only the room the other columns leave (max-width 0 keeps
 * its text from widening the table), so a list fits a laptop at 125% or 150% display scaling
 * instead of scrolling sideways. Put `TwoLines` in it.
 */
export const FILL_CELL = { maxWidth: 0, minWidth: 96 } as const;

/** A long value in a `FILL_CELL`: two lines at most, broken anywhere (a model has no spaces), the whole on pointing. */
export function TwoLines({ text, size = 'sm', ff, fw }: { text: string; size?: MantineSize; ff?: 'monospace'; fw?: number }) {
  return (
    <Text size={size} ff={ff} fw={fw} lineClamp={2} style={{ overflowWrap: 'anywhere' }} title={text}>
      {text}
    </Text>
  );
}
