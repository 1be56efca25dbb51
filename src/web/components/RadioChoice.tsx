import { Input, Stack, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
  description?: string;
}

interface RadioChoiceProps<T extends string> {
  label: string;
  description?: string;
  value: T;
  options: readonly RadioOption<T>[];
  onChange: (value: T) => void;
  error?: string;
  required?: boolean;
}

/**
 * A group of native radio buttons in a fieldset. Mantine 8's Radio switches `checked` between
 * true and undefined, which React reports as a controlled input turning uncontrolled.
 */
export function RadioChoice<T extends string>({
  label,
  description,
  value,
  options,
  onChange,
  error,
  required,
}: RadioChoiceProps<T>) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset
      style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
      aria-describedby={error ? errorId : undefined}
    >
      <Input.Label component="legend" required={required} style={{ padding: 0 }}>
        {label}
      </Input.Label>
      {description ? <Input.Description mb={6}>{description}</Input.Description> : null}
      <Stack gap={8} mt={4}>
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div key={option.value} style={{ display: 'flex', gap: 10, alignItems: 'flex-start' }}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.description ? `${id}-hint` : undefined}
                style={{
                  width: 18,
                  height: 18,
                  marginTop: 2,
                  accentColor: 'var(--mantine-color-blue-8)',
                }}
              />
              <div>
                <label
                  htmlFor={id}
                  style={{ fontSize: 'var(--mantine-font-size-sm)', cursor: 'pointer' }}
                >
                  {option.label}
                </label>
                {option.description ? (
                  <Text id={`${id}-hint`} size="xs" c="dimmed">
                    {option.description}
                  </Text>
                ) : null}
              </div>
            </div>
          );
        })}
      </Stack>
      {error ? (
        <Input.Error id={errorId} mt={4}>
          {error}
        </Input.Error>
      ) : null}
    </fieldset>
  );
}
