import { DomainError } from '../shared/domain-error';

export const emailTaken = () => new DomainError('EMAIL_TAKEN', 'A user with this email already exists');
export const innTaken = () => new DomainError('INN_TAKEN', 'An organization with this INN is already registered');
export const badCredentials = () => new DomainError('UNAUTHORIZED', 'Wrong email or password');
export const tooManyLogins = () =>
  new DomainError('TOO_MANY_REQUESTS', 'Too many failed logins for this email; try again in 15 minutes');
export const tooManyAuthRequests = () =>
  new DomainError('TOO_MANY_REQUESTS', 'Too many sign-in requests from this client; try again in a minute');
export const tokenInvalid = () => new DomainError('TOKEN_INVALID', 'The link is invalid, expired or already used');
export const wrongPassword = () => new DomainError('WRONG_PASSWORD', 'The current password is wrong');
export const lastMember = () =>
  new DomainError('LAST_MEMBER', 'The last active member of an organization cannot be removed');
