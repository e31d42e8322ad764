/**
 * An integrator's client: it only calls operations the served OpenAPI document lists, sends only bodies that match
 * their documented request schema (JSON or the multipart fields), expects the documented success status, and
 * checks every answer against the documented response schema. It records which operations it used.
 */
import {
  checkResponse,
  findOperation,
  multipartFields,
  requestSchema,
  type OpenApiDocument,
} from "./openapi";
import type { TestApp } from "./testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
type Method = "get" | "post" | "put" | "patch" | "delete";

export interface CallOptions {
  body?: unknown;
  /** multipart/form-data: text fields and files. */
  fields?: Record<string, string>;
  files?: Record<string, { bytes: Buffer; name: string }>;
  /** An expected error status (it must be documented); else the documented success status is expected. */
  status?: number;
}

export class ContractClient {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly agent: Agent,
    /** Every "METHOD /template" any client of this run called, shared between clients. */
    readonly used: Set<string>,
  ) {}

  async call(method: Method, url: string, o: CallOptions = {}) {
    const op = findOperation(this.doc, method, url);
    if (!op) throw new Error(`${method.toUpperCase()} ${url} is not in the OpenAPI document`);
    const id = `${method.toUpperCase()} ${op.template}`;
    const responses = op.operation.responses as Record<string, unknown>;
    const documentedStatus = Number(Object.keys(responses).find((s) => /^2\d\d$/.test(s)));
    let req = this.agent[method](url);
    if (o.fields || o.files) {
      const fields = multipartFields(op);
      const sent = [...Object.keys(o.fields ?? {}), ...Object.keys(o.files ?? {})];
      if (!fields || sent.some((f) => !fields.includes(f)))
        throw new Error(`${id}: multipart fields ${sent.join(", ")} are not all documented (${fields})`);
      for (const [k, v] of Object.entries(o.fields ?? {})) req = req.field(k, v);
      for (const [k, f] of Object.entries(o.files ?? {})) req = req.attach(k, f.bytes, f.name);
    } else if (o.body !== undefined) {
      const schema = requestSchema(this.doc, op);
      if (!schema) throw new Error(`${id}: no JSON request body documented`);
      const parsed = schema.safeParse(o.body);
      if (!parsed.success)
        throw new Error(`${id}: body not as documented: ${JSON.stringify(parsed.error.issues)}`);
      req = req.send(o.body as object);
    }
    const res = await req;
    const expected = o.status ?? documentedStatus;
    if (res.status !== expected)
      throw new Error(`${id}: ${res.status} instead of ${expected}: ${JSON.stringify(res.body)}`);
    const problems = checkResponse(this.doc, method, url, res.status, res.body, res.headers["content-type"]);
    if (problems.length) throw new Error(problems.join("\n"));
    this.used.add(id);
    return res;
  }
}
