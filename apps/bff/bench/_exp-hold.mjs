import { Aedes } from 'aedes';
import { createServer } from 'node:net';
import mqtt from 'mqtt';
const mode = process.argv[2]; // hold | defer
const url = process.argv[3];
let broker, server;
if (!url) {
  broker = await Aedes.createBroker();
  server = createServer(broker.handle);
  await new Promise((r) => server.listen(18831, '127.0.0.1', r));
}
const target = url ?? 'mqtt://127.0.0.1:18831';
const pv = Number(process.argv[4] ?? 4);
const sub = mqtt.connect(target, { clientId: 'exp-sub', clean: false, protocolVersion: pv, properties: pv === 5 ? { receiveMaximum: 1000, sessionExpiryInterval: 300 } : undefined });
let received = 0; const held = [];
sub.handleMessage = (packet, cb) => {
  received++;
  if (mode === 'hold') setTimeout(cb, 100);
  else { held.push(packet.messageId); cb(new Error('deferred')); }
};
await new Promise((r) => sub.on('connect', r));
await sub.subscribeAsync('exp/#', { qos: 1 });
const pub = mqtt.connect(target, { clientId: 'exp-pub' });
await new Promise((r) => pub.on('connect', r));
for (let i = 0; i < 500; i++) pub.publish('exp/a', String(i), { qos: 1 });
await new Promise((r) => setTimeout(r, 1000));
console.log(mode, 'pv', pv, 'received within 1 s:', received, 'held', held.length);
if (mode === 'defer') {
  // ack them all via private _sendPacket
  for (const id of held) sub._sendPacket({ cmd: 'puback', messageId: id });
  await new Promise((r) => setTimeout(r, 500));
  console.log('after acks received', received);
}
sub.end(true); pub.end(true);
if (server) { server.close(); broker.close(); }
setTimeout(() => process.exit(0), 200);
