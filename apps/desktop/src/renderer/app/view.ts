/** Where the signed-in person is. No router: the app is one window with a handful of screens. */
export type View =
  | { name: 'search' }
  | { name: 'register'; fromSearch: string }
  | { name: 'chart'; patientId: string }
  | { name: 'edit'; patientId: string }
  | { name: 'import' }
  | { name: 'admin' };
