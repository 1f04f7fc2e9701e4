import { useState } from 'react';
import { errorMessage, fieldErrors } from '@/api';

/** Shown above the submit button when a field is not filled in right. */
export const FORM_INCOMPLETE = '还有内容没有填好，请看红色提示';

/** The error under each field, by field (or by `K`, where a form's errors are not its fields). */
export type FormErrors<F, K extends PropertyKey = keyof F> = Partial<Record<K, string>>;

/**
 * A form's values, the error under each field and the one above its submit button. `set`
 * changes some values and clears their errors and the one above the button; `check` shows what
 * validation found and says whether the form may be sent; `refused` shows the server's no.
 */
export function useForm<F extends object, K extends PropertyKey = keyof F>(initial: F | (() => F)) {
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<FormErrors<F, K>>({});
  const [serverError, setServerError] = useState('');

  const set = (patch: Partial<F>) => {
    setForm((prev) => ({ ...prev, ...patch }));
    setErrors((prev) => {
      const next: Partial<Record<PropertyKey, string>> = { ...prev };
      for (const key of Object.keys(patch)) delete next[key];
      return next;
    });
    setServerError('');
  };

  const check = (found: FormErrors<F, K>): boolean => {
    setErrors(found);
    if (Object.keys(found).length === 0) return true;
    setServerError(FORM_INCOMPLETE);
    return false;
  };

  /**
   * The server's answer to a send: its field errors under their fields, or its message; says it
   * was handled (true), so it can be a `useAction`'s `onError` as it is.
   */
  const refused = (error: unknown): boolean => {
    const fields = fieldErrors(error);
    if (Object.keys(fields).length > 0) {
      const found: FormErrors<F, K> = {};
      for (const [path, message] of Object.entries(fields)) found[path.split('.')[0] as K] = message;
      setErrors(found);
      setServerError(FORM_INCOMPLETE);
    } else {
      setServerError(errorMessage(error));
    }
    return true;
  };

  return { form, setForm, set, errors, setErrors, serverError, setServerError, check, refused };
}
