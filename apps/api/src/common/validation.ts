import { ValidationPipe } from '@nestjs/common';

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
