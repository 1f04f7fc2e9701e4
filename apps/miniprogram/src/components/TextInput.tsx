import { Input } from '@tarojs/components';

export interface TextInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
  invalid?: boolean;
}

/** A large text box with a visible border; `id` is kept for end-to-end tests. */
export function TextInput({ id, value, onChange, placeholder, type = 'text', maxlength = 100, invalid }: TextInputProps) {
  return (
    <Input
      id={id}
      className={invalid ? 'input input--error' : 'input'}
      placeholderClass="input-placeholder"
      value={value}
      type={type}
      maxlength={maxlength}
      placeholder={placeholder}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
