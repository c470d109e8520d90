// The signed-in user for screens inside RequireAuth. RequireAuth hands down the /me answer it
// rendered with, so a screen still fading out after sign-out (when the query cache has just
// been cleared) keeps a user to render instead of failing.
import { createContext, useContext } from 'react';
import type { Me } from '../../shared/identity.ts';

export const SignedInUserContext = createContext<Me | null>(null);

export function useSignedInUser(): Me {
  const me = useContext(SignedInUserContext);
  if (!me) throw new Error('useSignedInUser is used outside RequireAuth');
  return me;
}
