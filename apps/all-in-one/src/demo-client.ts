/** The few gateway calls the demo makes, over HTTP like any client. */
export class DemoClient {
  private token = '';

  constructor(private readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const register = await this.call('POST', '/api/v1/auth/register', { email, password });
    if (register.status !== 201 && register.status !== 409) throw new Error(`register: ${register.status}`);
    const login = await this.call('POST', '/api/v1/auth/login', { email, password });
    this.token = ((await login.json()) as { accessToken: string }).accessToken;
  }

  async json<T>(method: string, path: string, body?: object): Promise<T> {
    const res = await this.call(method, path, body);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  private call(method: string, path: string, body?: object): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  }
}
