import { createTheme } from '@mantine/core';

/** Windows desks have YaHei; the other names keep Chinese readable on macOS and Linux. */
const fontFamily = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

export const theme = createTheme({
  fontFamily,
  headings: { fontFamily },
  primaryColor: 'blue',
  defaultRadius: 'sm',
  components: {
    Table: { defaultProps: { fz: 'sm', verticalSpacing: 6, horizontalSpacing: 'sm' } },
    Modal: { defaultProps: { centered: true } },
    // A badge is a word or two (a state, a tag): never squeezed into "In war…" by a crowded table
    // cell or row; the row wraps instead.
    Badge: { styles: { root: { flexShrink: 0, minWidth: 'max-content' } } },
    // Typing part of an option and pressing Enter picks the first match, as a clerk expects;
    // without it Enter did nothing and the open list hid the field's error.
    Select: { defaultProps: { selectFirstOptionOnChange: true } },
  },
});
