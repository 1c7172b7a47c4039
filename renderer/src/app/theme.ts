import { createTheme, darken, defaultVariantColorsResolver, luminance, parseThemeColor, type CSSVariablesResolver, type MantineColorsTuple, type VariantColorsResolver } from '@mantine/core';

/** Windows desks have YaHei; the other names keep Chinese readable on macOS and Linux. */
const fontFamily = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

/*
 * Contrast is decided here, once, for every screen (WCAG 2.1 AA: 4.5:1 for text). Front desks
 * work long hours on cheap monitors in bright rooms; Mantine's defaults put grey secondary text
 * at 3.3:1, white on the primary blue at 3.6:1 and pale status badges near 2.5:1.
 */
const AA = 4.5;
/** Kept above the line, so rounding and anti-aliasing never take a colour under it. */
const MARGIN = 0.2;
/**
 * A filled colour whose luminance is above this gets black text, below it white: the point
 * where both reach 4.5:1 (√(1.05 × 0.05) − 0.05), so every filled badge and button reads.
 */
const LUMINANCE_SPLIT = Math.sqrt(1.05 * 0.05) - 0.05;

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The lightest of a colour's own shades (from `from` on) that reads on `background`; the darkest, darkened further, if none does. */
export function readableShade(shades: MantineColorsTuple, background: string, from = 6): string {
  for (let i = from; i <= 9; i += 1) if (contrastRatio(shades[i]!, background) >= AA + MARGIN) return shades[i]!;
  let color = shades[9];
  for (let amount = 0.05; contrastRatio(color, background) < AA + MARGIN && amount < 1; amount += 0.05) color = darken(shades[9], amount);
  return color;
}

/**
 * Text in a colour (`c="green"`), the light variant (tinted badges, alerts, buttons) and outlines:
 * each at a shade that reads on the tint it sits on (shade 1, which is also the row highlight),
 * and so on white too. Secondary grey reads on the grey of striped and hovered rows.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (!Array.isArray(shades) || shades.length < 10) continue;
    const onTint = readableShade(shades, shades[1]!);
    light[`--mantine-color-${name}-text`] = onTint;
    light[`--mantine-color-${name}-light-color`] = onTint;
    light[`--mantine-color-${name}-outline`] = readableShade(shades, '#ffffff');
  }
  light['--mantine-color-dimmed'] = readableShade(theme.colors.gray, theme.colors.gray[2]!);
  light['--mantine-color-error'] = readableShade(theme.colors.red, theme.colors.red[1]!);
  light['--mantine-color-anchor'] = readableShade(theme.colors[theme.primaryColor]!, theme.colors[theme.primaryColor]![1]!);
  return { variables: {}, light, dark: {} };
};

/** A white button's word is drawn in its colour: at the colour's readable shade, like text in that colour. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'white') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  return parsed.isThemeColor ? { ...colors, color: `var(--mantine-color-${parsed.color}-text)` } : colors;
};

/** The theme, with the names of the controls Mantine draws itself (the × of dialogs) in the reader's language. */
export function deskTheme(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel };
  return createTheme({
    fontFamily,
    headings: { fontFamily },
    primaryColor: 'blue',
    // Filled buttons and badges one shade darker than Mantine's default: white on them reads.
    primaryShade: { light: 8, dark: 8 },
    autoContrast: true,
    luminanceThreshold: LUMINANCE_SPLIT,
    variantColorResolver,
    defaultRadius: 'sm',
    // Every focusable element shows where the keyboard is, not only inputs.
    focusRing: 'auto',
    // A clerk who turned Windows' animations off gets no sliding or fading (WCAG 2.3.3): dialogs
    // and notes appear at once, and never sit half-faded, unreadable, while being read.
    respectReducedMotion: true,
    components: {
      Table: { defaultProps: { fz: 'sm', verticalSpacing: 6, horizontalSpacing: 'sm' } },
      Modal: { defaultProps: { centered: true, closeButtonProps } },
      Drawer: { defaultProps: { closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
      // A badge is a word or two (a state, a tag): never squeezed into "In war…" by a crowded table
      // cell or row; the row wraps instead.
      Badge: { styles: { root: { flexShrink: 0, minWidth: 'max-content' } } },
      // Typing part of an option and pressing Enter picks the first match, as a clerk expects;
      // without it Enter did nothing and the open list hid the field's error.
      Select: { defaultProps: { selectFirstOptionOnChange: true } },
      // A link drawn as a button (a customer's name that opens the customer) centred its second
      // line like a button label; in a narrow column a long name wraps and must read as text.
      Anchor: { styles: { root: { textAlign: 'start' } } },
    },
  });
}
