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
  },
});
