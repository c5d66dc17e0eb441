// The v1.1 account routes: GET/POST /accounts, PATCH /accounts/{username}, GET /audit (supervisor only).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CreateAccountRequest, PatchAccountRequest, USERNAME } from '../../common/accounts-api';
import type { AccountService } from './account-service';
import type { AuditLog } from './audit-log';
import type { SessionCaller } from './auth';
import { fieldDetails, HttpError, intParam, readJsonBody, sendJson, strictQuery, badRequest } from './http-util';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface AccountRouteDeps {
  accounts: AccountService;
  audit: AuditLog;
  authenticate(req: IncomingMessage): Promise<SessionCaller>;
  address(req: IncomingMessage): string;
}

const invalidBody = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  badRequest('invalid_body', 'the body does not match the request schema', fieldDetails(issues));

export function accountRoutes(d: AccountRouteDeps): {
  routes: Record<string, Partial<Record<string, Handler>>>;
  account: Partial<Record<string, Handler>>;
} {
  async function supervisor(req: IncomingMessage): Promise<SessionCaller> {
    const caller = await d.authenticate(req);
    if (caller.role !== 'supervisor')
      throw new HttpError(403, 'forbidden', 'only a supervisor manages accounts and reads the audit log');
    return caller;
  }

  const list: Handler = async (req, res, url) => {
    await supervisor(req);
    strictQuery(url, []);
    sendJson(res, 200, { accounts: await d.accounts.list() });
  };

  const create: Handler = async (req, res, url) => {
    const caller = await supervisor(req);
    strictQuery(url, []);
    const body = CreateAccountRequest.safeParse(await readJsonBody(req));
    if (!body.success) throw invalidBody(body.error.issues);
    sendJson(res, 201, await d.accounts.create(body.data, caller.username, d.address(req)));
  };

  const patch: Handler = async (req, res, url) => {
    const caller = await supervisor(req);
    strictQuery(url, []);
    const raw = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
    let username: string;
    try {
      username = decodeURIComponent(raw);
    } catch {
      // A broken escape (%E0%A4%A) names no account; decodeURIComponent throws on it (found by hub-fuzz.test.ts).
      throw new HttpError(404, 'not_found', `no account ${JSON.stringify(raw)}`);
    }
    if (!USERNAME.test(username)) throw new HttpError(404, 'not_found', `no account ${JSON.stringify(username)}`);
    const body = PatchAccountRequest.safeParse(await readJsonBody(req));
    if (!body.success) throw invalidBody(body.error.issues);
    sendJson(res, 200, await d.accounts.patch(username, body.data, caller.username, d.address(req)));
  };

  const audit: Handler = async (req, res, url) => {
    await supervisor(req);
    const query = strictQuery(url, ['limit', 'before', 'username']);
    const limit = intParam(query, 'limit', 200, 1, 1000);
    const before = query.has('before') ? intParam(query, 'before', 0, 1, Number.MAX_SAFE_INTEGER) : undefined;
    sendJson(res, 200, { records: await d.audit.list(limit, before, query.get('username')) });
  };

  return { routes: { '/accounts': { GET: list, POST: create }, '/audit': { GET: audit } }, account: { PATCH: patch } };
}
