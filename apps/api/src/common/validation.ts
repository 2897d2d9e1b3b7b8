import { BadRequestException, ParseUUIDPipe, ValidationPipe } from '@nestjs/common';

/** Whitelist + forbid unknown fields + transform: unknown or wrongly typed input is a 400 naming the field. */
export const validationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
  });

/** A path id must be a UUID; anything else is API.md's validation 400, naming the parameter in `message`. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException([`${name} must be a UUID`]) });

/** A coded path segment (a report code of the schedule): 1–64 lowercase latin letters, digits, "_" or "-". */
export const codeParam = (name: string) => ({
  transform(value: unknown): string {
    if (typeof value !== 'string' || !/^[a-z0-9_-]{1,64}$/.test(value))
      throw new BadRequestException([`${name} must be 1–64 lowercase latin letters, digits, "_" or "-"`]);
    return value;
  },
});
