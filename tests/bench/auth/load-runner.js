// Load generator for the auth benchmark, in its own process so it never shares
// the server's event loop. Usage: node load-runner.js '<json>' → one JSON line.
const autocannon = require('autocannon');

const cfg = JSON.parse(process.argv[2]);
let n = 0;
autocannon(
  {
    url: cfg.baseUrl,
    connections: cfg.connections,
    duration: cfg.seconds,
    headers: { 'content-type': 'application/json', ...(cfg.token ? { authorization: `Bearer ${cfg.token}` } : {}) },
    requests: [
      {
        method: cfg.method,
        path: cfg.path,
        // Logins use a different unknown username each time: every one costs a full argon2id verify.
        ...(cfg.method === 'POST'
          ? {
              setupRequest: (req) => ({
                ...req,
                body: JSON.stringify({ username: `nobody-${n++}`, password: 'not a real password' }),
              }),
            }
          : {}),
      },
    ],
  },
  (err, res) => {
    if (err) {
      process.stderr.write(String(err));
      process.exit(1);
    }
    process.stdout.write(
      JSON.stringify({
        reqPerSec: res.requests.average,
        p50Ms: res.latency.p50,
        p99Ms: res.latency.p99,
        total: res.requests.total,
        non2xx: res.non2xx,
        errors: res.errors,
      }),
    );
  },
);
