export const HTTP_CLIENT = Symbol('HTTP_CLIENT');
