import { NumberInput, Text, type NumberInputProps } from '@mantine/core';

/** A whole percent from 1 to 100, or empty (none promised). */
export function PercentInput(props: NumberInputProps) {
  return (
    <NumberInput
      w={170}
      min={1}
      max={100}
      allowDecimal={false}
      allowNegative={false}
      rightSection={
        <Text size="xs" c="dimmed">
          %
        </Text>
      }
      {...props}
    />
  );
}
