/** Who is making a request: a signed-in person, by session cookie or by API token. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  via: 'session' | 'token';
  /** Set for session actors; the key of the row in `sessions`. */
  sessionId: string | null;
  /** Set for session actors; writes must echo it in `X-CSRF-Token`. */
  csrfToken: string | null;
}
