/** NIST SP 800-63B style length range for a password someone chooses. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
