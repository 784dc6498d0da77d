# Mensajero's re-creation of the course's ejercicio-bloque-a/consumer-a.py, a copy of consumer.py
# (written from its description, not its code): run it beside consumer-b.py to see two receivers
# share the messages of the queue "hello".
# It connects as the course's scripts do: localhost, pika's default port, guest/guest. Another
# port comes from outside: PYTHONPATH=pika-shim AMQP_PORT=5673 (see pika-shim/sitecustomize.py).
import os
import sys

import pika


def main():
    connection = pika.BlockingConnection(
        pika.ConnectionParameters(host='localhost'))
    channel = connection.channel()

    channel.queue_declare(queue='hello')

    def callback(ch, method, properties, body):
        print(body.decode())

    channel.basic_consume(queue='hello', on_message_callback=callback, auto_ack=True)

    channel.start_consuming()


if __name__ == '__main__':
    try:
        main()
    except KeyboardInterrupt:
        print('Interrupted')
        try:
            sys.exit(0)
        except SystemExit:
            os._exit(0)
