/** The id of the control of an API field path: `organization.inn` → `field-organization-inn`. */
export const fieldId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
