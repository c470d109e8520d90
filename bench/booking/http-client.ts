// A signed-in client of the server's REST API: the session cookie and JSON POSTs.
import { testPassword } from '../../tests/helpers/factories.ts';

export class HttpClient {
  cookie = '';

  constructor(readonly baseUrl: string) {}

  async signIn(email: string) {
    const response = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: testPassword }),
    });
    if (!response.ok)
      throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  async post(url: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }
}
