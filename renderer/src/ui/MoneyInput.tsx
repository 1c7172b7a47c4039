import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { parseYuan, yuanText } from '../../../shared/domain/yuan';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'leftSection' | 'inputMode'> & {
  value?: string;
  /** Takes the text itself, as Mantine's `form.getInputProps` does. */
  onChange: (value: string) => void;
};

/**
 * An amount typed in yuan, as the clerk reads it off a price list: full-width digits, a ¥ or
 * group commas are accepted (the shared exact parser reads them), and on leaving the field it
 * is written back the way it is stored (`45` → `45.00`), so what is saved is what is shown.
 * Validate it with `lib/money`.
 */
export function MoneyInput({ value = '', onChange, onBlur, size, ...props }: Props) {
  return (
    <TextInput
      size={size}
      inputMode="decimal"
      leftSection={<Text size={size ?? 'sm'}>¥</Text>}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        const parsed = value.trim() === '' ? null : parseYuan(value);
        if (parsed?.ok && yuanText(parsed.fen) !== value) onChange(yuanText(parsed.fen));
        onBlur?.(e);
      }}
      {...props}
    />
  );
}
