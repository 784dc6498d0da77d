# Not a course script: pika's confirm_delivery() round trip for the interop scenarios.
# Usage: confirm_delivery.py QUEUE UNROUTABLE_KEY   (port: pika-shim's AMQP_PORT)
#
# In confirm mode pika's BlockingChannel.basic_publish waits for the broker's confirm: it returns
# when the message is acked and routed, and raises UnroutableError when a mandatory message comes
# back with basic.return (NackError when nacked). Each outcome is printed as one line.
import sys

import pika
from pika.exceptions import NackError, UnroutableError


def publish(channel, routing_key, body, mandatory):
    label = f"{'mandatory' if mandatory else 'plain'} {body}"
    try:
        channel.basic_publish(exchange='', routing_key=routing_key, body=body, mandatory=mandatory,
                              properties=pika.BasicProperties(content_type='text/plain'))
        print(f"{label}: confirmed")
    except UnroutableError as e:
        for returned in e.messages:
            print(f"{label}: unroutable {returned.method.reply_code} {returned.method.reply_text}"
                  f" key={returned.method.routing_key} body={returned.body.decode()}")
    except NackError as e:
        print(f"{label}: nacked {len(e.messages)}")


def main():
    queue, unroutable = sys.argv[1], sys.argv[2]
    connection = pika.BlockingConnection(
        pika.ConnectionParameters(host='localhost'))
    channel = connection.channel()
    channel.confirm_delivery()
    print("confirm mode on")
    channel.queue_declare(queue=queue, auto_delete=False)

    publish(channel, queue, 'routed', True)
    publish(channel, unroutable, 'lost', True)
    publish(channel, unroutable, 'dropped', False)
    publish(channel, queue, 'after', True)

    bodies = []
    while True:
        method, properties, body = channel.basic_get(queue=queue, auto_ack=True)
        if method is None:
            break
        bodies.append(body.decode())
    print(f"queue holds: {' '.join(bodies)}")
    channel.queue_delete(queue=queue)
    connection.close()


if __name__ == '__main__':
    main()
