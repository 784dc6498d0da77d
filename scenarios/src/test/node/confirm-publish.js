// amqplib confirm channel for Mensajero's interop scenarios (run against Mensajero and RabbitMQ).
// Usage: AMQP_URL=amqp://guest:guest@localhost:5672 node confirm-publish.js QUEUE UNROUTABLE_KEY
// Publishes on a confirm channel: to QUEUE (mandatory), to UNROUTABLE_KEY (mandatory: returned,
// then acked) and to QUEUE again; prints every ack, nack and return as one JSON line, in the
// order amqplib saw them, then what the queue holds.
'use strict';
const amqp = require('amqplib');

const print = (event) => console.log(JSON.stringify(event));

async function main() {
  const [queue, unroutable] = process.argv.slice(2);
  const connection = await amqp.connect(process.env.AMQP_URL);
  try {
    const channel = await connection.createConfirmChannel();
    await channel.assertQueue(queue, { durable: false, autoDelete: false });
    channel.on('return', (message) => {
      print({
        event: 'returned',
        body: message.content.toString('utf8'),
        replyCode: message.fields.replyCode,
        replyText: message.fields.replyText,
        routingKey: message.fields.routingKey,
      });
    });

    const publish = (routingKey, body) =>
      new Promise((resolve) => {
        channel.publish('', routingKey, Buffer.from(body), { mandatory: true }, (error) => {
          print({ event: error ? 'nacked' : 'acked', body });
          resolve();
        });
      });
    await Promise.all([publish(queue, 'first'), publish(unroutable, 'lost'), publish(queue, 'second')]);
    await channel.waitForConfirms();
    print({ event: 'confirmed' });

    const bodies = [];
    for (;;) {
      const message = await channel.get(queue, { noAck: true });
      if (message === false) {
        break;
      }
      bodies.push(message.content.toString('utf8'));
    }
    print({ event: 'queue', bodies });
    await channel.deleteQueue(queue);
    await channel.close();
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(`confirm-publish: ${error.message}`);
  process.exit(1);
});
