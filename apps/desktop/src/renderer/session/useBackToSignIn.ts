import { useHostAction } from '../api/useHostAction.ts';

/** Leaving a second step for the password screen: the host drops the half-finished sign-in first. */
export function useBackToSignIn(onCancel: () => void): { back: () => Promise<void>; busy: boolean } {
  const signOut = useHostAction((host) => host.session.signOut.mutate());
  const back = async () => {
    await signOut.run();
    onCancel();
  };
  return { back, busy: signOut.busy };
}
