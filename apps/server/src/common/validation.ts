import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

/** Flattens class-validator errors into field path → the first Chinese message. */
export function validationFields(errors: ValidationError[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const constraints = e.constraints ?? {};
    if (constraints.whitelistValidation) {
      fields[path] = '不认识的字段，请勿提交';
    } else {
      const first = Object.values(constraints)[0];
      if (first) fields[path] = first;
    }
    if (e.children?.length) Object.assign(fields, validationFields(e.children, path));
  }
  return fields;
}

/** Validates every DTO at the edge: unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', { fields: validationFields(errors) }),
  });
}
