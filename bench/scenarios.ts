import autocannon from 'autocannon';

/** One request as autocannon sends it; `next` may vary it per request (token, id, body). */
export interface RequestShape {
  method?: 'GET' | 'POST' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Scenario extends RequestShape {
  name: string;
  /** Called before every request with the connection's own context: varied requests. */
  next?: (context: Record<string, unknown>) => RequestShape;
}

export interface ScenarioResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** The server's peak resident memory during this scenario (MiB); null when not measured. */
  serverPeakRssMb?: number | null;
  ratioToCeiling: number | null;
  /** Extra facts of the scenario (support check, fan-out clients…). */
  notes?: string;
  /** For the live-stream fan-out: delivery time from the write to each client. */
  maxMs?: number;
}

/** Sent with every request, as every browser sends it: kept answers then go out gzipped. */
export const CLIENT_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

/** Runs one scenario with autocannon against `baseUrl`. */
export async function runScenario(baseUrl: string, scenario: Scenario, connections: number, durationSeconds: number): Promise<Omit<ScenarioResult, 'ratioToCeiling'>> {
  const next = scenario.next;
  const request = {
    method: scenario.method ?? 'GET',
    path: scenario.path,
    headers: { ...CLIENT_HEADERS, ...scenario.headers },
    body: scenario.body,
    ...(next === undefined
      ? {}
      : {
          setupRequest: (req: autocannon.Request, context: object) => {
            const shape = next(context as Record<string, unknown>);
            return { ...req, method: shape.method ?? 'GET', path: shape.path, headers: { ...CLIENT_HEADERS, ...shape.headers }, body: shape.body };
          },
        }),
  };
  // autocannon empties a connection's context each time it has gone through its list of requests:
  // two entries keep it for a pair (support then retract; a contribution then its comments).
  const result = await autocannon({ url: baseUrl, connections, duration: durationSeconds, requests: [request, request] });
  return {
    name: scenario.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
