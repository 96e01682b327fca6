// The small part of autocannon's programmatic API the benchmarks use (it ships no types).
declare module "autocannon" {
  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  };
  type Context = Record<string, unknown>;
  type Options = {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: Array<
      Request & {
        setupRequest?: (request: Request, context: Context) => Request;
        onResponse?: (status: number, body: string, context: Context) => void;
      }
    >;
  };
  type Histogram = { average: number; mean: number; stddev: number; min: number; max: number } & Record<
    `p${string}`,
    number
  >;
  type Result = {
    duration: number;
    latency: Histogram;
    requests: Histogram & { total: number; sent: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
  };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
