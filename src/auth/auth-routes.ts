/** The auth controller's paths, shared with the login rate limit that matches the login route by its URL. */
export const AUTH_PATH = 'api/v1/auth';
export const LOGIN_PATH = 'login';
export const LOGIN_ROUTE = `/${AUTH_PATH}/${LOGIN_PATH}`;
