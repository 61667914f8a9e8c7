/** A small Prometheus text-format registry: request counts and latencies, verdicts, reports. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (labels: Record<string, string>): string => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${esc(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private readonly verdicts = new Map<string, number>();
  private readonly reports = new Map<string, number>();
  private readonly started = Date.now();
  /** Label texts by "method route status", built once (routes are patterns, so the set is small). */
  private readonly labels = new Map<string, { key: string; lk: string }>();

  request(method: string, route: string, status: number, seconds: number): void {
    const ck = `${method} ${route} ${status}`;
    let l = this.labels.get(ck);
    if (l === undefined) {
      l = { key: labelText({ method, route, status: String(status) }), lk: labelText({ method, route }) };
      if (this.labels.size < 10_000) this.labels.set(ck, l);
    }
    const { key, lk } = l;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let h = this.latency.get(lk);
    if (!h) {
      h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.latency.set(lk, h);
    }
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) h.counts[i]!++;
    h.sum += seconds;
    h.count++;
  }

  verdict(v: string): void {
    this.verdicts.set(v, (this.verdicts.get(v) ?? 0) + 1);
  }

  report(kind: string): void {
    this.reports.set(kind, (this.reports.get(kind) ?? 0) + 1);
  }

  render(): string {
    const out: string[] = [];
    out.push('# HELP fanzha_http_requests_total HTTP requests by method, route and status.', '# TYPE fanzha_http_requests_total counter');
    for (const [k, v] of this.requests) out.push(`fanzha_http_requests_total${k} ${v}`);
    out.push('# HELP fanzha_http_request_duration_seconds HTTP request latency.', '# TYPE fanzha_http_request_duration_seconds histogram');
    for (const [k, h] of this.latency) {
      const inner = k.slice(1, -1);
      BUCKETS.forEach((b, i) => out.push(`fanzha_http_request_duration_seconds_bucket{${inner},le="${b}"} ${h.counts[i]}`));
      out.push(`fanzha_http_request_duration_seconds_bucket{${inner},le="+Inf"} ${h.count}`);
      out.push(`fanzha_http_request_duration_seconds_sum${k} ${h.sum}`, `fanzha_http_request_duration_seconds_count${k} ${h.count}`);
    }
    out.push('# HELP fanzha_analyses_total Analyses by verdict.', '# TYPE fanzha_analyses_total counter');
    for (const [v, n] of this.verdicts) out.push(`fanzha_analyses_total${labelText({ verdict: v })} ${n}`);
    out.push('# HELP fanzha_reports_total Reports received by kind.', '# TYPE fanzha_reports_total counter');
    for (const [v, n] of this.reports) out.push(`fanzha_reports_total${labelText({ kind: v })} ${n}`);
    out.push('# HELP fanzha_uptime_seconds Seconds since the process started serving.', '# TYPE fanzha_uptime_seconds gauge');
    out.push(`fanzha_uptime_seconds ${(Date.now() - this.started) / 1000}`);
    return `${out.join('\n')}\n`;
  }
}
