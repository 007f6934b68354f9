/** The server's own limits (src/server/modules/accounts/schemas.ts), checked here before sending. */
export const MIN_PASSWORD = 10;
