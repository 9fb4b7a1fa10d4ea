import request from 'supertest';

/** A user session against the gateway: registers, logs in, and sends authenticated requests. */
export class ApiSession {
  private constructor(
    readonly baseUrl: string,
    readonly token: string,
    readonly email: string,
  ) {}

  static async register(baseUrl: string, email: string, password = 'correct horse battery'): Promise<ApiSession> {
    await request(baseUrl).post('/api/v1/auth/register').send({ email, password }).expect(201);
    return ApiSession.login(baseUrl, email, password);
  }

  static async login(baseUrl: string, email: string, password = 'correct horse battery'): Promise<ApiSession> {
    const login = await request(baseUrl).post('/api/v1/auth/login').send({ email, password }).expect(200);
    return new ApiSession(baseUrl, login.body.accessToken as string, email);
  }

  get(path: string) {
    return request(this.baseUrl).get(path).set('Authorization', `Bearer ${this.token}`);
  }

  post(path: string, body?: object) {
    return request(this.baseUrl).post(path).set('Authorization', `Bearer ${this.token}`).send(body);
  }

  patch(path: string, body: object) {
    return request(this.baseUrl).patch(path).set('Authorization', `Bearer ${this.token}`).send(body);
  }

  delete(path: string) {
    return request(this.baseUrl).delete(path).set('Authorization', `Bearer ${this.token}`);
  }
}
