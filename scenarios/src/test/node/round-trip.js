// amqplib round trip for Mensajero's interop scenarios (run against Mensajero and RabbitMQ).
// Usage: AMQP_URL=amqp://guest:guest@localhost:5672 node round-trip.js QUEUE COUNT
// Asserts the queue, publishes COUNT messages with properties, consumes them with prefetch 1 and
// acks each one, then reports the queue's counts. Every observation is one JSON line on stdout.
'use strict';
const amqp = require('amqplib');

const print = (event) => console.log(JSON.stringify(event));

async function main() {
  const [queue, countArg] = process.argv.slice(2);
  const count = Number.parseInt(countArg, 10);
  const connection = await amqp.connect(process.env.AMQP_URL);
  try {
    const channel = await connection.createChannel();
    const declared = await channel.assertQueue(queue, { durable: false, autoDelete: false });
    print({ event: 'declared', queue: declared.queue, messages: declared.messageCount, consumers: declared.consumerCount });

    for (let i = 1; i <= count; i++) {
      channel.sendToQueue(queue, Buffer.from(`message ${i} ✓`), {
        contentType: 'text/plain',
        correlationId: `c-${i}`,
        headers: { 'x-index': i, 'x-tag': 'amqplib' },
        persistent: i % 2 === 0,
      });
    }

    await channel.prefetch(1);
    let received = 0;
    const done = new Promise((resolve) => {
      channel.consume(queue, (message) => {
        received++;
        const p = message.properties;
        print({
          event: 'received',
          body: message.content.toString('utf8'),
          deliveryTag: message.fields.deliveryTag,
          redelivered: message.fields.redelivered,
          routingKey: message.fields.routingKey,
          contentType: p.contentType,
          correlationId: p.correlationId,
          deliveryMode: p.deliveryMode,
          headers: p.headers,
        });
        channel.ack(message);
        if (received === count) {
          resolve(message.fields.consumerTag);
        }
      }, { noAck: false }).then((ok) => print({ event: 'consuming', consumerTag: ok.consumerTag }));
    });
    const consumerTag = await done;
    await channel.cancel(consumerTag);
    const checked = await channel.checkQueue(queue);
    print({ event: 'checked', messages: checked.messageCount, consumers: checked.consumerCount });
    const deleted = await channel.deleteQueue(queue);
    print({ event: 'deleted', messages: deleted.messageCount });
    await channel.close();
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(`round-trip: ${error.message}`);
  process.exit(1);
});
