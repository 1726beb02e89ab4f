// Load generator for the chart-open benchmark, run as its own process so it
// never shares an event loop with the server being measured.
// Usage: node autocannon-runner.js '<json config>' → prints one JSON line.
const autocannon = require('autocannon');

const cfg = JSON.parse(process.argv[2]);
let next = 0;
autocannon(
  {
    url: cfg.baseUrl,
    connections: cfg.connections,
    duration: cfg.seconds,
    headers: { authorization: `Bearer ${cfg.token}` },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: cfg.paths[next++ % cfg.paths.length] }) }],
  },
  (err, res) => {
    if (err) {
      process.stderr.write(String(err));
      process.exit(1);
    }
    process.stdout.write(
      JSON.stringify({
        reqPerSec: res.requests.average,
        p99Ms: res.latency.p99,
        p50Ms: res.latency.p50,
        total: res.requests.total,
        non2xx: res.non2xx,
        errors: res.errors,
        timeouts: res.timeouts,
      }),
    );
  },
);
