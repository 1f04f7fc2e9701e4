import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { TextInput, type TextInputProps } from './TextInput';

interface FieldProps {
  label: string;
  /** Shown in red under the control, in Chinese. */
  error?: string;
  hint?: string;
  children: ReactNode;
}

/** A labelled form control with its error written out underneath. */
export function Field({ label, error, hint, children }: FieldProps) {
  return (
    <View className="field">
      <View className="field__label">{label}</View>
      {children}
      {hint && !error ? <View className="field__hint">{hint}</View> : null}
      {error ? (
        <View className="error-text" role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}

type TextFieldProps = Omit<FieldProps, 'children'> & Omit<TextInputProps, 'invalid'>;

/** A labelled text box, its border red while the field has an error. */
export function TextField({ label, error, hint, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      <TextInput {...input} invalid={Boolean(error)} />
    </Field>
  );
}
