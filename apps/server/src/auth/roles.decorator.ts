// Route metadata read by the auth guard: @Roles() narrows or widens who may call a route, beyond
// the path table in roles.ts; @Public() opens a route to callers who are not signed in.
import { SetMetadata } from '@nestjs/common';

export type Role = 'owner' | 'editor' | 'viewer';

export const ROLES_KEY = 'hookflow:roles';
export const PUBLIC_KEY = 'hookflow:public';

export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);
