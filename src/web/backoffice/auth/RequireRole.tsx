// Shows a page only to the roles it is meant for. The server enforces the same rule; this
// spares others a page that could only fail.
import type { ReactNode } from 'react';
import type { Role } from '../../shared/identity.ts';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { useSignedInUser } from './signed-in-user.ts';

interface RequireRoleProps {
  roles: readonly Role[];
  children: ReactNode;
}

export function RequireRole({ roles, children }: RequireRoleProps) {
  const me = useSignedInUser();
  return roles.includes(me.role) ? children : <ForbiddenPage />;
}
