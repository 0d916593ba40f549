/** Where a person is in a session. Held in memory only: the URL never changes (nothing to leak). */
export type Route =
  | { screen: 'welcome' }
  | { screen: 'needs'; category: string }
  | { screen: 'results'; category?: string; text?: string }
  | { screen: 'place'; id: number }
  | { screen: 'text-search' }
  | { screen: 'town' }
  /** Staff mode: the token from the PIN, forgotten with the session at the idle reset. */
  | { screen: 'staff'; token: string };

export type ScreenName = Route['screen'];
