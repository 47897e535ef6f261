const STORAGE_KEY = 'eonpro.launchToken';

/**
 * Browser mode: the launcher prints a link with the per-launch token in the fragment (`#token=…`), which
 * never reaches a server log. Keep it for this tab only, then take it out of the address bar so it is not
 * bookmarked, shared or left on screen. A reload finds it again in sessionStorage.
 */
export function takeLaunchToken(location: Location, history: History, storage: Storage): string | null {
  const fromFragment = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromFragment) {
    storage.setItem(STORAGE_KEY, fromFragment);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fromFragment;
  }
  return storage.getItem(STORAGE_KEY);
}
