// Load generator for bench/ingest: MQTT devices in this process publish QoS 1 messages of N
// readings, keeping a window in flight per connection (or at a fixed total rate), for D seconds,
// and print one JSON line: acknowledged messages and points, publish-to-PUBACK latency p50/p99.
import mqtt from 'mqtt';

const cfg = JSON.parse(process.argv[2]);
// cfg: { url, devices: [{username, password, keys: [...]}], seconds, perMessage, window, rate }
const latencies = [];
let ackedMessages = 0;
let ackedPoints = 0;
let stopped = false;
let seq = 0;
const start = Date.now() + 500;
const end = start + cfg.seconds * 1000;
// Each run gets its own time range (cfg.tsBase), or its readings would overwrite an earlier run's.
const tsBase = cfg.tsBase ?? Date.now() - 86_400_000;

function message(keys, n) {
  const out = [];
  // n readings spread over the device's tags, each at a fresh timestamp.
  for (let i = 0; i < n; i += keys.length) {
    const values = {};
    for (let k = 0; k < keys.length && i + k < n; k++) values[keys[k]] = Math.random() * 100;
    out.push({ ts: tsBase + seq++, values });
  }
  return JSON.stringify(out.length === 1 ? out[0] : out);
}

const clients = await Promise.all(
  cfg.devices.map(
    (d, i) =>
      new Promise((resolve, reject) => {
        const c = mqtt.connect(cfg.url, { username: d.username, password: d.password, clientId: `${d.username ?? 'anonymous'}-bench-${process.pid}-${i}`, reconnectPeriod: 0 });
        c.once('connect', () => resolve({ c, d, inflight: 0, topic: d.topic ?? `symbiont/v1/${d.username}/telemetry` }));
        c.once('error', reject);
      }),
  ),
);

function send(cl) {
  cl.inflight++;
  const sent = performance.now();
  cl.c.publish(cl.topic, message(cl.d.keys, cfg.perMessage), { qos: 1 }, (err) => {
    cl.inflight--;
    if (!err && Date.now() >= start && Date.now() <= end) {
      ackedMessages++;
      ackedPoints += cfg.perMessage;
      latencies.push(performance.now() - sent);
    }
    if (!cfg.rate) pump(cl);
  });
}
function pump(cl) {
  while (!stopped && cl.inflight < cfg.window) send(cl);
}

if (cfg.rate) {
  // Fixed total rate, spread over the connections; what is due follows the clock, not the tick
  // count, since timers fire late on a busy machine.
  let due = 0;
  let i = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const t = performance.now();
    due += ((t - last) * cfg.rate) / 1000;
    last = t;
    while (due >= 1 && !stopped) {
      due--;
      send(clients[i++ % clients.length]);
    }
  }, 10);
  setTimeout(() => clearInterval(tick), end - Date.now());
} else {
  for (const cl of clients) pump(cl);
}

await new Promise((r) => setTimeout(r, end - Date.now() + 300));
stopped = true;
latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? Number(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(2)) : null);
const secs = cfg.seconds;
process.stdout.write(JSON.stringify({ messagesPerSec: ackedMessages / secs, pointsPerSec: ackedPoints / secs, p50Ms: pct(0.5), p99Ms: pct(0.99) }) + '\n');
for (const { c } of clients) c.end(true);
process.exit(0);
