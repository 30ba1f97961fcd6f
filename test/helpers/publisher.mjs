// A device in its own process for the durability test: publishes QoS 1 readings numbered 0, 1, 2, …
// (ts = T0 + n) as fast as the broker acknowledges them, keeping a window in flight, and records
// every acknowledged number in a file as soon as its PUBACK arrives. Stops at the first disconnect.
import fs from 'node:fs';
import mqtt from 'mqtt';

const [url, username, password, tagKey, t0, ackFile, window = '64', perMessage = '10'] = process.argv.slice(2);
const T0 = Number(t0);
const W = Number(window);
const N = Number(perMessage);
const fd = fs.openSync(ackFile, 'a');
const client = mqtt.connect(url, { username, password, clientId: `${username}-durability`, reconnectPeriod: 0, clean: true });
const topic = `symbiont/v1/${username}/telemetry`;
let next = 0;
let inflight = 0;
let stopped = false;

function pump() {
  while (!stopped && inflight < W) {
    const first = next;
    next += N;
    const batch = [];
    for (let i = first; i < first + N; i++) batch.push({ ts: T0 + i, values: { [tagKey]: i } });
    inflight++;
    client.publish(topic, JSON.stringify(batch), { qos: 1 }, (err) => {
      inflight--;
      if (err) return;
      // Acknowledged = committed: from here on these readings must survive anything.
      fs.writeSync(fd, `${first} ${N}\n`);
      pump();
    });
  }
}

client.on('connect', pump);
const stop = () => {
  if (stopped) return;
  stopped = true;
  fs.closeSync(fd);
  process.exit(0);
};
client.on('close', stop);
client.on('error', stop);
setTimeout(stop, 60_000).unref();
